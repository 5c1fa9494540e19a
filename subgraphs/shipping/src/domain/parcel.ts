/** What the rate table needs to know of a parcel: how heavy, how big, whether it breaks. */
export interface Parcel {
  weightGrams: number;
  lengthMm: number;
  widthMm: number;
  heightMm: number;
  fragile: boolean;
}

/**
 * Carriers charge light but bulky boxes by the space they take: 5000 cm³ count as one kilogram,
 * which in millimetres is one gram per 5000 mm³.
 */
const CUBIC_MM_PER_GRAM = 5000;
const GRAMS_PER_KG = 1000;

/** The weight the box's volume is billed as, rounded up to a whole gram. */
export function volumetricGrams(parcel: Pick<Parcel, 'lengthMm' | 'widthMm' | 'heightMm'>): number {
  return Math.ceil((parcel.lengthMm * parcel.widthMm * parcel.heightMm) / CUBIC_MM_PER_GRAM);
}

/** The greater of the real and the volumetric weight: what the carrier bills. */
export function chargeableGrams(parcel: Parcel): number {
  return Math.max(parcel.weightGrams, volumetricGrams(parcel));
}

/** Carriers bill started kilograms: 1 g is 1 kg, 1001 g are 2 kg. */
export function chargeableKilograms(parcel: Parcel): number {
  return chargeableKilogramsTogether([{ parcel, count: 1 }]);
}

/** So many parcels alike: a shipment line of several units of one product. */
export interface Parcels {
  parcel: Parcel;
  count: number;
}

/** Parcels sent together are billed for the started kilograms of their chargeable weights added up. */
export function chargeableKilogramsTogether(parcels: readonly Parcels[]): number {
  return Math.ceil(parcels.reduce((grams, { parcel, count }) => grams + chargeableGrams(parcel) * count, 0) / GRAMS_PER_KG);
}
