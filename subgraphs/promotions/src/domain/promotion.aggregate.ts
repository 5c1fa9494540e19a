import { AggregateRoot, fail, ok, type Result } from '@storefront/kernel';
import type { PromotionEvent } from './promotion-events';
import type { PromotionTerms } from './promotion-terms';

export type PromotionStatus = 'SCHEDULED' | 'ACTIVE' | 'ENDED';

export interface PromotionState {
  id: string;
  terms: PromotionTerms;
  /** When an admin ended it; null while it runs its course. */
  endedAt: Date | null;
  /** Orders holding a redemption of it now: redeemed and not given back. */
  redemptionCount: number;
  createdAt: Date;
}

/** SCHEDULED before its start, ACTIVE until its end, ENDED from its end or once an admin ended it. */
export function promotionStatus({ endedAt, terms }: Pick<PromotionState, 'endedAt' | 'terms'>, now: Date): PromotionStatus {
  if (endedAt !== null || (terms.endsAt !== null && now >= terms.endsAt)) return 'ENDED';
  return now < terms.startsAt ? 'SCHEDULED' : 'ACTIVE';
}

/** Why one order cannot redeem a promotion, with a stable code. */
export type RedemptionRefusal = 'USAGE_LIMIT_REACHED' | 'CUSTOMER_LIMIT_REACHED';

/**
 * A promotion: terms fixed at creation, a period, and how often orders hold a redemption of it.
 * It guards its limits: never more redemptions than `usageLimit`, never more for one customer
 * than `perCustomerLimit`; a redemption given back frees its place.
 */
export class Promotion extends AggregateRoot<PromotionEvent> {
  private constructor(private state: PromotionState) {
    super();
  }

  /**
   * A new promotion with checked terms. DUPLICATE_CODE when one of `sameCode` (the promotions with
   * its code that have not ended) runs at any time this one would.
   */
  static create(id: string, terms: PromotionTerms, sameCode: readonly Promotion[], now: Date): Result<Promotion> {
    const promotion = new Promotion({ id, terms, endedAt: null, redemptionCount: 0, createdAt: now });
    const clash = sameCode.find((other) => other.overlaps(promotion, now));
    if (terms.code !== null && clash) {
      return fail('DUPLICATE_CODE', `The code ${terms.code} is already used by promotion ${clash.id} at the same time.`, 'code');
    }
    promotion.record({ type: 'PromotionActivated', aggregateId: id, occurredAt: now, terms });
    return ok(promotion);
  }

  /** Rebuilds a promotion from storage; no rule runs and no event is recorded. */
  static restore(state: PromotionState): Promotion {
    return new Promotion({ ...state });
  }

  get id(): string {
    return this.state.id;
  }

  get code(): string | null {
    return this.state.terms.code;
  }

  snapshot(): Readonly<PromotionState> {
    return { ...this.state };
  }

  statusAt(now: Date): PromotionStatus {
    return promotionStatus(this.state, now);
  }

  /** An admin ends it now; one that has ended already (by an admin or its end date) stays as it is. */
  end(now: Date): Result<void> {
    if (this.statusAt(now) === 'ENDED') return fail('ALREADY_ENDED', `Promotion ${this.state.id} has already ended.`, 'id');
    this.state = { ...this.state, endedAt: now };
    this.record({ type: 'PromotionEnded', aggregateId: this.state.id, occurredAt: now });
    return ok(undefined);
  }

  /**
   * Whether an order whose customer holds `customerRedemptions` redemptions of it already may
   * redeem it too; null when it may. Only the limits are checked here: ordering applied the
   * promotion within the period it knew of, and an admin's ending reaches it as an event, so an
   * order placed in between keeps what it was shown (an unlimited promotion is never refused).
   */
  refusalFor(customerRedemptions: number): RedemptionRefusal | null {
    const { usageLimit, perCustomerLimit } = this.state.terms;
    if (usageLimit !== null && this.state.redemptionCount >= usageLimit) return 'USAGE_LIMIT_REACHED';
    if (perCustomerLimit !== null && customerRedemptions >= perCustomerLimit) return 'CUSTOMER_LIMIT_REACHED';
    return null;
  }

  /** Takes one place; the caller asked `refusalFor` first (a refused redemption is a bug here). */
  redeem(customerRedemptions: number): void {
    const refusal = this.refusalFor(customerRedemptions);
    if (refusal) throw new Error(`Promotion ${this.state.id} cannot be redeemed: ${refusal}`);
    this.state = { ...this.state, redemptionCount: this.state.redemptionCount + 1 };
  }

  /** An order that held a redemption will not go ahead: its place is free again. */
  giveBack(): void {
    if (this.state.redemptionCount === 0) throw new Error(`Promotion ${this.state.id} has no redemption to give back`);
    this.state = { ...this.state, redemptionCount: this.state.redemptionCount - 1 };
  }

  /** Whether two promotions could be live at one moment from `now` on. */
  private overlaps(other: Promotion, now: Date): boolean {
    if (this.statusAt(now) === 'ENDED') return false;
    const a = this.state.terms;
    const b = other.state.terms;
    const startsBeforeOtherEnds = b.endsAt === null || a.startsAt < b.endsAt;
    const otherStartsBeforeThisEnds = a.endsAt === null || b.startsAt < a.endsAt;
    return startsBeforeOtherEnds && otherStartsBeforeThisEnds;
  }
}
