import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { ok } from '@storefront/kernel';
import { formatMoney, mayActFor, requireRole, toPayload } from '@storefront/platform';
import type { PaymentView } from '../infrastructure/payment.queries';
import type { Resolvers } from './generated/resolvers-types';

export const typeDefs = parse(readFileSync(path.join(__dirname, 'schema.graphql'), 'utf8'));

const money = (amount: number, currency: string) => ({ amount, currency, formatted: formatMoney(amount, currency) });
const CAPTURED = new Set(['CAPTURED', 'PARTIALLY_REFUNDED', 'REFUNDED']);

export const resolvers: Resolvers = {
  Mutation: {
    refundPayment: async (_, { input }, ctx) => {
      requireRole(ctx.identity, 'admin');
      const result = await ctx.useCases.refundPayment.execute(input);
      if (!result.ok) return toPayload<'payment', PaymentView>('payment', result);
      return toPayload('payment', ok(await ctx.payments.clear(input.orderId).load(input.orderId)));
    },
  },
  Order: {
    // No query here: payments load through the per-request loader, so a list of orders is one query.
    __resolveReference: (ref) => ({ id: ref.id }),
    payment: async (order, _, ctx) => {
      const payment = await ctx.payments.load(order.id);
      return payment && mayActFor(ctx.identity, payment.customerId) ? payment : null;
    },
  },
  Payment: {
    amount: (payment) => money(payment.amount, payment.currency),
    captured: (payment) => (CAPTURED.has(payment.status) ? money(payment.capturedAmount, payment.currency) : null),
    refunded: (payment) => (payment.refundedAmount > 0 ? money(payment.refundedAmount, payment.currency) : null),
    failureReason: (payment) => payment.failureMessage,
  },
};
