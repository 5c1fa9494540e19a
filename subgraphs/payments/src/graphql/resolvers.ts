import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { ok } from '@storefront/kernel';
import { formatMoney, mayActFor, requireRole, toPayload } from '@storefront/platform';
import type { PaymentView } from '../infrastructure/payment.queries';
import type { PaymentsContext } from './payments-context';

export const typeDefs = parse(readFileSync(path.join(__dirname, 'schema.graphql'), 'utf8'));

interface OrderRef {
  id: string;
}

interface RefundPaymentInput {
  orderId: string;
  amount: { amount: number; currency: string };
  reason?: string | null;
}

const money = (amount: number, currency: string) => ({ amount, currency, formatted: formatMoney(amount, currency) });
const CAPTURED = new Set(['CAPTURED', 'PARTIALLY_REFUNDED', 'REFUNDED']);

export const resolvers: GraphQLResolverMap<PaymentsContext> = {
  Mutation: {
    refundPayment: async (_: unknown, { input }: { input: RefundPaymentInput }, ctx: PaymentsContext) => {
      requireRole(ctx.identity, 'admin');
      const result = await ctx.useCases.refundPayment.execute(input);
      if (!result.ok) return toPayload('payment', result);
      return toPayload('payment', ok(await ctx.payments.clear(input.orderId).load(input.orderId)));
    },
  },
  Order: {
    // No query here: payments load through the per-request loader, so a list of orders is one query.
    __resolveReference: (ref: OrderRef) => ({ id: ref.id }),
    payment: async (order: OrderRef, _: unknown, ctx: PaymentsContext) => {
      const payment = await ctx.payments.load(order.id);
      return payment && mayActFor(ctx.identity, payment.customerId) ? payment : null;
    },
  },
  Payment: {
    amount: (payment: PaymentView) => money(payment.amount, payment.currency),
    captured: (payment: PaymentView) => (CAPTURED.has(payment.status) ? money(payment.capturedAmount, payment.currency) : null),
    refunded: (payment: PaymentView) => (payment.refundedAmount > 0 ? money(payment.refundedAmount, payment.currency) : null),
    failureReason: (payment: PaymentView) => payment.failureMessage,
  },
};
