import type { ShippingDb } from './shipping-database';
import type { ParcelProfile } from './prisma/generated/client';

/** The fields the API shows of a parcel profile; a stored row is one, and so is a saved profile's state. */
export type ParcelProfileView = Pick<ParcelProfile, 'productId' | 'weightGrams' | 'lengthMm' | 'widthMm' | 'heightMm' | 'fragile'>;

/** The read side of parcel profiles, straight from the table. */
export class ParcelProfileQueries {
  constructor(private readonly db: ShippingDb) {}

  /** Profiles by product id in one query, in the order asked, null where shipping knows nothing (for the entity loader). */
  async byProductIds(productIds: readonly string[]): Promise<(ParcelProfileView | null)[]> {
    const rows = productIds.length ? await this.db.parcelProfile.findMany({ where: { productId: { in: [...productIds] } } }) : [];
    const byId = new Map(rows.map((row) => [row.productId, row]));
    return productIds.map((id) => byId.get(id) ?? null);
  }
}
