import type { ShippableProductRepository } from '../../domain/shippable-product';

export interface LearnProductCommand {
  productId: string;
  sku: string;
  name: string;
  catalogVersion: number;
}

/** A new product in the catalog becomes a shippable product, waiting to be weighed and measured. */
export class LearnProduct {
  constructor(private readonly products: ShippableProductRepository) {}

  async execute({ productId, sku, name, catalogVersion }: LearnProductCommand): Promise<void> {
    await this.products.learn({ productId, sku, name, catalogVersion, discontinuedAt: null });
  }
}
