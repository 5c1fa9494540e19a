import { z } from 'zod';
import { parcelStatus, type ParcelStatus } from '../domain/parcel-status';
import { Prisma, type ParcelProfile } from './prisma/generated/client';
import type { ShippingDb } from './shipping-database';

/** The fields the API shows of a parcel profile; a stored row is one, and so is a saved profile's state. */
export type ParcelProfileView = Pick<ParcelProfile, 'productId' | 'weightGrams' | 'lengthMm' | 'widthMm' | 'heightMm' | 'fragile'>;

/** What shipping knows of one product's parcel: its profile once measured, and how far it is. */
export interface ProductParcelView {
  profile: ParcelProfileView | null;
  status: ParcelStatus | null;
}

/** Where a page of the products awaiting measurement starts: after this one, in the order they were learned. */
export interface AwaitingMeasurementPosition {
  learnedAt: Date;
  productId: string;
}

/**
 * One id asked for, with its profile's columns (all null when it has none) and whether it was
 * learned. The raw queries' rows are checked, not cast: the database, not the compiler, says what they hold.
 */
const ParcelRow = z.object({
  productId: z.string(),
  learned: z.boolean(),
  weightGrams: z.number().int().nullable(),
  lengthMm: z.number().int().nullable(),
  widthMm: z.number().int().nullable(),
  heightMm: z.number().int().nullable(),
  fragile: z.boolean().nullable(),
});
type ParcelRow = z.infer<typeof ParcelRow>;
// Built once: a zod schema costs more to construct than to check a hundred rows with.
const ParcelRows = z.array(ParcelRow);

const AwaitingMeasurementRows = z.array(z.object({ productId: z.string(), learnedAt: z.date() }));

const NOTHING_KNOWN: ProductParcelView = { profile: null, status: null };

/** The read side of parcels, straight from the tables. */
export class ParcelQueries {
  constructor(private readonly db: ShippingDb) {}

  /**
   * Profiles and statuses by product id in one query (both tables joined to the ids asked), in the
   * order asked; nothing known where shipping has neither learned of the product nor measured it.
   * Raw because the two tables have no relation in the schema to join them by in the typed API.
   */
  async byProductIds(productIds: readonly string[]): Promise<ProductParcelView[]> {
    if (productIds.length === 0) return [];
    const rows = ParcelRows.parse(
      await this.db.$queryRaw`
      SELECT ids.product_id AS "productId", s.product_id IS NOT NULL AS learned,
             p.weight_grams AS "weightGrams", p.length_mm AS "lengthMm", p.width_mm AS "widthMm", p.height_mm AS "heightMm", p.fragile
        FROM unnest(${[...productIds]}::text[]) AS ids(product_id)
        LEFT JOIN parcel_profiles p ON p.product_id = ids.product_id
        LEFT JOIN shippable_products s ON s.product_id = ids.product_id
       WHERE p.product_id IS NOT NULL OR s.product_id IS NOT NULL`,
    );
    const byId = new Map(rows.map((row) => [row.productId, toView(row)]));
    return productIds.map((id) => byId.get(id) ?? NOTHING_KNOWN);
  }

  /**
   * One page of the learned products that have no parcel profile and are still sold, longest
   * waiting first; fetches one extra row to know if more follow. Discontinued ones are left out:
   * nobody needs to measure what will not be sold. Raw for the same reason: NOT EXISTS over a table
   * the typed API cannot relate.
   */
  async awaitingMeasurement(after: AwaitingMeasurementPosition | null, size: number): Promise<{ items: AwaitingMeasurementPosition[]; hasNextPage: boolean }> {
    const rows = AwaitingMeasurementRows.parse(
      await this.db.$queryRaw`
      SELECT s.product_id AS "productId", s.learned_at AS "learnedAt"
        FROM shippable_products s
       WHERE s.discontinued_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM parcel_profiles p WHERE p.product_id = s.product_id)
         ${after ? Prisma.sql`AND (s.learned_at, s.product_id) > (${after.learnedAt}::timestamptz, ${after.productId})` : Prisma.empty}
       ORDER BY s.learned_at, s.product_id
       LIMIT ${size + 1}`,
    );
    return { items: rows.slice(0, size), hasNextPage: rows.length > size };
  }
}

function toView({ productId, learned, weightGrams, lengthMm, widthMm, heightMm, fragile }: ParcelRow): ProductParcelView {
  // The profile's columns are NOT NULL, so one null means the join found no profile.
  const measured = weightGrams !== null && lengthMm !== null && widthMm !== null && heightMm !== null && fragile !== null;
  const profile = measured ? { productId, weightGrams, lengthMm, widthMm, heightMm, fragile } : null;
  return { profile, status: parcelStatus({ learned, measured }) };
}
