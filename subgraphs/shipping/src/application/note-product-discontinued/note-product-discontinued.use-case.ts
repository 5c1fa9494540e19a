import { discontinue, ProductNotYetLearnedError, type ShippableProductRepository } from '../../domain/shippable-product';

export interface NoteProductDiscontinuedCommand {
  productId: string;
  catalogVersion: number;
  at: Date;
}

/** Records that catalog stopped selling a product: it no longer waits to be measured, its profile stays (returns still travel). */
export class NoteProductDiscontinued {
  constructor(private readonly products: ShippableProductRepository) {}

  async execute({ productId, catalogVersion, at }: NoteProductDiscontinuedCommand): Promise<void> {
    const product = await this.products.find(productId);
    if (!product) throw new ProductNotYetLearnedError(productId);
    const changed = discontinue(product, catalogVersion, at);
    if (changed !== product) await this.products.save(changed);
  }
}
