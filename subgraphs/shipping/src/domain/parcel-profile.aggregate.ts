import { fail, ok, type Result } from '@storefront/kernel';
import type { Parcel } from './parcel';

const MAX_WEIGHT_GRAMS = 70_000;
const MAX_DIMENSION_MM = 3_000;
const MAX_PRODUCT_ID = 128;

export interface ParcelProfileState extends Parcel {
  productId: string;
}

export type ParcelProfileInput = Omit<ParcelProfileState, 'fragile'> & { fragile?: boolean };

type Dimension = 'lengthMm' | 'widthMm' | 'heightMm';
const DIMENSIONS: readonly Dimension[] = ['lengthMm', 'widthMm', 'heightMm'];

/**
 * Shipping's Product: how one product travels as a parcel. A profile is defined as a whole and
 * replaced as a whole, so the only rules are the carriers' limits on what they take.
 */
export class ParcelProfile {
  private constructor(private readonly state: ParcelProfileState) {}

  static define(input: ParcelProfileInput): Result<ParcelProfile> {
    const productId = input.productId.trim();
    if (productId.length === 0) return fail('INVALID_PRODUCT_ID', 'A parcel profile needs the id of its product.', 'productId');
    if (productId.length > MAX_PRODUCT_ID) {
      return fail('INVALID_PRODUCT_ID', `A product id has at most ${MAX_PRODUCT_ID} characters.`, 'productId');
    }
    if (!isWithin(input.weightGrams, MAX_WEIGHT_GRAMS)) {
      return fail('INVALID_WEIGHT', `The weight is a whole number of grams from 1 to ${MAX_WEIGHT_GRAMS}, got ${input.weightGrams}.`, 'weightGrams');
    }
    for (const dimension of DIMENSIONS) {
      const value = input[dimension];
      if (!isWithin(value, MAX_DIMENSION_MM)) {
        return fail('INVALID_DIMENSIONS', `${dimension} is a whole number of millimetres from 1 to ${MAX_DIMENSION_MM}, got ${value}.`, dimension);
      }
    }
    return ok(
      new ParcelProfile({
        productId,
        weightGrams: input.weightGrams,
        lengthMm: input.lengthMm,
        widthMm: input.widthMm,
        heightMm: input.heightMm,
        fragile: input.fragile ?? false,
      }),
    );
  }

  snapshot(): Readonly<ParcelProfileState> {
    return { ...this.state };
  }
}

function isWithin(value: number, max: number): boolean {
  return Number.isSafeInteger(value) && value > 0 && value <= max;
}
