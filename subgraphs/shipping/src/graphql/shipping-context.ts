import DataLoader from 'dataloader';
import type { Identity } from '@storefront/platform';
import type { SetParcelProfile } from '../application/set-parcel-profile/set-parcel-profile.use-case';
import type { EstimateDelivery } from '../application/estimate-delivery/estimate-delivery.use-case';
import type { ListShippingRates } from '../application/list-shipping-rates/list-shipping-rates.use-case';
import type { ParcelQueries, ProductParcelView } from '../infrastructure/parcel.queries';

export interface ShippingUseCases {
  setParcelProfile: SetParcelProfile;
  estimateDelivery: EstimateDelivery;
  listShippingRates: ListShippingRates;
}

export interface ShippingContext {
  identity: Identity | null;
  useCases: ShippingUseCases;
  queries: ParcelQueries;
  /** Per-request loader: every product's parcel and status asked for in one request cost one query. */
  parcels: DataLoader<string, ProductParcelView>;
}

export function shippingContext(identity: Identity | null, queries: ParcelQueries, useCases: ShippingUseCases): ShippingContext {
  return {
    identity,
    useCases,
    queries,
    parcels: new DataLoader((ids) => queries.byProductIds(ids), { maxBatchSize: 1000 }),
  };
}
