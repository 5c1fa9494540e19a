import { changeAggregate, fail, ok, type Environment, type Result, type Transactions } from '@storefront/kernel';
import { CountryCode } from '../../domain/country-code.value-object';
import type { ParcelProfileRepository } from '../../domain/parcel-profile.repository';
import type { RateTable } from '../../domain/rate-table';
import type { RateTableSource } from '../../domain/rate-table.source';
import type { Shipment, ShipmentState } from '../../domain/shipment.aggregate';
import { parcelsOf } from '../../domain/shipment-line';
import type { ShipmentRepository, TrackingNumbers } from '../../domain/shipment.repository';
import { shipmentNotFound } from '../shipment-not-found';

/**
 * Admin: the order's parcel is labelled for the carrier that is cheapest to its country for what it
 * holds, chosen now from the current rates and parcel profiles (a product measured after the order
 * was placed counts; one still unmeasured adds no weight), and ordering is asked whether the order
 * still stands; it leaves when ordering agrees. Under the order's lock, so two admins dispatching
 * at once request it once; asking again for a shipment already asked for is answered with it as it is.
 */
export interface DispatchUnit {
  shipments: ShipmentRepository;
  profiles: ParcelProfileRepository;
}

export class DispatchShipment {
  constructor(
    /** The shipment and the parcel profiles are read in one transaction, on its one connection. */
    private readonly transactions: Transactions<DispatchUnit>,
    private readonly rates: RateTableSource,
    private readonly trackingNumbers: TrackingNumbers,
    private readonly env: Environment,
  ) {}

  async execute({ orderId }: { orderId: string }): Promise<Result<ShipmentState>> {
    // Read before the transaction: a rate table not cached yet would need a second connection while
    // the transaction holds one, and a burst of dispatches could then take the whole pool and wait forever.
    const rates = await this.rates.current();
    const dispatched = await this.transactions.run(({ shipments, profiles }) =>
      changeAggregate(
        shipments,
        orderId,
        async (shipment) => {
          const dispatchable = shipment.checkDispatchable();
          if (!dispatchable.ok || dispatchable.value === 'asked') return dispatchable;
          const carrier = await this.cheapestCarrier(shipment, profiles, rates);
          if (!carrier.ok) return carrier;
          return shipment.requestDispatch(carrier.value, this.trackingNumbers.next(carrier.value), this.env.now());
        },
        shipmentNotFound,
      ),
    );
    return dispatched.ok ? ok(dispatched.value.snapshot()) : dispatched;
  }

  private async cheapestCarrier(shipment: Shipment, profiles: ParcelProfileRepository, rates: RateTable): Promise<Result<string>> {
    const country = CountryCode.parse(shipment.address.country);
    if (!country.ok) return country;
    const parcels = await profiles.parcelsOf(shipment.lines.map((line) => line.productId));
    const estimate = rates.quoteTogether(parcelsOf(shipment.lines, parcels), country.value);
    if (!estimate) return fail('NOT_DISPATCHABLE', `No carrier delivers to ${country.value.value}.`, 'orderId');
    return ok(estimate.carrier);
  }
}
