import DataLoader from 'dataloader';
import type { Identity } from '@storefront/platform';
import type { PlaceOrder } from '../application/place-order/place-order.use-case';
import type { CancelOrder } from '../application/cancel-order/cancel-order.use-case';
import type { ChangeCart } from '../application/change-cart/change-cart.use-case';
import type { Checkout } from '../application/checkout/checkout.use-case';
import type { CartPricer } from '../application/price-cart/cart-pricer';
import type { SetTaxRate } from '../application/set-tax-rate/set-tax-rate.use-case';
import type { CartQueries } from '../infrastructure/cart.queries';
import type { OrderQueries, OrderView } from '../infrastructure/order.queries';

export interface OrderingUseCases {
  placeOrder: PlaceOrder;
  cancelOrder: CancelOrder;
  checkout: Checkout;
}

/** Everything about carts the schema needs: reading and pricing them, changing them, the tax rates. */
export interface CartServices {
  queries: CartQueries;
  pricer: CartPricer;
  change: ChangeCart;
  setTaxRate: SetTaxRate;
}

export interface OrderingContext {
  identity: Identity | null;
  queries: OrderQueries;
  useCases: OrderingUseCases;
  carts: CartServices;
  /** Per-request loader: every order asked for in one request, with its lines, costs one query. */
  orders: DataLoader<string, OrderView | null>;
}

export function orderingContext(identity: Identity | null, queries: OrderQueries, useCases: OrderingUseCases, carts: CartServices): OrderingContext {
  return {
    identity,
    queries,
    useCases,
    carts,
    orders: new DataLoader((ids) => queries.byIds(ids), { maxBatchSize: 1000 }),
  };
}
