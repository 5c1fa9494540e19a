import { decodeCursor, encodeCursor, isUuid, pageSize } from '@storefront/platform';
import type { OrderPosition } from '../infrastructure/order.queries';
import type { CustomerOrdersArgs, ResolversParentTypes } from './generated/resolvers-types';
import { maySee, type OrderingContext } from './ordering-context';

const CURSOR_NAMESPACE = 'ordering.customer-orders';
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** A cursor's key is the edge's place in the list: when the order was placed, then its id. */
const toKey = ({ placedAt, id }: OrderPosition) => `${placedAt.toISOString()}|${id}`;

function fromKey(key: string): OrderPosition | null {
  const [instant = '', id = '', ...rest] = key.split('|');
  if (rest.length > 0 || !ISO_INSTANT.test(instant) || !isUuid(id)) return null;
  const placedAt = new Date(instant);
  return Number.isNaN(placedAt.getTime()) ? null : { placedAt, id };
}

const EMPTY = { edges: [], pageInfo: { hasNextPage: false, endCursor: null } };

/** Customer.orders: a Relay connection, newest first; empty for anyone but the customer and admins. */
export async function customerOrders(customer: ResolversParentTypes['Customer'], args: CustomerOrdersArgs, ctx: OrderingContext) {
  const size = pageSize(args.first);
  const after = args.after ? fromKey(decodeCursor(CURSOR_NAMESPACE, args.after, (key) => fromKey(key) !== null)) : null;
  if (!maySee(ctx.identity, customer.id)) return EMPTY;
  const page = await ctx.queries.ofCustomer(customer.id, after, size);
  // The orders are loaded already: their fields and any entity lookup in this request need no query.
  page.items.forEach((order) => ctx.orders.prime(order.id, order));
  const edges = page.items.map((order) => ({ cursor: encodeCursor(CURSOR_NAMESPACE, toKey(order)), node: order }));
  return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
}
