import type { ParcelProfileState } from '../domain/parcel-profile.aggregate';

export function toPersistence(state: ParcelProfileState) {
  return {
    weightGrams: state.weightGrams,
    lengthMm: state.lengthMm,
    widthMm: state.widthMm,
    heightMm: state.heightMm,
    fragile: state.fragile,
  };
}
