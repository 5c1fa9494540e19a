import { fail, ok, type Result } from '@storefront/kernel';

/** 100 % in basis points. */
const WHOLE = 10_000;

/**
 * Banker's rounding of numerator / denominator (both non-negative integers): exact halves go to
 * the even neighbour, so rounding many orders does not drift upwards.
 */
export function divideHalfEven(numerator: number, denominator: number): number {
  const quotient = Math.floor(numerator / denominator);
  const twiceRemainder = 2 * (numerator - quotient * denominator);
  if (twiceRemainder > denominator) return quotient + 1;
  if (twiceRemainder < denominator) return quotient;
  return quotient % 2 === 0 ? quotient : quotient + 1;
}

/** The tax a destination country charges, in basis points (1,900 = 19 %). Ordering owns the rates. */
export class TaxRate {
  private constructor(
    readonly country: string,
    readonly basisPoints: number,
  ) {}

  /** A rate as stored; a bad value is a bug. */
  static of(country: string, basisPoints: number): TaxRate {
    if (!Number.isSafeInteger(basisPoints) || basisPoints < 0 || basisPoints > WHOLE) throw new RangeError(`Not a tax rate: ${basisPoints} basis points`);
    return new TaxRate(country, basisPoints);
  }

  /** A rate as an admin types it: a percentage from 0 to 100 with at most two decimals (7.5, 19). */
  static fromPercent(country: string, percent: number): Result<TaxRate> {
    const basisPoints = Math.round(percent * 100);
    if (!Number.isFinite(percent) || percent < 0 || percent > 100 || Math.abs(basisPoints - percent * 100) > 1e-6) {
      return fail('INVALID_TAX_RATE', `A tax rate is a percentage from 0 to 100 with at most two decimals, got ${percent}.`, 'ratePercent');
    }
    return ok(new TaxRate(country, basisPoints));
  }

  get percent(): number {
    return this.basisPoints / 100;
  }

  /** The tax on an amount of minor units, rounded once, half to even. */
  taxOn(amount: number): number {
    return divideHalfEven(amount * this.basisPoints, WHOLE);
  }
}

/** The tax rates ordering charges by destination country. */
export interface TaxRates {
  /** The rate of the country (ISO 3166-1 alpha-2), or null when ordering does not ship there with tax known. */
  of(country: string): Promise<TaxRate | null>;
  /** Sets the country's rate, replacing the one before. */
  set(rate: TaxRate): Promise<void>;
}
