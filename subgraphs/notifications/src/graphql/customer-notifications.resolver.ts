import { decodeCursor, encodeCursor, isUuid, pageSize } from '@storefront/platform';
import { maySee } from '../domain/visibility';
import type { NotificationPosition } from '../infrastructure/notification.queries';
import type { CustomerNotificationsArgs, ResolversParentTypes } from './generated/resolvers-types';
import type { NotificationsContext } from './notifications-context';

const CURSOR_NAMESPACE = 'notifications.customer';
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** A cursor's key is the edge's place in the list: when its news happened, then its id. */
const toKey = ({ occurredAt, id }: NotificationPosition) => `${occurredAt.toISOString()}|${id}`;

function fromKey(key: string): NotificationPosition | null {
  const separator = key.indexOf('|');
  const instant = key.slice(0, separator);
  const id = key.slice(separator + 1);
  if (separator < 0 || !ISO_INSTANT.test(instant) || !isUuid(id)) return null;
  const occurredAt = new Date(instant);
  return Number.isNaN(occurredAt.getTime()) ? null : { occurredAt, id };
}

const NOTHING_TO_SEE = { edges: [], pageInfo: { hasNextPage: false, endCursor: null } };

/**
 * A customer's notifications, a Relay connection, newest first. The arguments are checked for
 * everyone alike; a caller who may not see the customer's notifications then gets an empty list,
 * the same answer as for a customer who was told nothing, so it leaks nothing.
 */
export async function customerNotifications(customer: ResolversParentTypes['Customer'], args: CustomerNotificationsArgs, ctx: NotificationsContext) {
  const size = pageSize(args.first);
  const after = args.after ? fromKey(decodeCursor(CURSOR_NAMESPACE, args.after, (key) => fromKey(key) !== null)) : null;
  if (!maySee(ctx.identity, customer.id)) return NOTHING_TO_SEE;
  const page = await ctx.customerPages.load({ customerId: customer.id, after, size });
  const edges = page.items.map((node) => ({ cursor: encodeCursor(CURSOR_NAMESPACE, toKey(node)), node }));
  return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
}
