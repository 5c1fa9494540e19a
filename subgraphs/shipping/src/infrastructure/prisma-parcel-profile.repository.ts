import type { Parcel } from '../domain/parcel';
import type { ParcelProfile } from '../domain/parcel-profile.aggregate';
import type { ParcelProfileRepository } from '../domain/parcel-profile.repository';
import { toPersistence } from './parcel-profile.mapper';
import type { ShippingDb } from './shipping-database';
import type { Prisma } from './prisma/generated/client';

export class PrismaParcelProfileRepository implements ParcelProfileRepository {
  /** On the database, or inside a transaction (a dispatch reads profiles on its transaction's connection). */
  constructor(private readonly db: ShippingDb | Prisma.TransactionClient) {}

  /** One INSERT ... ON CONFLICT: a profile replaced by two admins at once ends as one of the two, whole. */
  async save(profile: ParcelProfile): Promise<void> {
    const state = profile.snapshot();
    const data = toPersistence(state);
    await this.db.parcelProfile.upsert({ where: { productId: state.productId }, create: { productId: state.productId, ...data }, update: data });
  }

  async parcelsOf(productIds: readonly string[]): Promise<Map<string, Parcel>> {
    const rows = await this.db.parcelProfile.findMany({ where: { productId: { in: [...productIds] } } });
    return new Map(rows.map(({ productId, weightGrams, lengthMm, widthMm, heightMm, fragile }) => [productId, { weightGrams, lengthMm, widthMm, heightMm, fragile }]));
  }
}
