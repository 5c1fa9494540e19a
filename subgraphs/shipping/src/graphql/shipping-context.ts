import DataLoader from 'dataloader';
import type { Identity } from '@storefront/platform';
import type { SetParcelProfile } from '../application/set-parcel-profile/set-parcel-profile.use-case';
import type { EstimateDelivery } from '../application/estimate-delivery/estimate-delivery.use-case';
import type { ListShippingRates } from '../application/list-shipping-rates/list-shipping-rates.use-case';
import type { ParcelProfileQueries, ParcelProfileView } from '../infrastructure/parcel-profile.queries';

export interface ShippingUseCases {
  setParcelProfile: SetParcelProfile;
  estimateDelivery: EstimateDelivery;
  listShippingRates: ListShippingRates;
}

export interface ShippingContext {
  identity: Identity | null;
  useCases: ShippingUseCases;
  /** Per-request loader: every product's parcel asked for in one request costs one query. */
  parcelProfiles: DataLoader<string, ParcelProfileView | null>;
}

export function shippingContext(identity: Identity | null, queries: ParcelProfileQueries, useCases: ShippingUseCases): ShippingContext {
  return {
    identity,
    useCases,
    parcelProfiles: new DataLoader((ids) => queries.byProductIds(ids), { maxBatchSize: 1000 }),
  };
}
