// What the resolvers return for these SDL types, where it is not the SDL's shape
// (read by `pnpm schema:types`: each `<SdlType>Mapper` types that SDL type in the generated resolver types).
import type { Money, ShippingRate } from '../domain/shipping-rate';

export type ShippingRateMapper = ShippingRate;
// An amount and its currency; `formatted` is rendered only when a query asks for it (a list of
// estimates usually does not).
export type MoneyMapper = Money;
