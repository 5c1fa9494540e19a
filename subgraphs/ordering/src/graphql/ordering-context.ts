import DataLoader from 'dataloader';
import type { Identity } from '@storefront/platform';
import type { PlaceOrder } from '../application/place-order/place-order.use-case';
import type { CancelOrder } from '../application/cancel-order/cancel-order.use-case';
import type { OrderQueries, OrderView } from '../infrastructure/order.queries';

export interface OrderingUseCases {
  placeOrder: PlaceOrder;
  cancelOrder: CancelOrder;
}

export interface OrderingContext {
  identity: Identity | null;
  queries: OrderQueries;
  useCases: OrderingUseCases;
  /** Per-request loader: every order asked for in one request, with its lines, costs one query. */
  orders: DataLoader<string, OrderView | null>;
}

export function orderingContext(identity: Identity | null, queries: OrderQueries, useCases: OrderingUseCases): OrderingContext {
  return {
    identity,
    queries,
    useCases,
    orders: new DataLoader((ids) => queries.byIds(ids), { maxBatchSize: 1000 }),
  };
}
