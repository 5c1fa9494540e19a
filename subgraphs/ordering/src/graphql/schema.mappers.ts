// What the resolvers return for these SDL types, where it is not the SDL's shape
// (read by `pnpm schema:types`: each `<SdlType>Mapper` types that SDL type in the generated resolver types).
import type { CartLineView, CartView } from './cart-view';
import type { OrderLineView, OrderView } from '../infrastructure/order.queries';

/** A customer as ordering resolves one: its key alone; its orders are loaded from the id. */
interface CustomerKey {
  id: string;
}

export type CustomerMapper = CustomerKey;
export type OrderMapper = OrderView;
export type OrderLineMapper = OrderLineView;
export type CartMapper = CartView;
export type CartLineMapper = CartLineView;
