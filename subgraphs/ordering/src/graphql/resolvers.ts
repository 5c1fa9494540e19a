import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { Result } from '@storefront/kernel';
import { formatMoney, requireRole, toPayload } from '@storefront/platform';
import type { PlaceOrderCommand } from '../application/place-order/place-order.use-case';
import type { CheckoutCommand } from '../application/checkout/checkout.use-case';
import type { MoneyView, OrderLineView, OrderView } from '../infrastructure/order.queries';
import { cartResolvers } from './cart.resolvers';
import { customerOrders } from './customer-orders.resolver';
import { maySee, type OrderingContext } from './ordering-context';

export const typeDefs = parse(readFileSync(path.join(__dirname, 'schema.graphql'), 'utf8'));

type PlaceOrderInput = Omit<PlaceOrderCommand, 'customerId'>;
type CheckoutInput = Omit<CheckoutCommand, 'customerId'>;

const money = ({ amount, currency }: MoneyView) => ({ amount, currency, formatted: formatMoney(amount, currency) });

/** An order the caller may see, or null: someone else's order is as absent as one that never existed. */
async function visibleOrder(ctx: OrderingContext, id: string): Promise<OrderView | null> {
  const order = await ctx.orders.load(id);
  return order && maySee(ctx.identity, order.customerId) ? order : null;
}

/** A payload with the order as it is now, read after the change. */
async function orderPayload(ctx: OrderingContext, result: Result<{ orderId: string }>) {
  if (!result.ok) return toPayload('order', result);
  ctx.orders.clear(result.value.orderId);
  return { order: await visibleOrder(ctx, result.value.orderId), errors: [] };
}

export const resolvers: GraphQLResolverMap<OrderingContext> = {
  Query: {
    order: (_: unknown, { id }: { id: string }, ctx: OrderingContext) => visibleOrder(ctx, id),
    me: (_: unknown, __: unknown, ctx: OrderingContext) => (ctx.identity ? { id: ctx.identity.subject } : null),
  },
  Mutation: {
    placeOrder: async (_: unknown, { input }: { input: PlaceOrderInput }, ctx: OrderingContext) => {
      const customer = requireRole(ctx.identity, 'customer');
      return orderPayload(ctx, await ctx.useCases.placeOrder.execute({ ...input, customerId: customer.subject }));
    },
    checkout: async (_: unknown, { input }: { input: CheckoutInput }, ctx: OrderingContext) => {
      const customer = requireRole(ctx.identity, 'customer');
      const result = await ctx.useCases.checkout.execute({ ...input, customerId: customer.subject });
      if (!result.ok) {
        const { total, ...error } = result.error;
        return { order: null, errors: [error], total: total ? money(total) : null };
      }
      return { ...(await orderPayload(ctx, result)), total: null };
    },
    ...cartResolvers.Mutation,
    cancelOrder: async (_: unknown, { id }: { id: string }, ctx: OrderingContext) => {
      const customer = requireRole(ctx.identity, 'customer');
      return orderPayload(ctx, await ctx.useCases.cancelOrder.execute({ orderId: id, customerId: customer.subject }));
    },
  },
  Customer: {
    __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
    orders: customerOrders,
    ...cartResolvers.Customer,
  },
  Cart: cartResolvers.Cart,
  CartLine: cartResolvers.CartLine,
  Order: {
    // Through the loader: a list of orders from another subgraph is one query, not one per order.
    __resolveReference: (ref: { id: string }, ctx: OrderingContext) => visibleOrder(ctx, ref.id),
    total: (order: OrderView) => money(order.total),
    subtotal: (order: OrderView) => money(order.subtotal),
    discount: (order: OrderView) => money(order.discount),
    shipping: (order: OrderView) => money(order.shipping),
    tax: (order: OrderView) => money(order.tax),
    appliedPromotions: (order: OrderView) => order.appliedPromotions.map((promotion) => ({ ...promotion, amount: money(promotion.amount) })),
    placedAt: (order: OrderView) => order.placedAt.toISOString(),
    customer: (order: OrderView) => ({ id: order.customerId }),
  },
  OrderLine: {
    product: (line: OrderLineView) => ({ id: line.productId }),
    unitPrice: (line: OrderLineView) => money(line.unitPrice),
    lineTotal: (line: OrderLineView) => money({ amount: line.unitPrice.amount * line.quantity, currency: line.unitPrice.currency }),
  },
};
