import type { Cart } from './cart.aggregate';

/** The customers' carts, one open cart each. */
export interface CartRepository {
  /** The customer's cart (opened, empty, if they had none), locked until the transaction ends so that changes to it apply one after the other. */
  forCustomer(customerId: string): Promise<Cart>;
  /** Stores a new or changed cart; ConcurrentModificationError when someone else saved it meanwhile. */
  save(cart: Cart): Promise<void>;
}

/** Runs work on carts in one transaction of ordering's database. */
export interface CartTransactions {
  run<T>(work: (carts: CartRepository) => Promise<T>): Promise<T>;
}
