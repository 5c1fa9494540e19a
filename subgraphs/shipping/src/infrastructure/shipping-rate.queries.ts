import type { ShippingRate } from '../domain/shipping-rate';
import type { ShippingDb } from './shipping-database';
import { toDomain } from './shipping-rate.mapper';

/** Reads the stored rate table whole, in one query. */
export async function readShippingRates(db: ShippingDb): Promise<ShippingRate[]> {
  return (await db.shippingRate.findMany()).map(toDomain);
}
