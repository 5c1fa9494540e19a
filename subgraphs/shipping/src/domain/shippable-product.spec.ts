import { discontinue, type ShippableProduct } from './shippable-product';

const learnedAt = new Date('2026-11-20T10:00:00.000Z');
const later = new Date('2026-11-21T10:00:00.000Z');

function aShippableProduct(overrides: Partial<ShippableProduct> = {}): ShippableProduct {
  return { productId: '7d2f1a52-0000-4000-8000-000000000001', sku: 'MUG-1', name: 'Mug', catalogVersion: 0, discontinuedAt: null, ...overrides };
}

describe('discontinue', () => {
  it('applies a discontinuation of a newer catalog version and takes on that version', () => {
    const product = aShippableProduct({ catalogVersion: 2 });
    expect(discontinue(product, 3, later)).toEqual({ ...product, catalogVersion: 3, discontinuedAt: later });
  });

  it.each([
    ['the same', 2],
    ['an older', 1],
  ])('ignores a discontinuation of %s catalog version, changing nothing', (_, version) => {
    const product = aShippableProduct({ catalogVersion: 2 });
    expect(discontinue(product, version, later)).toBe(product);
  });

  it('keeps the first discontinuation date when a later version says it again', () => {
    const product = aShippableProduct({ catalogVersion: 3, discontinuedAt: learnedAt });
    expect(discontinue(product, 5, later)).toEqual({ ...product, catalogVersion: 5, discontinuedAt: learnedAt });
  });
});
