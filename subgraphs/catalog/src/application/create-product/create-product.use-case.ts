import { fail, ok, type Environment, type Result, type Transactions } from '@storefront/kernel';
import { Product, type NewProduct, type ProductState } from '../../domain/product.aggregate';
import { DuplicateSkuError, type CategoryDirectory, type ProductRepository } from '../../domain/product.repository';

export type CreateProductCommand = Omit<NewProduct, 'id'>;

export class CreateProduct {
  constructor(
    private readonly transactions: Transactions<ProductRepository>,
    private readonly categories: CategoryDirectory,
    private readonly env: Environment,
  ) {}

  async execute(command: CreateProductCommand): Promise<Result<ProductState>> {
    if (command.categoryId && !(await this.categories.exists(command.categoryId))) {
      return fail('UNKNOWN_CATEGORY', `There is no category ${command.categoryId}.`, 'categoryId');
    }
    const created = Product.create({ ...command, id: this.env.newId() }, this.env.now());
    if (!created.ok) return created;
    try {
      await this.transactions.run((products) => products.add(created.value));
    } catch (error) {
      if (error instanceof DuplicateSkuError) return fail('DUPLICATE_SKU', `SKU ${error.sku} is already in the catalog.`, 'sku');
      throw error;
    }
    return ok(created.value.snapshot());
  }
}
