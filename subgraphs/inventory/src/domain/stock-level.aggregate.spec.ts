import { StockLevel, type StockLevelState } from './stock-level.aggregate';

const now = new Date('2026-01-01T00:00:00Z');

function stored(overrides: Partial<StockLevelState> = {}): StockLevel {
  return StockLevel.restore({ productId: 'p-1', warehouseId: 'eu-central', onHand: 10, reserved: 4, version: 3, ...overrides });
}

function opened(): StockLevel {
  const result = StockLevel.open('p-1', 'eu-central');
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const counts = (level: StockLevel) => {
  const { onHand, reserved } = level.snapshot();
  return { onHand, reserved, available: level.available };
};

describe('StockLevel', () => {
  it('opens empty, receives units and records StockReceived', () => {
    const level = opened();
    expect(counts(level)).toEqual({ onHand: 0, reserved: 0, available: 0 });
    expect(level.receive(5, now)).toEqual({ ok: true, value: undefined });
    expect(counts(level)).toEqual({ onHand: 5, reserved: 0, available: 5 });
    expect(level.pullEvents()).toEqual([
      { type: 'StockReceived', aggregateId: 'eu-central/p-1', occurredAt: now, productId: 'p-1', warehouseId: 'eu-central', quantity: 5 },
    ]);
  });

  it.each([['empty', ''], ['blank', '   '], ['too long', 'x'.repeat(101)]])('refuses to open a record for a product id that is %s', (_, productId) => {
    expect(StockLevel.open(productId, 'eu-central')).toEqual({ ok: false, error: expect.objectContaining({ code: 'INVALID_PRODUCT_ID', field: 'productId' }) });
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses to receive %p units', (quantity) => {
    const level = stored();
    expect(level.receive(quantity, now)).toEqual({ ok: false, error: expect.objectContaining({ code: 'INVALID_QUANTITY', field: 'quantity' }) });
    expect(counts(level)).toEqual({ onHand: 10, reserved: 4, available: 6 });
    expect(level.pullEvents()).toEqual([]);
  });

  it('refuses to count more units than a record can hold', () => {
    const level = stored({ onHand: 2_147_483_000 });
    expect(level.receive(1000, now)).toEqual({ ok: false, error: expect.objectContaining({ code: 'INVALID_QUANTITY' }) });
    expect(level.adjust(1000, 'recount', now)).toEqual({ ok: false, error: expect.objectContaining({ code: 'INVALID_QUANTITY' }) });
  });

  it('adjusts on hand both ways with a trimmed reason and records StockAdjusted', () => {
    const level = stored();
    expect(level.adjust(-6, '  broken in transit ', now).ok).toBe(true);
    expect(level.adjust(2, 'found on the shelf', now).ok).toBe(true);
    expect(counts(level)).toEqual({ onHand: 6, reserved: 4, available: 2 });
    expect(level.pullEvents()).toEqual([
      expect.objectContaining({ type: 'StockAdjusted', quantity: -6, reason: 'broken in transit' }),
      expect.objectContaining({ type: 'StockAdjusted', quantity: 2, reason: 'found on the shelf' }),
    ]);
  });

  it.each([
    ['of zero units', 0, 'recount', 'INVALID_QUANTITY', 'quantity'],
    ['of half a unit', 0.5, 'recount', 'INVALID_QUANTITY', 'quantity'],
    ['without a reason', -1, '   ', 'REASON_REQUIRED', 'reason'],
    ['with a 501-character reason', -1, 'x'.repeat(501), 'INVALID_REASON', 'reason'],
    ['below what is reserved', -7, 'lost', 'INSUFFICIENT_STOCK', 'quantity'],
    ['below zero', -11, 'lost', 'INSUFFICIENT_STOCK', 'quantity'],
  ])('refuses an adjustment %s', (_, delta, reason, code, field) => {
    const level = stored();
    expect(level.adjust(delta, reason, now)).toEqual({ ok: false, error: expect.objectContaining({ code, field }) });
    expect(counts(level)).toEqual({ onHand: 10, reserved: 4, available: 6 });
    expect(level.pullEvents()).toEqual([]);
  });

  it('may take on hand down to exactly what is reserved', () => {
    const level = stored();
    expect(level.adjust(-6, 'damaged', now).ok).toBe(true);
    expect(counts(level)).toEqual({ onHand: 4, reserved: 4, available: 0 });
  });

  it('reserves only what is available', () => {
    const level = stored();
    expect(level.reserve(6, now).ok).toBe(true);
    expect(counts(level)).toEqual({ onHand: 10, reserved: 10, available: 0 });
    expect(level.reserve(1, now)).toEqual({ ok: false, error: expect.objectContaining({ code: 'INSUFFICIENT_STOCK', field: 'quantity' }) });
    expect(level.reserve(0, now)).toEqual({ ok: false, error: expect.objectContaining({ code: 'INVALID_QUANTITY' }) });
    expect(level.pullEvents()).toEqual([expect.objectContaining({ type: 'StockReserved', quantity: 6 })]);
  });

  it('releases only what is reserved', () => {
    const level = stored();
    expect(level.release(5, now)).toEqual({ ok: false, error: expect.objectContaining({ code: 'RELEASE_EXCEEDS_RESERVED' }) });
    expect(level.release(4, now).ok).toBe(true);
    expect(counts(level)).toEqual({ onHand: 10, reserved: 0, available: 10 });
    expect(level.release(-1, now)).toEqual({ ok: false, error: expect.objectContaining({ code: 'INVALID_QUANTITY' }) });
    expect(level.pullEvents()).toEqual([expect.objectContaining({ type: 'StockReleased', quantity: 4 })]);
  });

  it('keeps reserved units out of reach of an adjustment until they are released', () => {
    const level = stored({ onHand: 3, reserved: 0 });
    expect(level.reserve(3, now).ok).toBe(true);
    expect(level.adjust(-1, 'lost', now).ok).toBe(false);
    expect(level.release(3, now).ok).toBe(true);
    expect(level.adjust(-3, 'lost', now).ok).toBe(true);
    expect(counts(level)).toEqual({ onHand: 0, reserved: 0, available: 0 });
  });

  it('deducts reserved units that were shipped: on hand and reserved both go down, available stays', () => {
    const level = stored();
    expect(level.deduct(3, '  shipped with order o-1 ', now).ok).toBe(true);
    expect(counts(level)).toEqual({ onHand: 7, reserved: 1, available: 6 });
    expect(level.pullEvents()).toEqual([expect.objectContaining({ type: 'StockDeducted', quantity: 3, reason: 'shipped with order o-1' })]);
  });

  it.each([
    ['more than is reserved', 5, 'DEDUCTION_EXCEEDS_RESERVED'],
    ['zero units', 0, 'INVALID_QUANTITY'],
  ])('refuses to deduct %s', (_, quantity, code) => {
    const level = stored();
    expect(level.deduct(quantity, 'shipped', now)).toEqual({ ok: false, error: expect.objectContaining({ code, field: 'quantity' }) });
    expect(counts(level)).toEqual({ onHand: 10, reserved: 4, available: 6 });
    expect(level.pullEvents()).toEqual([]);
  });
});
