import { fail, type Result } from '@storefront/kernel';
import type { DetailsChange, ProductState } from '../../domain/product.aggregate';
import type { CategoryDirectory, ProductRepository } from '../../domain/product.repository';
import type { Environment } from '@storefront/kernel';
import { modifyProduct } from '../modify-product';

export interface UpdateProductDetailsCommand extends DetailsChange {
  id: string;
}

export class UpdateProductDetails {
  constructor(
    private readonly products: ProductRepository,
    private readonly categories: CategoryDirectory,
    private readonly env: Pick<Environment, 'now'>,
  ) {}

  async execute({ id, ...change }: UpdateProductDetailsCommand): Promise<Result<ProductState>> {
    if (change.categoryId && !(await this.categories.exists(change.categoryId))) {
      return fail('UNKNOWN_CATEGORY', `There is no category ${change.categoryId}.`, 'categoryId');
    }
    return modifyProduct(this.products, id, (product) => product.updateDetails(change, this.env.now()));
  }
}
