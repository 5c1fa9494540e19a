import { instantCursors, mayActFor, pageSize } from '@storefront/platform';
import type { CustomerOrdersArgs, ResolversParentTypes } from './generated/resolvers-types';
import type { OrderingContext } from './ordering-context';

/** An edge's place in the list: when the order was placed, then its id. */
const cursors = instantCursors('ordering.customer-orders');

const EMPTY = { edges: [], pageInfo: { hasNextPage: false, endCursor: null } };

/** Customer.orders: a Relay connection, newest first; empty for anyone but the customer and admins. */
export async function customerOrders(customer: ResolversParentTypes['Customer'], args: CustomerOrdersArgs, ctx: OrderingContext) {
  const size = pageSize(args.first);
  const after = cursors.decode(args.after);
  if (!mayActFor(ctx.identity, customer.id)) return EMPTY;
  const page = await ctx.queries.ofCustomer(customer.id, after && { placedAt: after.at, id: after.id }, size);
  // The orders are loaded already: their fields and any entity lookup in this request need no query.
  page.items.forEach((order) => ctx.orders.prime(order.id, order));
  const edges = page.items.map((order) => ({ cursor: cursors.encode({ at: order.placedAt, id: order.id }), node: order }));
  return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
}
