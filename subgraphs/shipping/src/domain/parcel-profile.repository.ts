import type { ParcelProfile } from './parcel-profile.aggregate';

/** Stores parcel profiles, one per product: saving a profile replaces any earlier one. */
export interface ParcelProfileRepository {
  save(profile: ParcelProfile): Promise<void>;
}
