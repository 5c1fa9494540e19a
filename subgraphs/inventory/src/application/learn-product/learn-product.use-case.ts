import type { StockKeepingUnitRepository } from '../../domain/stock-keeping-unit';

export interface LearnProductCommand {
  productId: string;
  sku: string;
  catalogVersion: number;
}

/** A new product in the catalog becomes a stock-keeping unit, with zero units everywhere. */
export class LearnProduct {
  constructor(private readonly units: StockKeepingUnitRepository) {}

  async execute({ productId, sku, catalogVersion }: LearnProductCommand): Promise<void> {
    await this.units.learn({ productId, sku, catalogVersion, discontinuedAt: null });
  }
}
