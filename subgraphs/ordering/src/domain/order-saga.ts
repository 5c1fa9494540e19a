import type { OrderStatus } from './order-status';

/** What the other contexts tell ordering about an order. */
export type SagaStep =
  | 'stockReserved'
  | 'stockRefused'
  | 'paymentAuthorized'
  | 'paymentDeclined'
  | 'promotionsRedeemed'
  | 'redemptionRefused'
  | 'dispatched'
  | 'delivered';

/**
 * What a step does to an order: `moved` on; `unchanged`, because the order is already there or
 * past it (a repeated or late event never moves an order backwards); or `too-early`, because a
 * step it must come after has not been heard of yet (retry later).
 */
export type SagaOutcome = 'moved' | 'unchanged' | 'too-early';

/**
 * Where an order is in the saga: its status, and whether the promotions it applied still wait to be
 * redeemed (an order without promotions never waits). Confirmation needs stock reserved, payment
 * authorized and, if it applied promotions, the promotions redeemed; these answers come in any order.
 */
export interface SagaPosition {
  status: OrderStatus;
  awaitingRedemption: boolean;
}

interface Rule {
  /** The statuses the step moves the order from. */
  from: readonly OrderStatus[];
  /** The statuses from which the step cannot have happened yet. */
  tooEarly: readonly OrderStatus[];
  /** A step about promotions moves only an order that still waits for them. */
  onlyWhileAwaitingRedemption?: true;
  to(position: SagaPosition): SagaPosition;
}

const GOING_AHEAD: readonly OrderStatus[] = ['PLACED', 'AWAITING_PAYMENT'];
const NOT_YET_CONFIRMED: readonly OrderStatus[] = [...GOING_AHEAD, 'AWAITING_PROMOTIONS'];
const into = (status: OrderStatus) => (position: SagaPosition): SagaPosition => ({ ...position, status });

export const SAGA_RULES: Readonly<Record<SagaStep, Rule>> = {
  stockReserved: { from: ['PLACED'], tooEarly: [], to: into('AWAITING_PAYMENT') },
  // Inventory answers an order once: a refusal meets a placed order, or is stale.
  stockRefused: { from: ['PLACED'], tooEarly: [], to: into('REJECTED') },
  // Payments authorizes only once stock is reserved, so an authorization that overtakes the
  // reservation proves it: the reservation, when it comes, is stale. The order is confirmed unless
  // its promotions are still to be redeemed.
  paymentAuthorized: {
    from: GOING_AHEAD,
    tooEarly: [],
    to: (position) => ({ ...position, status: position.awaitingRedemption ? 'AWAITING_PROMOTIONS' : 'CONFIRMED' }),
  },
  paymentDeclined: { from: GOING_AHEAD, tooEarly: [], to: into('CANCELLED') },
  // Promotions answers while stock and payment are still under way, or after both.
  promotionsRedeemed: {
    from: NOT_YET_CONFIRMED,
    tooEarly: [],
    onlyWhileAwaitingRedemption: true,
    to: ({ status }) => ({ status: status === 'AWAITING_PROMOTIONS' ? 'CONFIRMED' : status, awaitingRedemption: false }),
  },
  // Stock already reserved is released and an authorization voided when they hear of the rejection.
  redemptionRefused: {
    from: NOT_YET_CONFIRMED,
    tooEarly: [],
    onlyWhileAwaitingRedemption: true,
    to: () => ({ status: 'REJECTED', awaitingRedemption: false }),
  },
  // Shipping prepares a shipment only once it hears the order is confirmed, and delivers only what
  // it dispatched: a dispatch or delivery ahead of those waits for them (order-shipped must go out).
  dispatched: { from: ['CONFIRMED'], tooEarly: NOT_YET_CONFIRMED, to: into('SHIPPED') },
  delivered: { from: ['SHIPPED'], tooEarly: [...NOT_YET_CONFIRMED, 'CONFIRMED'], to: into('DELIVERED') },
};

export type SagaDecision = { outcome: 'moved'; to: SagaPosition } | { outcome: 'unchanged' | 'too-early' };

export function decide(position: SagaPosition, step: SagaStep): SagaDecision {
  const rule = SAGA_RULES[step];
  const applies = rule.from.includes(position.status) && (!rule.onlyWhileAwaitingRedemption || position.awaitingRedemption);
  if (applies) return { outcome: 'moved', to: rule.to(position) };
  return { outcome: rule.tooEarly.includes(position.status) ? 'too-early' : 'unchanged' };
}
