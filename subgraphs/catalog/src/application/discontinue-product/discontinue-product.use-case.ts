import type { Environment, Result } from '@storefront/kernel';
import type { ProductState } from '../../domain/product.aggregate';
import type { ProductRepository } from '../../domain/product.repository';
import { modifyProduct } from '../modify-product';

export class DiscontinueProduct {
  constructor(
    private readonly products: ProductRepository,
    private readonly env: Environment,
  ) {}

  execute(id: string): Promise<Result<ProductState>> {
    return modifyProduct(this.products, id, (product) => product.discontinue(this.env.now()));
  }
}
