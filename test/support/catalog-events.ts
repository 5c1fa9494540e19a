import { ProductCreatedV1, ProductDetailsChangedV1, ProductDiscontinuedV1, ProductPriceChangedV1, type EventEnvelope } from '@storefront/events';
import { toEnvelope } from '@storefront/messaging';

/** catalog.product-created.v1 as catalog publishes it, at version 0 unless told otherwise. */
export function productCreated(productId: string, overrides: { sku?: string; name?: string; version?: number; categoryId?: string | null } = {}): EventEnvelope {
  const payload = { productId, sku: `MUG-${productId.slice(0, 8).toUpperCase()}`, name: 'Enamel mug', price: { amount: 1299, currency: 'EUR' }, version: 0, ...overrides };
  return toEnvelope({ contract: ProductCreatedV1, aggregateId: productId, payload, occurredAt: new Date() });
}

export function productDiscontinued(productId: string, version: number, occurredAt = new Date()): EventEnvelope {
  return toEnvelope({ contract: ProductDiscontinuedV1, aggregateId: productId, payload: { productId, version }, occurredAt });
}

export function productPriceChanged(productId: string, version: number): EventEnvelope {
  const payload = { productId, price: { amount: 1499, currency: 'EUR' }, previousPrice: { amount: 1299, currency: 'EUR' }, version };
  return toEnvelope({ contract: ProductPriceChangedV1, aggregateId: productId, payload, occurredAt: new Date() });
}

/** catalog.product-details-changed.v1: a new name, and the category (none unless told). */
export function productDetailsChanged(productId: string, version: number, details: { name?: string; categoryId?: string | null } = {}): EventEnvelope {
  const payload = { productId, name: 'Stoneware mug', categoryId: null, version, ...details };
  return toEnvelope({ contract: ProductDetailsChangedV1, aggregateId: productId, payload, occurredAt: new Date() });
}
