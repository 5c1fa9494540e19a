import { ok, type Result } from '@storefront/kernel';
import { ParcelProfile, type ParcelProfileInput, type ParcelProfileState } from '../../domain/parcel-profile.aggregate';
import type { ParcelProfileRepository } from '../../domain/parcel-profile.repository';

export type SetParcelProfileCommand = ParcelProfileInput;

/** Defines how a product travels, replacing whatever was known before. */
export class SetParcelProfile {
  constructor(private readonly profiles: ParcelProfileRepository) {}

  async execute(command: SetParcelProfileCommand): Promise<Result<ParcelProfileState>> {
    const defined = ParcelProfile.define(command);
    if (!defined.ok) return defined;
    await this.profiles.save(defined.value);
    return ok(defined.value.snapshot());
  }
}
