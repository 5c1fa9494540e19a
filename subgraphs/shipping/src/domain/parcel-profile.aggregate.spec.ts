import { ParcelProfile, type ParcelProfileInput } from './parcel-profile.aggregate';

function input(overrides: Partial<ParcelProfileInput> = {}): ParcelProfileInput {
  return { productId: '7d2f1a52-0000-4000-8000-000000000001', weightGrams: 850, lengthMm: 250, widthMm: 180, heightMm: 120, ...overrides };
}

describe('ParcelProfile', () => {
  it('is defined from a weight and three dimensions, not fragile unless told', () => {
    const result = ParcelProfile.define(input());
    expect(result.ok && result.value.snapshot()).toEqual({ ...input(), fragile: false });
  });

  it('keeps the fragile flag and trims the product id', () => {
    const result = ParcelProfile.define(input({ productId: '  p-1 ', fragile: true }));
    expect(result.ok && result.value.snapshot()).toMatchObject({ productId: 'p-1', fragile: true });
  });

  it('accepts the carriers’ limits exactly', () => {
    expect(ParcelProfile.define(input({ weightGrams: 70_000, lengthMm: 3000, widthMm: 3000, heightMm: 3000 })).ok).toBe(true);
    expect(ParcelProfile.define(input({ weightGrams: 1, lengthMm: 1, widthMm: 1, heightMm: 1 })).ok).toBe(true);
  });

  it.each([
    [{ productId: '   ' }, 'INVALID_PRODUCT_ID', 'productId'],
    [{ productId: 'x'.repeat(129) }, 'INVALID_PRODUCT_ID', 'productId'],
    [{ weightGrams: 0 }, 'INVALID_WEIGHT', 'weightGrams'],
    [{ weightGrams: -5 }, 'INVALID_WEIGHT', 'weightGrams'],
    [{ weightGrams: 70_001 }, 'INVALID_WEIGHT', 'weightGrams'],
    [{ weightGrams: 1.5 }, 'INVALID_WEIGHT', 'weightGrams'],
    [{ lengthMm: 0 }, 'INVALID_DIMENSIONS', 'lengthMm'],
    [{ widthMm: 3001 }, 'INVALID_DIMENSIONS', 'widthMm'],
    [{ heightMm: -1 }, 'INVALID_DIMENSIONS', 'heightMm'],
  ])('refuses %j with %s on %s', (overrides, code, field) => {
    expect(ParcelProfile.define(input(overrides))).toEqual({ ok: false, error: expect.objectContaining({ code, field }) });
  });
});
