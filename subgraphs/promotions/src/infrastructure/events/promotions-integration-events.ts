import type { OutgoingEvent } from '@storefront/messaging';
import type { PromotionEvent } from '../../domain/promotion-events';

/**
 * Translates promotions's domain events into the published language; the repository writes what
 * this returns to the outbox in the same transaction as the change.
 */
export function toIntegrationEvents(events: readonly PromotionEvent[]): OutgoingEvent[] {
  return events.flatMap((event): OutgoingEvent[] => {
    switch (event.type) {
      // Nobody outside promotions needs this yet. To publish it, give it a versioned contract in
      // @storefront/events and return { contract, aggregateId, payload, occurredAt } here.
      case 'PromotionCreated':
        return [];
    }
  });
}
