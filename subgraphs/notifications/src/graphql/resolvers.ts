import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { isUuid, mayActFor } from '@storefront/platform';
import { customerNotifications } from './customer-notifications.resolver';
import type { Resolvers } from './generated/resolvers-types';

export const typeDefs = parse(readFileSync(path.join(__dirname, 'schema.graphql'), 'utf8'));

export const resolvers: Resolvers = {
  Customer: {
    // Any id is a customer who may have been told something; what they were told is loaded per field, batched.
    __resolveReference: (ref) => ({ id: ref.id }),
    notifications: customerNotifications,
  },
  Order: {
    __resolveReference: (ref) => ({ id: ref.id }),
    notifications: async (order, _, ctx) => {
      // Order ids are UUIDs: another shape names no order, and anonymous callers see nothing anyway.
      if (!ctx.identity || !isUuid(order.id)) return [];
      const told = await ctx.orderNotifications.load(order.id);
      return told.filter((notification) => mayActFor(ctx.identity, notification.customerId));
    },
  },
  Notification: {
    sentTo: (notification) => notification.address,
    sentAt: (notification) => notification.createdAt.toISOString(),
    occurredAt: (notification) => notification.occurredAt.toISOString(),
  },
};
