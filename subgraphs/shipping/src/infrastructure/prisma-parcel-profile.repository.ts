import type { ParcelProfile } from '../domain/parcel-profile.aggregate';
import type { ParcelProfileRepository } from '../domain/parcel-profile.repository';
import { toPersistence } from './parcel-profile.mapper';
import type { ShippingDb } from './shipping-database';

export class PrismaParcelProfileRepository implements ParcelProfileRepository {
  constructor(private readonly db: ShippingDb) {}

  /** One INSERT ... ON CONFLICT: a profile replaced by two admins at once ends as one of the two, whole. */
  async save(profile: ParcelProfile): Promise<void> {
    const state = profile.snapshot();
    const data = toPersistence(state);
    await this.db.parcelProfile.upsert({ where: { productId: state.productId }, create: { productId: state.productId, ...data }, update: data });
  }
}
