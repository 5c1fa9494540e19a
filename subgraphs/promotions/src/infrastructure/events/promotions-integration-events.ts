import { PromotionActivatedV1, PromotionEndedV1, PromotionsRedeemedV1, RedemptionRefusedV1 } from '@storefront/events';
import type { OutgoingEvent } from '@storefront/messaging';
import type { OrderRedemptionEvent } from '../../domain/order-redemption-events';
import type { PromotionEvent } from '../../domain/promotion-events';

/**
 * Translates promotions' domain events into the published language; the repositories write what
 * this returns to the outbox in the same transaction as the change. A promotion's news starts a
 * chain of its own; an order's redemption joins the order's saga (correlated by the order id),
 * caused by the event being handled.
 */
export function toIntegrationEvents(events: readonly (PromotionEvent | OrderRedemptionEvent)[], causationId: string | null = null): OutgoingEvent[] {
  return events.map((event): OutgoingEvent => {
    const about = { aggregateId: event.aggregateId, occurredAt: event.occurredAt };
    switch (event.type) {
      case 'PromotionActivated': {
        const { terms } = event;
        const payload = {
          promotionId: event.aggregateId,
          code: terms.code,
          description: terms.description,
          kind: terms.kind,
          percentOff: terms.percentOff,
          amountOff: terms.amountOff,
          productIds: [...terms.productIds],
          categoryIds: [...terms.categoryIds],
          minimumSubtotal: terms.minimumSubtotal,
          startsAt: terms.startsAt.toISOString(),
          endsAt: terms.endsAt?.toISOString() ?? null,
          // Only a limited promotion can be refused at redemption, and so hold an order back.
          limited: terms.usageLimit !== null || terms.perCustomerLimit !== null,
        };
        return { ...about, contract: PromotionActivatedV1, payload };
      }
      case 'PromotionEnded':
        return { ...about, contract: PromotionEndedV1, payload: { promotionId: event.aggregateId } };
      case 'PromotionsRedeemed':
        return { ...about, correlationId: event.orderId, causationId, contract: PromotionsRedeemedV1, payload: { orderId: event.orderId, promotionIds: [...event.promotionIds] } };
      case 'RedemptionRefused': {
        const { orderId, promotionId, code, reason } = event;
        return { ...about, correlationId: orderId, causationId, contract: RedemptionRefusedV1, payload: { orderId, promotionId, code, reason } };
      }
    }
  });
}
