import type { Cart } from './cart.aggregate';

/** The customers' carts, one open cart each. */
export interface CartRepository {
  /** The customer's cart, locked until the transaction ends so that changes to it apply one after the other; null when they have none yet. */
  forCustomer(customerId: string): Promise<Cart | null>;
  /** Stores a new or changed cart; ConcurrentModificationError when someone else saved it meanwhile. */
  save(cart: Cart): Promise<void>;
}
