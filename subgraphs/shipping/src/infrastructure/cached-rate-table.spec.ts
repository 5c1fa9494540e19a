import { CountryCode } from '../domain/country-code.value-object';
import type { ShippingRate } from '../domain/shipping-rate';
import { CachedRateTable } from './cached-rate-table';

const DE = (() => {
  const parsed = CountryCode.parse('DE');
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
})();

function rate(baseAmount: number): ShippingRate {
  return { country: 'DE', carrier: 'DHL', currency: 'EUR', baseAmount, perKgAmount: 0, fragileSurchargeAmount: 0, days: 2 };
}

/** A stored table whose reads are counted, and a clock the test moves by hand. */
function setUp(ttlMs = 30_000) {
  const stored = { rates: [rate(500)], reads: 0 };
  let clock = 0;
  const cache = new CachedRateTable(
    async () => {
      stored.reads += 1;
      return [...stored.rates];
    },
    ttlMs,
    () => clock,
  );
  const base = async () => (await cache.current()).ratesFor(DE)[0]?.baseAmount;
  return { stored, cache, base, advance: (ms: number) => (clock += ms) };
}

describe('CachedRateTable', () => {
  it('reads the table once on first use and then serves it from memory', async () => {
    const { stored, base } = setUp();
    expect(await base()).toBe(500);
    expect(await base()).toBe(500);
    expect(stored.reads).toBe(1);
  });

  it('lets concurrent first callers share one read', async () => {
    const { stored, cache } = setUp();
    await Promise.all([cache.current(), cache.current(), cache.current()]);
    expect(stored.reads).toBe(1);
  });

  it('reads the table again once it is older than the TTL', async () => {
    const { stored, base, advance } = setUp(30_000);
    await base();
    stored.rates = [rate(700)];
    advance(29_999);
    expect(await base()).toBe(500);
    advance(1);
    expect(await base()).toBe(700);
    expect(stored.reads).toBe(2);
  });

  it('tries again on the next call when a read fails', async () => {
    let fail = true;
    const cache = new CachedRateTable(async () => {
      if (fail) throw new Error('database down');
      return [rate(500)];
    }, 30_000);
    await expect(cache.current()).rejects.toThrow('database down');
    fail = false;
    expect((await cache.current()).all()).toHaveLength(1);
  });
});
