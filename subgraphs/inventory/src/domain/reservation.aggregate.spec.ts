import { Reservation } from './reservation.aggregate';
import { StockLevel } from './stock-level.aggregate';

const now = new Date('2026-01-01T00:00:00Z');
const orderId = 'order-1';
const known = new Set(['mug', 'pot']);

function stock() {
  return [
    StockLevel.restore({ productId: 'mug', warehouseId: 'eu-central', onHand: 3, reserved: 0, version: 0 }),
    StockLevel.restore({ productId: 'mug', warehouseId: 'us-east', onHand: 2, reserved: 0, version: 0 }),
    StockLevel.restore({ productId: 'pot', warehouseId: 'eu-central', onHand: 1, reserved: 0, version: 0 }),
  ];
}

const counts = (levels: StockLevel[]) => levels.map((level) => `${level.productId}@${level.warehouseId} ${level.snapshot().onHand}/${level.snapshot().reserved}`);

function placed(levels = stock()) {
  const reservation = Reservation.place(orderId, [{ productId: 'mug', quantity: 4 }, { productId: 'pot', quantity: 1 }], levels, known, now);
  reservation.pullEvents();
  levels.forEach((level) => level.pullEvents());
  return reservation;
}

describe('Reservation', () => {
  it('reserves every line, split where it must be, and records what it reserved', () => {
    const levels = stock();
    const reservation = Reservation.place(orderId, [{ productId: 'mug', quantity: 4 }, { productId: 'pot', quantity: 1 }], levels, known, now);
    expect(reservation.snapshot()).toEqual({
      orderId,
      status: 'RESERVED',
      lines: [
        { productId: 'mug', warehouseId: 'eu-central', quantity: 3 },
        { productId: 'mug', warehouseId: 'us-east', quantity: 1 },
        { productId: 'pot', warehouseId: 'eu-central', quantity: 1 },
      ],
    });
    expect(counts(levels)).toEqual(['mug@eu-central 3/3', 'mug@us-east 2/1', 'pot@eu-central 1/1']);
    expect(reservation.pullEvents()).toEqual([
      { type: 'StockReservedForOrder', aggregateId: orderId, occurredAt: now, lines: [{ productId: 'mug', quantity: 4 }, { productId: 'pot', quantity: 1 }] },
    ]);
  });

  it('reserves nothing when one line cannot be had', () => {
    const levels = stock();
    const reservation = Reservation.place(orderId, [{ productId: 'mug', quantity: 1 }, { productId: 'pot', quantity: 2 }], levels, known, now);
    expect(reservation.snapshot()).toEqual({ orderId, status: 'REFUSED', lines: [] });
    expect(counts(levels)).toEqual(['mug@eu-central 3/0', 'mug@us-east 2/0', 'pot@eu-central 1/0']);
    expect(levels.flatMap((level) => level.pullEvents())).toEqual([]);
    expect(reservation.pullEvents()).toEqual([
      expect.objectContaining({ type: 'StockReservationRefused', refusedLines: [{ productId: 'pot', requested: 2, available: 1, reason: 'INSUFFICIENT_STOCK' }] }),
    ]);
  });

  it('releases what it reserved once', () => {
    const levels = stock();
    const reservation = placed(levels);
    reservation.release(levels, now);
    reservation.release(levels, now);
    expect(reservation.status).toBe('RELEASED');
    expect(counts(levels)).toEqual(['mug@eu-central 3/0', 'mug@us-east 2/0', 'pot@eu-central 1/0']);
    expect(reservation.pullEvents()).toEqual([expect.objectContaining({ type: 'ReservationReleased' })]);
  });

  it('deducts what it reserved once, and never releases it afterwards', () => {
    const levels = stock();
    const reservation = placed(levels);
    expect(reservation.deduct(levels, now)).toEqual({ ok: true, value: undefined });
    expect(reservation.deduct(levels, now)).toEqual({ ok: true, value: undefined });
    reservation.release(levels, now);
    expect(reservation.status).toBe('DEDUCTED');
    expect(counts(levels)).toEqual(['mug@eu-central 0/0', 'mug@us-east 1/0', 'pot@eu-central 0/0']);
    expect(reservation.pullEvents()).toEqual([expect.objectContaining({ type: 'ReservationDeducted' })]);
  });

  it('refuses to deduct a reservation that gave its units back or never held any', () => {
    const levels = stock();
    const released = placed(levels);
    released.release(levels, now);
    const refused = Reservation.place('order-2', [{ productId: 'lamp', quantity: 1 }], levels, known, now);
    for (const reservation of [released, refused, Reservation.cancelledAhead('order-3', now)]) {
      expect(reservation.deduct(levels, now)).toEqual({ ok: false, error: expect.objectContaining({ code: 'NOT_DEDUCTIBLE' }) });
    }
    expect(counts(levels)).toEqual(['mug@eu-central 3/0', 'mug@us-east 2/0', 'pot@eu-central 1/0']);
  });

  it('cancelled ahead, it holds nothing and releases nothing', () => {
    const reservation = Reservation.cancelledAhead(orderId, now);
    expect(reservation.snapshot()).toEqual({ orderId, status: 'CANCELLED', lines: [] });
    expect(reservation.holdsStock).toBe(false);
    reservation.release([], now);
    expect(reservation.pullEvents()).toEqual([expect.objectContaining({ type: 'ReservationCancelledAhead' })]);
  });
});
