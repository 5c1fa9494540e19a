import { ProductCreatedV1, ProductDetailsChangedV1, ProductDiscontinuedV1, ProductPriceChangedV1 } from '@storefront/events';
import type { OutgoingEvent } from '@storefront/messaging';
import type { ProductEvent } from '../domain/product-events';

/**
 * Translates the catalog's domain events into the published language. `version` is the product's
 * version once the change is stored, so consumers can ignore anything that arrives late.
 */
export function toIntegrationEvent(event: ProductEvent, version: number): OutgoingEvent {
  const common = { aggregateId: event.aggregateId, occurredAt: event.occurredAt };
  switch (event.type) {
    case 'ProductCreated':
      return {
        ...common,
        contract: ProductCreatedV1,
        payload: { productId: event.aggregateId, sku: event.sku, name: event.name, price: event.price, version, categoryId: event.categoryId },
      };
    case 'ProductDetailsChanged':
      return {
        ...common,
        contract: ProductDetailsChangedV1,
        payload: { productId: event.aggregateId, name: event.name, categoryId: event.categoryId, version },
      };
    case 'ProductPriceChanged':
      return {
        ...common,
        contract: ProductPriceChangedV1,
        payload: { productId: event.aggregateId, price: event.price, previousPrice: event.previousPrice, version },
      };
    case 'ProductDiscontinued':
      return { ...common, contract: ProductDiscontinuedV1, payload: { productId: event.aggregateId, version } };
  }
}
