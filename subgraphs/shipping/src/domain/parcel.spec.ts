import { chargeableGrams, chargeableKilograms, volumetricGrams, type Parcel } from './parcel';

function parcel(overrides: Partial<Parcel> = {}): Parcel {
  return { weightGrams: 1200, lengthMm: 300, widthMm: 200, heightMm: 100, fragile: false, ...overrides };
}

describe('chargeable weight', () => {
  it('bills 5000 mm³ as one gram of volumetric weight', () => {
    // 400 x 300 x 200 mm is 24 000 cm³, which carriers bill as 4.8 kg.
    expect(volumetricGrams({ lengthMm: 400, widthMm: 300, heightMm: 200 })).toBe(4800);
  });

  it('rounds a fractional volumetric weight up to the next gram', () => {
    expect(volumetricGrams({ lengthMm: 10, widthMm: 10, heightMm: 1 })).toBe(1);
  });

  it('uses the real weight when the parcel is dense', () => {
    expect(chargeableGrams(parcel({ weightGrams: 5000, lengthMm: 100, widthMm: 100, heightMm: 100 }))).toBe(5000);
  });

  it('uses the volumetric weight when the parcel is bulky', () => {
    expect(chargeableGrams(parcel({ weightGrams: 300, lengthMm: 400, widthMm: 300, heightMm: 200 }))).toBe(4800);
  });

  it.each([
    [1, 1],
    [999, 1],
    [1000, 1],
    [1001, 2],
    [70_000, 70],
  ])('bills %i g as %i started kilograms', (weightGrams, kilograms) => {
    expect(chargeableKilograms(parcel({ weightGrams, lengthMm: 10, widthMm: 10, heightMm: 10 }))).toBe(kilograms);
  });
});
