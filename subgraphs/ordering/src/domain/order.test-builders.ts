import { Money } from './money.value-object';
import { linesOnly } from './order-charges';
import { Order, type OrderState } from './order.aggregate';
import type { CheckedOrderRequest } from './order-request';
import type { OrderStatus } from './order-status';
import type { PricedProduct } from './priced-product';

export const MUG = '7d2f1a52-0000-4000-8000-000000000001';
export const TEAPOT = '7d2f1a52-0000-4000-8000-000000000002';
export const now = new Date('2026-11-21T10:00:00.000Z');

export function aPricedProduct(overrides: Partial<PricedProduct> = {}): PricedProduct {
  return { productId: MUG, sku: 'MUG-1', name: 'Enamel mug', price: { amount: 1299, currency: 'EUR' }, categoryId: null, discontinuedAt: null, catalogVersion: 0, ...overrides };
}

export const anAddress = () => ({ name: 'Ada Lovelace', line1: '1 Analytical Way', line2: null, city: 'London', postalCode: 'N1 9GU', country: 'GB' });

export function aCheckedRequest(overrides: Partial<CheckedOrderRequest> = {}): CheckedOrderRequest {
  return {
    idempotencyKey: 'key-1',
    lines: [{ productId: MUG, quantity: 2, index: 0 }],
    shippingAddress: anAddress(),
    contactEmail: 'ada@example.com',
    paymentToken: 'tok_visa',
    ...overrides,
  };
}

/** An order as storage would give it back, two mugs and a teapot, in any status. */
export function aStoredOrder(status: OrderStatus, overrides: Partial<OrderState> = {}): Order {
  return Order.restore({
    id: 'a3c1e2d4-0000-4000-8000-00000000000a',
    customerId: 'customer-1',
    idempotencyKey: 'key-1',
    status,
    lines: [
      { productId: MUG, name: 'Enamel mug', quantity: 2, unitPrice: Money.of(1299, 'EUR') },
      { productId: TEAPOT, name: 'Teapot', quantity: 1, unitPrice: Money.of(3500, 'EUR') },
    ],
    total: Money.of(6098, 'EUR'),
    charges: linesOnly(Money.of(6098, 'EUR')),
    awaitingRedemption: false,
    contactEmail: 'ada@example.com',
    shippingAddress: anAddress(),
    statusReason: status === 'CANCELLED' ? { code: 'CUSTOMER_CANCELLED', message: 'Cancelled by the customer.' } : null,
    statusSince: now,
    releasedForDispatch: false,
    shipment: null,
    placedAt: now,
    version: 3,
    ...overrides,
  });
}
