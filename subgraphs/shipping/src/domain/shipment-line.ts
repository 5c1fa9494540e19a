import type { Parcel, Parcels } from './parcel';

/** Units of one product in a shipment. */
export interface ShipmentLine {
  productId: string;
  quantity: number;
}

/**
 * The parcels that lines travel in, from the products' parcel profiles. A product not measured yet
 * adds no weight: its parcel is unknown, and shipping would rather send it than hold it back.
 */
export function parcelsOf(lines: readonly ShipmentLine[], profiles: ReadonlyMap<string, Parcel>): Parcels[] {
  return lines.flatMap(({ productId, quantity }): Parcels[] => {
    const parcel = profiles.get(productId);
    return parcel ? [{ parcel, count: quantity }] : [];
  });
}
