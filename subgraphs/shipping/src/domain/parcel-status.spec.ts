import { parcelStatus } from './parcel-status';

describe('parcelStatus', () => {
  it.each([
    [{ learned: true, measured: false }, 'AWAITING_MEASUREMENT'],
    [{ learned: true, measured: true }, 'MEASURED'],
    [{ learned: false, measured: true }, 'MEASURED'],
    [{ learned: false, measured: false }, null],
  ])('is %j → %s', (facts, status) => {
    expect(parcelStatus(facts)).toBe(status);
  });
});
