import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import type { Result } from '@storefront/kernel';
import { formatMoney, mayActFor, requireRole, toPayload } from '@storefront/platform';
import type { MoneyView, OrderView } from '../infrastructure/order.queries';
import { cartResolvers } from './cart.resolvers';
import { customerOrders } from './customer-orders.resolver';
import type { Resolvers } from './generated/resolvers-types';
import type { OrderingContext } from './ordering-context';

export const typeDefs = parse(readFileSync(path.join(__dirname, 'schema.graphql'), 'utf8'));

const money = ({ amount, currency }: MoneyView) => ({ amount, currency, formatted: formatMoney(amount, currency) });

/** An order the caller may see, or null: someone else's order is as absent as one that never existed. */
async function visibleOrder(ctx: OrderingContext, id: string): Promise<OrderView | null> {
  const order = await ctx.orders.load(id);
  return order && mayActFor(ctx.identity, order.customerId) ? order : null;
}

/** A payload with the order as it is now, read after the change. */
async function orderPayload(ctx: OrderingContext, result: Result<{ orderId: string }>) {
  if (!result.ok) return toPayload<'order', OrderView>('order', result);
  ctx.orders.clear(result.value.orderId);
  return { order: await visibleOrder(ctx, result.value.orderId), errors: [] };
}

export const resolvers: Resolvers = {
  Query: {
    order: (_, { id }, ctx) => visibleOrder(ctx, id),
    me: (_, __, ctx) => (ctx.identity ? { id: ctx.identity.subject } : null),
  },
  Mutation: {
    placeOrder: async (_, { input }, ctx) => {
      const customer = requireRole(ctx.identity, 'customer');
      return orderPayload(ctx, await ctx.useCases.placeOrder.execute({ ...input, customerId: customer.subject }));
    },
    checkout: async (_, { input }, ctx) => {
      const customer = requireRole(ctx.identity, 'customer');
      const result = await ctx.useCases.checkout.execute({ ...input, customerId: customer.subject });
      if (!result.ok) {
        const { total, ...error } = result.error;
        return { order: null, errors: [error], total: total ? money(total) : null };
      }
      return { ...(await orderPayload(ctx, result)), total: null };
    },
    ...cartResolvers.Mutation,
    cancelOrder: async (_, { id }, ctx) => {
      const customer = requireRole(ctx.identity, 'customer');
      return orderPayload(ctx, await ctx.useCases.cancelOrder.execute({ orderId: id, customerId: customer.subject }));
    },
  },
  Customer: {
    __resolveReference: (ref) => ({ id: ref.id }),
    orders: customerOrders,
    ...cartResolvers.Customer,
  },
  Cart: cartResolvers.Cart,
  CartLine: cartResolvers.CartLine,
  Order: {
    // Through the loader: a list of orders from another subgraph is one query, not one per order.
    __resolveReference: (ref, ctx) => visibleOrder(ctx, ref.id),
    total: (order) => money(order.total),
    subtotal: (order) => money(order.subtotal),
    discount: (order) => money(order.discount),
    shipping: (order) => money(order.shipping),
    tax: (order) => money(order.tax),
    appliedPromotions: (order) => order.appliedPromotions.map((promotion) => ({ ...promotion, amount: money(promotion.amount) })),
    placedAt: (order) => order.placedAt.toISOString(),
    waitingUntil: (order) => order.waitingUntil?.toISOString() ?? null,
    customer: (order) => ({ id: order.customerId }),
  },
  OrderLine: {
    product: (line) => ({ id: line.productId }),
    unitPrice: (line) => money(line.unitPrice),
    lineTotal: (line) => money({ amount: line.unitPrice.amount * line.quantity, currency: line.unitPrice.currency }),
  },
};
