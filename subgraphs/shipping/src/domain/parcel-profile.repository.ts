import type { Parcel } from './parcel';
import type { ParcelProfile } from './parcel-profile.aggregate';

/** Stores parcel profiles, one per product: saving a profile replaces any earlier one. */
export interface ParcelProfileRepository {
  save(profile: ParcelProfile): Promise<void>;
  /** The parcels of those products that have a profile, by product id. */
  parcelsOf(productIds: readonly string[]): Promise<Map<string, Parcel>>;
}
