import type { Cart } from './cart.aggregate';

/** The customers' carts, one open cart each, inside one transaction. */
export interface CartRepository {
  /** The customer's cart (opened, empty, if they had none), locked until the transaction ends so that changes to it apply one after the other. */
  forCustomer(customerId: string): Promise<Cart>;
  /** Stores the changed cart, in the transaction it was locked in. */
  save(cart: Cart): Promise<void>;
}
