/** How far shipping is with a product's parcel: learned of but not yet weighed and measured, or measured. */
export type ParcelStatus = 'AWAITING_MEASUREMENT' | 'MEASURED';

/**
 * A product with a parcel profile is measured, whether or not it was learned from an event (profiles
 * set before shipping listened to catalog count too); a learned product without one awaits
 * measurement; of any other id shipping knows nothing, so it has no status.
 */
export function parcelStatus(facts: { learned: boolean; measured: boolean }): ParcelStatus | null {
  if (facts.measured) return 'MEASURED';
  return facts.learned ? 'AWAITING_MEASUREMENT' : null;
}
