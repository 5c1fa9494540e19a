import type { OrderStatus } from './order-status';

/** What the other contexts tell ordering about an order. */
export type SagaStep = 'stockReserved' | 'stockRefused' | 'paymentAuthorized' | 'paymentDeclined' | 'dispatched' | 'delivered';

/**
 * What a step does to an order: `moved` to the step's status; `unchanged`, because the order is
 * already there or past it (a repeated or late event never moves an order backwards); or
 * `too-early`, because a step it must come after has not been heard of yet (retry later).
 */
export type SagaOutcome = 'moved' | 'unchanged' | 'too-early';

interface Rule {
  to: OrderStatus;
  /** The statuses the step moves the order from. */
  from: readonly OrderStatus[];
  /** The statuses from which the step cannot have happened yet. */
  tooEarly: readonly OrderStatus[];
}

export const SAGA_RULES: Readonly<Record<SagaStep, Rule>> = {
  stockReserved: { to: 'AWAITING_PAYMENT', from: ['PLACED'], tooEarly: [] },
  // Inventory answers an order once: a refusal meets a placed order, or is stale.
  stockRefused: { to: 'REJECTED', from: ['PLACED'], tooEarly: [] },
  // Payments authorizes only once stock is reserved, so an authorization that overtakes the
  // reservation proves it: the order is confirmed, and the reservation, when it comes, is stale.
  paymentAuthorized: { to: 'CONFIRMED', from: ['PLACED', 'AWAITING_PAYMENT'], tooEarly: [] },
  paymentDeclined: { to: 'CANCELLED', from: ['PLACED', 'AWAITING_PAYMENT'], tooEarly: [] },
  // Shipping prepares a shipment only once it hears the order is confirmed, and delivers only what
  // it dispatched: a dispatch or delivery ahead of those waits for them (order-shipped must go out).
  dispatched: { to: 'SHIPPED', from: ['CONFIRMED'], tooEarly: ['PLACED', 'AWAITING_PAYMENT'] },
  delivered: { to: 'DELIVERED', from: ['SHIPPED'], tooEarly: ['PLACED', 'AWAITING_PAYMENT', 'CONFIRMED'] },
};

export function decide(status: OrderStatus, step: SagaStep): SagaOutcome {
  const rule = SAGA_RULES[step];
  if (rule.from.includes(status)) return 'moved';
  return rule.tooEarly.includes(status) ? 'too-early' : 'unchanged';
}
