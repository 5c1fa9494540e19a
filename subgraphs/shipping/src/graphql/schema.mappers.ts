// What the resolvers return for these SDL types, where it is not the SDL's shape
// (read by `pnpm schema:types`: each `<SdlType>Mapper` types that SDL type in the generated resolver types).
import type { ShippingRate } from '../domain/shipping-rate';

export type ShippingRateMapper = ShippingRate;
