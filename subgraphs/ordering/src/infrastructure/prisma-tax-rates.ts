import { TaxRate, type TaxRates } from '../domain/tax-rate.value-object';
import type { OrderingDb } from './ordering-database';
import type { Prisma } from './prisma/generated/client';

/** The rates by country: one row each, read by primary key. */
export class PrismaTaxRates implements TaxRates {
  constructor(private readonly db: OrderingDb | Prisma.TransactionClient) {}

  async of(country: string): Promise<TaxRate | null> {
    if (!/^[A-Z]{2}$/.test(country)) return null;
    const row = await this.db.taxRate.findUnique({ where: { country } });
    return row ? TaxRate.of(row.country, row.basisPoints) : null;
  }

  async set(rate: TaxRate): Promise<void> {
    await this.db.taxRate.upsert({
      where: { country: rate.country },
      update: { basisPoints: rate.basisPoints, updatedAt: new Date() },
      create: { country: rate.country, basisPoints: rate.basisPoints },
    });
  }
}

/**
 * VAT of the demo destinations (the countries shipping's default rate table serves), written only
 * when missing so that seeding again never undoes an admin's change.
 */
export const DEMO_TAX_RATES: readonly { country: string; basisPoints: number }[] = [
  { country: 'DE', basisPoints: 1900 },
  { country: 'FR', basisPoints: 2000 },
  { country: 'NL', basisPoints: 2100 },
  { country: 'GB', basisPoints: 2000 },
  { country: 'US', basisPoints: 0 },
];

export async function seedTaxRates(db: OrderingDb): Promise<number> {
  const { count } = await db.taxRate.createMany({ data: [...DEMO_TAX_RATES], skipDuplicates: true });
  return count;
}
