import { fail, ok, type Result } from '@storefront/kernel';

const SKU_PATTERN = /^[A-Z0-9][A-Z0-9-]{1,62}[A-Z0-9]$/;

/** The stock-keeping code merchandisers use: upper-case letters, digits and dashes, unique in the catalog. */
export class Sku {
  private constructor(readonly value: string) {}

  static parse(raw: string): Result<Sku> {
    const value = raw.trim().toUpperCase();
    if (!SKU_PATTERN.test(value)) {
      return fail('INVALID_SKU', `"${raw}" is not a SKU: use 3 to 64 letters, digits or dashes.`, 'sku');
    }
    return ok(new Sku(value));
  }
}
