import { fail, type Environment, type Result, type Transactions } from '@storefront/kernel';
import type { DetailsChange, ProductState } from '../../domain/product.aggregate';
import type { CategoryDirectory, ProductRepository } from '../../domain/product.repository';
import { modifyProduct } from '../modify-product';

export interface UpdateProductDetailsCommand extends DetailsChange {
  id: string;
}

export class UpdateProductDetails {
  constructor(
    private readonly transactions: Transactions<ProductRepository>,
    private readonly categories: CategoryDirectory,
    private readonly env: Pick<Environment, 'now'>,
  ) {}

  async execute({ id, ...change }: UpdateProductDetailsCommand): Promise<Result<ProductState>> {
    if (change.categoryId && !(await this.categories.exists(change.categoryId))) {
      return fail('UNKNOWN_CATEGORY', `There is no category ${change.categoryId}.`, 'categoryId');
    }
    return modifyProduct(this.transactions, id, (product) => product.updateDetails(change, this.env.now()));
  }
}
