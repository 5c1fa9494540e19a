import { AggregateRoot } from '@storefront/kernel';
import type { OrderRedemptionEvent } from './order-redemption-events';
import type { Promotion, RedemptionRefusal } from './promotion.aggregate';

/**
 * REDEEMED: the order holds a redemption of each promotion it applied. REFUSED: one could not be
 * redeemed, so none was. GIVEN_BACK: the order was cancelled or rejected after redeeming, its
 * places are free again. CLOSED: the order was cancelled or rejected before it was seen placed,
 * so it will never redeem anything.
 */
export type OrderRedemptionStatus = 'REDEEMED' | 'REFUSED' | 'GIVEN_BACK' | 'CLOSED';

export interface Refusal {
  promotionId: string;
  code: string | null;
  reason: RedemptionRefusal | 'UNKNOWN_PROMOTION';
}

export interface OrderRedemptionState {
  orderId: string;
  customerId: string | null;
  status: OrderRedemptionStatus;
  /** The promotions redeemed for the order (kept once given back, to say what was). */
  promotionIds: readonly string[];
  refusal: Refusal | null;
  at: Date;
}

/** An order placed with promotions applied, as promotions hears of it. */
export interface PlacedOrder {
  orderId: string;
  customerId: string;
  promotionIds: readonly string[];
  placedAt: Date;
}

/**
 * What one order redeemed: all the promotions it applied, or none. The promotions passed in are
 * the ones the order names, loaded under lock; `customerRedemptions` counts, per promotion, the
 * redemptions the customer holds already.
 */
export class OrderRedemption extends AggregateRoot<OrderRedemptionEvent> {
  private constructor(private state: OrderRedemptionState) {
    super();
  }

  static redeem(order: PlacedOrder, promotions: readonly Promotion[], customerRedemptions: ReadonlyMap<string, number>): OrderRedemption {
    const byId = new Map(promotions.map((promotion) => [promotion.id, promotion]));
    const promotionIds = [...new Set(order.promotionIds)];
    const refusal = promotionIds.map((id) => refusalOf(id, byId.get(id), customerRedemptions.get(id) ?? 0)).find((r) => r !== null) ?? null;
    const about = { aggregateId: order.orderId, occurredAt: order.placedAt, orderId: order.orderId };
    if (refusal) {
      const refused = new OrderRedemption({ orderId: order.orderId, customerId: order.customerId, status: 'REFUSED', promotionIds: [], refusal, at: order.placedAt });
      refused.record({ type: 'RedemptionRefused', ...about, promotionId: refusal.promotionId, code: refusal.code, reason: refusal.reason });
      return refused;
    }
    for (const promotion of promotionIds.flatMap((id) => byId.get(id) ?? [])) promotion.redeem(customerRedemptions.get(promotion.id) ?? 0);
    const redeemed = new OrderRedemption({ orderId: order.orderId, customerId: order.customerId, status: 'REDEEMED', promotionIds, refusal: null, at: order.placedAt });
    redeemed.record({ type: 'PromotionsRedeemed', ...about, promotionIds });
    return redeemed;
  }

  /** An order cancelled or rejected before promotions saw it placed: a late order-placed redeems nothing. */
  static closedBeforePlaced(orderId: string, at: Date): OrderRedemption {
    return new OrderRedemption({ orderId, customerId: null, status: 'CLOSED', promotionIds: [], refusal: null, at });
  }

  static restore(state: OrderRedemptionState): OrderRedemption {
    return new OrderRedemption({ ...state });
  }

  get orderId(): string {
    return this.state.orderId;
  }

  get status(): OrderRedemptionStatus {
    return this.state.status;
  }

  /** The promotions whose places the order holds now. */
  get heldPromotionIds(): readonly string[] {
    return this.state.status === 'REDEEMED' ? this.state.promotionIds : [];
  }

  snapshot(): Readonly<OrderRedemptionState> {
    return { ...this.state };
  }

  /**
   * The order was cancelled or rejected: each promotion it redeemed gets its place back (the
   * promotions passed in are the held ones, under lock). Only a REDEEMED order has anything to
   * give back; any other status stays as it is, so a repeated cancellation gives back nothing.
   */
  giveBack(promotions: readonly Promotion[], at: Date): void {
    if (this.state.status !== 'REDEEMED') return;
    const byId = new Map(promotions.map((promotion) => [promotion.id, promotion]));
    for (const id of this.state.promotionIds) {
      const promotion = byId.get(id);
      if (!promotion) throw new Error(`Promotion ${id}, redeemed for order ${this.state.orderId}, was not loaded to be given back`);
      promotion.giveBack();
    }
    this.state = { ...this.state, status: 'GIVEN_BACK', at };
  }
}

function refusalOf(promotionId: string, promotion: Promotion | undefined, customerRedemptions: number): Refusal | null {
  if (!promotion) return { promotionId, code: null, reason: 'UNKNOWN_PROMOTION' };
  const reason = promotion.refusalFor(customerRedemptions);
  return reason ? { promotionId, code: promotion.code, reason } : null;
}
