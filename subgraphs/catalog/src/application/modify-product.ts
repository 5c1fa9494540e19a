import { changeAggregate, fail, ok, type Result, type Transactions } from '@storefront/kernel';
import type { Product, ProductState } from '../domain/product.aggregate';
import type { ProductRepository } from '../domain/product.repository';

/** Load the product locked, apply one of its methods, save: concurrent edits of one product queue and all take effect. */
export async function modifyProduct(
  transactions: Transactions<ProductRepository>,
  id: string,
  change: (product: Product) => Result<void>,
): Promise<Result<ProductState>> {
  const changed = await transactions.run((products) =>
    changeAggregate(products, id, change, () => fail('PRODUCT_NOT_FOUND', `There is no product ${id}.`, 'id')),
  );
  return changed.ok ? ok(changed.value.snapshot()) : changed;
}
