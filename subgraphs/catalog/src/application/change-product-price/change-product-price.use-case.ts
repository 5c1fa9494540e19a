import type { Environment, Result, Transactions } from '@storefront/kernel';
import type { ProductState } from '../../domain/product.aggregate';
import type { ProductRepository } from '../../domain/product.repository';
import { modifyProduct } from '../modify-product';

export interface ChangeProductPriceCommand {
  id: string;
  price: { amount: number; currency: string };
}

export class ChangeProductPrice {
  constructor(
    private readonly transactions: Transactions<ProductRepository>,
    private readonly env: Environment,
  ) {}

  execute({ id, price }: ChangeProductPriceCommand): Promise<Result<ProductState>> {
    return modifyProduct(this.transactions, id, (product) => product.changePrice(price.amount, price.currency, this.env.now()));
  }
}
