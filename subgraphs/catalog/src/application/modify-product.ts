import { fail, ok, retryOnConcurrentModification, type Result } from '@storefront/kernel';
import type { Product, ProductState } from '../domain/product.aggregate';
import type { ProductRepository } from '../domain/product.repository';

/** Load, apply one aggregate method, save; again from the start if another writer got there first. */
export function modifyProduct(
  products: ProductRepository,
  id: string,
  change: (product: Product) => Result<void>,
): Promise<Result<ProductState>> {
  return retryOnConcurrentModification(async () => {
    const product = await products.findById(id);
    if (!product) return fail('PRODUCT_NOT_FOUND', `There is no product ${id}.`, 'id');
    const changed = change(product);
    if (!changed.ok) return changed;
    await products.save(product);
    return ok(product.snapshot());
  });
}
