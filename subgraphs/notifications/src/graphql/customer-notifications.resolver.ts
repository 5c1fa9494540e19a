import { instantCursors, mayActFor, pageSize } from '@storefront/platform';
import type { CustomerNotificationsArgs, ResolversParentTypes } from './generated/resolvers-types';
import type { NotificationsContext } from './notifications-context';

/** An edge's place in the list: when its news happened, then its id. */
const cursors = instantCursors('notifications.customer');

const NOTHING_TO_SEE = { edges: [], pageInfo: { hasNextPage: false, endCursor: null } };

/**
 * A customer's notifications, a Relay connection, newest first. The arguments are checked for
 * everyone alike; a caller who may not see the customer's notifications then gets an empty list,
 * the same answer as for a customer who was told nothing, so it leaks nothing.
 */
export async function customerNotifications(customer: ResolversParentTypes['Customer'], args: CustomerNotificationsArgs, ctx: NotificationsContext) {
  const size = pageSize(args.first);
  const after = cursors.decode(args.after);
  if (!mayActFor(ctx.identity, customer.id)) return NOTHING_TO_SEE;
  const page = await ctx.customerPages.load({ customerId: customer.id, after: after && { occurredAt: after.at, id: after.id }, size });
  const edges = page.items.map((node) => ({ cursor: cursors.encode({ at: node.occurredAt, id: node.id }), node }));
  return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
}
