import { allocate, mergeLines } from './allocation';
import { StockLevel } from './stock-level.aggregate';

const level = (productId: string, warehouseId: string, onHand: number, reserved = 0) =>
  StockLevel.restore({ productId, warehouseId, onHand, reserved, version: 0 });

const known = new Set(['mug', 'pot']);

describe('allocate', () => {
  it('takes a line from the warehouse with the most available units', () => {
    const levels = [level('mug', 'eu-central', 3), level('mug', 'us-east', 8, 2)];
    expect(allocate([{ productId: 'mug', quantity: 5 }], levels, known)).toEqual({
      ok: true,
      units: [{ productId: 'mug', warehouseId: 'us-east', quantity: 5 }],
    });
  });

  it('splits a line over warehouses when no single one holds enough, most available first, ties by id', () => {
    const levels = [level('mug', 'us-east', 2), level('mug', 'eu-central', 2), level('mug', 'ap-south', 1)];
    expect(allocate([{ productId: 'mug', quantity: 5 }], levels, known)).toEqual({
      ok: true,
      units: [
        { productId: 'mug', warehouseId: 'eu-central', quantity: 2 },
        { productId: 'mug', warehouseId: 'us-east', quantity: 2 },
        { productId: 'mug', warehouseId: 'ap-south', quantity: 1 },
      ],
    });
  });

  it('refuses every line that cannot be had, with what was asked and what is available', () => {
    const levels = [level('mug', 'eu-central', 4, 1), level('pot', 'eu-central', 9)];
    const lines = [
      { productId: 'pot', quantity: 2 },
      { productId: 'mug', quantity: 4 },
      { productId: 'lamp', quantity: 1 },
    ];
    expect(allocate(lines, levels, known)).toEqual({
      ok: false,
      refused: [
        { productId: 'mug', requested: 4, available: 3, reason: 'INSUFFICIENT_STOCK' },
        { productId: 'lamp', requested: 1, available: 0, reason: 'UNKNOWN_PRODUCT' },
      ],
    });
  });

  it('adds up the quantities of a product that appears on two lines', () => {
    expect(mergeLines([{ productId: 'mug', quantity: 1 }, { productId: 'pot', quantity: 1 }, { productId: 'mug', quantity: 2 }])).toEqual([
      { productId: 'mug', quantity: 3 },
      { productId: 'pot', quantity: 1 },
    ]);
    expect(allocate([{ productId: 'mug', quantity: 2 }, { productId: 'mug', quantity: 2 }], [level('mug', 'eu-central', 3)], known)).toEqual({
      ok: false,
      refused: [{ productId: 'mug', requested: 4, available: 3, reason: 'INSUFFICIENT_STOCK' }],
    });
  });
});
