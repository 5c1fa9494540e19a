import { Shipment, type NewShipment } from './shipment.aggregate';

const now = new Date('2026-01-01T10:00:00Z');
const later = new Date('2026-01-03T16:00:00Z');

function pending(overrides: Partial<NewShipment> = {}): Shipment {
  return Shipment.prepare({
    id: 'shipment-1',
    orderId: 'order-1',
    customerId: 'customer-1',
    address: { name: 'Ada Lovelace', line1: 'Unter den Linden 1', line2: null, city: 'Berlin', postalCode: '10117', country: 'DE' },
    lines: [{ productId: 'mug', quantity: 2 }],
    ...overrides,
  });
}

describe('Shipment', () => {
  it('is prepared pending, with no carrier yet', () => {
    expect(pending().snapshot()).toMatchObject({ status: 'PENDING', carrier: null, trackingNumber: null, dispatchedAt: null });
    expect(pending().pullEvents()).toEqual([]);
  });

  it('is dispatched once, with its carrier and tracking number, and says so with its lines', () => {
    const shipment = pending();
    expect(shipment.dispatch('DHL', 'DHL-1', now)).toEqual({ ok: true, value: undefined });
    expect(shipment.dispatch('UPS', 'UPS-2', now)).toEqual({ ok: false, error: expect.objectContaining({ code: 'NOT_DISPATCHABLE', field: 'orderId' }) });
    expect(shipment.snapshot()).toMatchObject({ status: 'DISPATCHED', carrier: 'DHL', trackingNumber: 'DHL-1', dispatchedAt: now });
    expect(shipment.pullEvents()).toEqual([
      { type: 'ShipmentDispatched', aggregateId: 'shipment-1', orderId: 'order-1', occurredAt: now, carrier: 'DHL', trackingNumber: 'DHL-1', lines: [{ productId: 'mug', quantity: 2 }] },
    ]);
  });

  it('is delivered once, and only after it was dispatched', () => {
    const shipment = pending();
    expect(shipment.confirmDelivery(now)).toEqual({ ok: false, error: expect.objectContaining({ code: 'NOT_DELIVERABLE' }) });
    shipment.dispatch('DHL', 'DHL-1', now);
    expect(shipment.confirmDelivery(later).ok).toBe(true);
    expect(shipment.confirmDelivery(later)).toEqual({ ok: false, error: expect.objectContaining({ code: 'NOT_DELIVERABLE' }) });
    expect(shipment.snapshot()).toMatchObject({ status: 'DELIVERED', deliveredAt: later });
    expect(shipment.pullEvents().map((event) => event.type)).toEqual(['ShipmentDispatched', 'ShipmentDelivered']);
  });

  it('cancelled while pending, it can be neither dispatched nor delivered', () => {
    const shipment = pending();
    shipment.cancel(now);
    shipment.cancel(later);
    expect(shipment.snapshot()).toMatchObject({ status: 'CANCELLED', cancelledAt: now });
    expect(shipment.dispatch('DHL', 'DHL-1', now).ok).toBe(false);
    expect(shipment.confirmDelivery(now).ok).toBe(false);
    expect(shipment.pullEvents().map((event) => event.type)).toEqual(['ShipmentCancelled']);
  });

  it('is not moved backwards by a cancellation that arrives after it left', () => {
    const shipment = pending();
    shipment.dispatch('DHL', 'DHL-1', now);
    shipment.cancel(later);
    expect(shipment.status).toBe('DISPATCHED');
  });
});
