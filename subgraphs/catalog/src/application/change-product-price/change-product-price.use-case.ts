import type { Environment, Result } from '@storefront/kernel';
import type { ProductState } from '../../domain/product.aggregate';
import type { ProductRepository } from '../../domain/product.repository';
import { modifyProduct } from '../modify-product';

export interface ChangeProductPriceCommand {
  id: string;
  price: { amount: number; currency: string };
}

export class ChangeProductPrice {
  constructor(
    private readonly products: ProductRepository,
    private readonly env: Environment,
  ) {}

  execute({ id, price }: ChangeProductPriceCommand): Promise<Result<ProductState>> {
    return modifyProduct(this.products, id, (product) => product.changePrice(price.amount, price.currency, this.env.now()));
  }
}
