import type { Environment, Result, Transactions } from '@storefront/kernel';
import type { ProductState } from '../../domain/product.aggregate';
import type { ProductRepository } from '../../domain/product.repository';
import { modifyProduct } from '../modify-product';

export class DiscontinueProduct {
  constructor(
    private readonly transactions: Transactions<ProductRepository>,
    private readonly env: Environment,
  ) {}

  execute(id: string): Promise<Result<ProductState>> {
    return modifyProduct(this.transactions, id, (product) => product.discontinue(this.env.now()));
  }
}
