import { fail, ok, type Result } from '@storefront/kernel';
import { ParcelProfile, type ParcelProfileInput, type ParcelProfileState } from '../../domain/parcel-profile.aggregate';
import type { ParcelProfileRepository } from '../../domain/parcel-profile.repository';
import type { ProductRegister } from '../../domain/shippable-product';

export type SetParcelProfileCommand = ParcelProfileInput;

/** Defines how a product shipping has learned of travels, replacing whatever was known before. */
export class SetParcelProfile {
  constructor(
    private readonly profiles: ParcelProfileRepository,
    private readonly products: ProductRegister,
  ) {}

  async execute(command: SetParcelProfileCommand): Promise<Result<ParcelProfileState>> {
    // Bad input is refused before any lookup.
    const defined = ParcelProfile.define(command);
    if (!defined.ok) return defined;
    const { productId } = defined.value.snapshot();
    // Products are never forgotten, so a product known here is still known when the profile is saved.
    if (!(await this.products.isKnown(productId))) {
      return fail('UNKNOWN_PRODUCT', `Shipping knows no product ${productId}; products come from the catalog.`, 'productId');
    }
    await this.profiles.save(defined.value);
    return ok(defined.value.snapshot());
  }
}
