import DataLoader from 'dataloader';
import type { Identity } from '@storefront/platform';
import type { SetParcelProfile } from '../application/set-parcel-profile/set-parcel-profile.use-case';
import type { EstimateDelivery } from '../application/estimate-delivery/estimate-delivery.use-case';
import type { ListShippingRates } from '../application/list-shipping-rates/list-shipping-rates.use-case';
import type { DispatchShipment } from '../application/dispatch-shipment/dispatch-shipment.use-case';
import type { ConfirmDelivery } from '../application/confirm-delivery/confirm-delivery.use-case';
import type { QuoteShippingOptions } from '../application/quote-shipping-options/quote-shipping-options.use-case';
import type { ParcelQueries, ProductParcelView } from '../infrastructure/parcel.queries';
import type { ShipmentQueries, ShipmentView } from '../infrastructure/shipment.queries';

export interface ShippingUseCases {
  setParcelProfile: SetParcelProfile;
  estimateDelivery: EstimateDelivery;
  listShippingRates: ListShippingRates;
  dispatchShipment: DispatchShipment;
  confirmDelivery: ConfirmDelivery;
  quoteShippingOptions: QuoteShippingOptions;
}

export interface ShippingQueries {
  parcels: ParcelQueries;
  shipments: ShipmentQueries;
}

export interface ShippingContext {
  identity: Identity | null;
  useCases: ShippingUseCases;
  queries: ParcelQueries;
  /** Per-request loader: every product's parcel and status asked for in one request cost one query. */
  parcels: DataLoader<string, ProductParcelView>;
  /** Per-request loader: the shipments of every order asked for in one request cost one query. */
  shipments: DataLoader<string, ShipmentView | null>;
}

export function shippingContext(identity: Identity | null, queries: ShippingQueries, useCases: ShippingUseCases): ShippingContext {
  return {
    identity,
    useCases,
    queries: queries.parcels,
    parcels: new DataLoader((ids) => queries.parcels.byProductIds(ids), { maxBatchSize: 1000 }),
    shipments: new DataLoader((ids) => queries.shipments.byOrderIds(ids), { maxBatchSize: 1000 }),
  };
}
