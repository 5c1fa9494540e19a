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

  it('is asked to leave once, labelled for its carrier, and leaves once ordering agrees, saying so with its lines', () => {
    const shipment = pending();
    expect(shipment.dispatch(now)).toBe('too-early');
    expect(shipment.checkDispatchable()).toEqual({ ok: true, value: 'pending' });
    expect(shipment.requestDispatch('DHL', 'DHL-1', now)).toEqual({ ok: true, value: undefined });
    expect(shipment.checkDispatchable()).toEqual({ ok: true, value: 'asked' });
    expect(shipment.requestDispatch('UPS', 'UPS-2', now)).toEqual({ ok: false, error: expect.objectContaining({ code: 'NOT_DISPATCHABLE', field: 'orderId' }) });
    expect(shipment.snapshot()).toMatchObject({ status: 'DISPATCH_REQUESTED', carrier: 'DHL', trackingNumber: 'DHL-1', dispatchedAt: null });
    expect(shipment.pullEvents()).toEqual([{ type: 'ShipmentDispatchRequested', aggregateId: 'shipment-1', orderId: 'order-1', occurredAt: now }]);

    expect(shipment.dispatch(later)).toBe('moved');
    expect(shipment.dispatch(later)).toBe('unchanged');
    expect(shipment.checkDispatchable()).toEqual({ ok: true, value: 'asked' });
    expect(shipment.snapshot()).toMatchObject({ status: 'DISPATCHED', carrier: 'DHL', trackingNumber: 'DHL-1', dispatchedAt: later });
    expect(shipment.pullEvents()).toEqual([
      { type: 'ShipmentDispatched', aggregateId: 'shipment-1', orderId: 'order-1', occurredAt: later, carrier: 'DHL', trackingNumber: 'DHL-1', lines: [{ productId: 'mug', quantity: 2 }] },
    ]);
  });

  it('is delivered once, and only after it was dispatched; confirming it again changes nothing', () => {
    const shipment = pending();
    expect(shipment.confirmDelivery(now)).toEqual({ ok: false, error: expect.objectContaining({ code: 'NOT_DELIVERABLE' }) });
    shipment.requestDispatch('DHL', 'DHL-1', now);
    expect(shipment.confirmDelivery(now)).toEqual({ ok: false, error: expect.objectContaining({ code: 'NOT_DELIVERABLE' }) });
    shipment.dispatch(now);
    expect(shipment.confirmDelivery(later).ok).toBe(true);
    expect(shipment.confirmDelivery(new Date('2026-01-04T09:00:00Z'))).toEqual({ ok: true, value: undefined });
    expect(shipment.snapshot()).toMatchObject({ status: 'DELIVERED', deliveredAt: later });
    expect(shipment.checkDispatchable()).toEqual({ ok: false, error: expect.objectContaining({ code: 'NOT_DISPATCHABLE' }) });
    expect(shipment.pullEvents().map((event) => event.type)).toEqual(['ShipmentDispatchRequested', 'ShipmentDispatched', 'ShipmentDelivered']);
  });

  it.each([
    ['pending', (shipment: Shipment) => shipment],
    ['waiting for ordering to agree to its dispatch', (shipment: Shipment) => (shipment.requestDispatch('DHL', 'DHL-1', now), shipment)],
  ])('cancelled while %s, it can be neither dispatched nor delivered', (_, from) => {
    const shipment = from(pending());
    shipment.pullEvents();
    shipment.cancel(now);
    shipment.cancel(later);
    expect(shipment.snapshot()).toMatchObject({ status: 'CANCELLED', cancelledAt: now, dispatchedAt: null });
    expect(shipment.requestDispatch('DHL', 'DHL-2', now).ok).toBe(false);
    expect(shipment.checkDispatchable()).toEqual({ ok: false, error: expect.objectContaining({ code: 'NOT_DISPATCHABLE' }) });
    expect(shipment.dispatch(now)).toBe('unchanged');
    expect(shipment.confirmDelivery(now).ok).toBe(false);
    expect(shipment.pullEvents().map((event) => event.type)).toEqual(['ShipmentCancelled']);
  });

  it('is not moved backwards by a cancellation that arrives after it left', () => {
    const shipment = pending();
    shipment.requestDispatch('DHL', 'DHL-1', now);
    shipment.dispatch(now);
    shipment.cancel(later);
    expect(shipment.status).toBe('DISPATCHED');
  });
});
