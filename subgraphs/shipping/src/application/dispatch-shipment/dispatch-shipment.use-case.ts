import { changeAggregate, fail, ok, type Environment, type Result, type Transactions } from '@storefront/kernel';
import { CountryCode } from '../../domain/country-code.value-object';
import type { ParcelProfileRepository } from '../../domain/parcel-profile.repository';
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
 * at once request it once.
 */
export class DispatchShipment {
  constructor(
    private readonly transactions: Transactions<ShipmentRepository>,
    private readonly profiles: ParcelProfileRepository,
    private readonly rates: RateTableSource,
    private readonly trackingNumbers: TrackingNumbers,
    private readonly env: Environment,
  ) {}

  async execute({ orderId }: { orderId: string }): Promise<Result<ShipmentState>> {
    const dispatched = await this.transactions.run((shipments) =>
      changeAggregate(
        shipments,
        orderId,
        async (shipment) => {
          const dispatchable = shipment.checkDispatchable();
          if (!dispatchable.ok) return dispatchable;
          const carrier = await this.cheapestCarrier(shipment);
          if (!carrier.ok) return carrier;
          return shipment.requestDispatch(carrier.value, this.trackingNumbers.next(carrier.value), this.env.now());
        },
        shipmentNotFound,
      ),
    );
    return dispatched.ok ? ok(dispatched.value.snapshot()) : dispatched;
  }

  private async cheapestCarrier(shipment: Shipment): Promise<Result<string>> {
    const country = CountryCode.parse(shipment.address.country);
    if (!country.ok) return country;
    const profiles = await this.profiles.parcelsOf(shipment.lines.map((line) => line.productId));
    const estimate = (await this.rates.current()).quoteTogether(parcelsOf(shipment.lines, profiles), country.value);
    if (!estimate) return fail('NOT_DISPATCHABLE', `No carrier delivers to ${country.value.value}.`, 'orderId');
    return ok(estimate.carrier);
  }
}
