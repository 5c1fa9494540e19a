import { randomUUID } from 'node:crypto';
import { REST_OF_WORLD, type ShippingRate } from '../domain/shipping-rate';
import type { ShippingDb } from './shipping-database';

type Tariff = Omit<ShippingRate, 'country' | 'carrier' | 'currency'>;

/** Three carriers per destination, in euro cents: Post is cheap and slow, UPS fast and dear, DHL between. */
const TARIFFS: Record<string, Record<'DHL' | 'UPS' | 'Post', Tariff>> = {
  DE: {
    DHL: { baseAmount: 499, perKgAmount: 50, fragileSurchargeAmount: 300, days: 2 },
    UPS: { baseAmount: 690, perKgAmount: 80, fragileSurchargeAmount: 400, days: 1 },
    Post: { baseAmount: 449, perKgAmount: 60, fragileSurchargeAmount: 250, days: 3 },
  },
  FR: {
    DHL: { baseAmount: 899, perKgAmount: 90, fragileSurchargeAmount: 400, days: 3 },
    UPS: { baseAmount: 1090, perKgAmount: 110, fragileSurchargeAmount: 450, days: 2 },
    Post: { baseAmount: 790, perKgAmount: 100, fragileSurchargeAmount: 350, days: 4 },
  },
  NL: {
    DHL: { baseAmount: 799, perKgAmount: 80, fragileSurchargeAmount: 350, days: 2 },
    UPS: { baseAmount: 990, perKgAmount: 100, fragileSurchargeAmount: 450, days: 2 },
    Post: { baseAmount: 749, perKgAmount: 90, fragileSurchargeAmount: 300, days: 3 },
  },
  GB: {
    DHL: { baseAmount: 1490, perKgAmount: 150, fragileSurchargeAmount: 500, days: 4 },
    UPS: { baseAmount: 1690, perKgAmount: 170, fragileSurchargeAmount: 600, days: 3 },
    Post: { baseAmount: 1290, perKgAmount: 160, fragileSurchargeAmount: 450, days: 6 },
  },
  US: {
    DHL: { baseAmount: 2490, perKgAmount: 400, fragileSurchargeAmount: 800, days: 5 },
    UPS: { baseAmount: 2790, perKgAmount: 450, fragileSurchargeAmount: 900, days: 4 },
    Post: { baseAmount: 1990, perKgAmount: 500, fragileSurchargeAmount: 700, days: 10 },
  },
  [REST_OF_WORLD]: {
    DHL: { baseAmount: 2990, perKgAmount: 600, fragileSurchargeAmount: 900, days: 7 },
    UPS: { baseAmount: 3490, perKgAmount: 650, fragileSurchargeAmount: 1000, days: 5 },
    Post: { baseAmount: 2490, perKgAmount: 700, fragileSurchargeAmount: 800, days: 14 },
  },
};

/** The rates a fresh shop starts with, shipping from Germany. */
export const DEFAULT_RATES: readonly ShippingRate[] = Object.entries(TARIFFS).flatMap(([country, carriers]) =>
  Object.entries(carriers).map(([carrier, tariff]) => ({ country, carrier, currency: 'EUR', ...tariff })),
);

/**
 * Inserts the default rates that are missing, matched by country and carrier: running it again adds
 * nothing, and a rate someone changed keeps its change. Returns how many rates were inserted.
 */
export async function seedDefaultRates(db: ShippingDb): Promise<number> {
  const { count } = await db.shippingRate.createMany({
    data: DEFAULT_RATES.map((rate) => ({ id: randomUUID(), ...rate })),
    skipDuplicates: true,
  });
  return count;
}
