import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { isUuid, mayActFor } from '@storefront/platform';
import type { NotificationView } from '../infrastructure/notification.queries';
import { customerNotifications } from './customer-notifications.resolver';
import type { NotificationsContext } from './notifications-context';

export const typeDefs = parse(readFileSync(path.join(__dirname, 'schema.graphql'), 'utf8'));

interface EntityRef {
  id: string;
}

export const resolvers: GraphQLResolverMap<NotificationsContext> = {
  Customer: {
    // Any id is a customer who may have been told something; what they were told is loaded per field, batched.
    __resolveReference: (ref: EntityRef) => ({ id: ref.id }),
    notifications: customerNotifications,
  },
  Order: {
    __resolveReference: (ref: EntityRef) => ({ id: ref.id }),
    notifications: async (order: EntityRef, _: unknown, ctx: NotificationsContext) => {
      // Order ids are UUIDs: another shape names no order, and anonymous callers see nothing anyway.
      if (!ctx.identity || !isUuid(order.id)) return [];
      const told = await ctx.orderNotifications.load(order.id);
      return told.filter((notification) => mayActFor(ctx.identity, notification.customerId));
    },
  },
  Notification: {
    sentTo: (notification: NotificationView) => notification.address,
    sentAt: (notification: NotificationView) => notification.createdAt.toISOString(),
    occurredAt: (notification: NotificationView) => notification.occurredAt.toISOString(),
  },
};
