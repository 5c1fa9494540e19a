import { Money } from '../domain/money.value-object';
import { Product, type ProductState } from '../domain/product.aggregate';
import type { Product as ProductRow } from './prisma/generated/client';

export function toDomain(row: ProductRow): Product {
  const price = Money.of(row.priceAmount, row.priceCurrency);
  if (!price.ok) throw new Error(`Stored product ${row.id} has an invalid price: ${price.error.message}`);
  return Product.restore({
    id: row.id,
    sku: row.sku,
    name: row.name,
    description: row.description,
    categoryId: row.categoryId,
    imageUrls: row.imageUrls,
    price: price.value,
    status: row.status,
    version: row.version,
  });
}

export function toPersistence(state: ProductState) {
  return {
    sku: state.sku,
    name: state.name,
    description: state.description,
    categoryId: state.categoryId,
    imageUrls: state.imageUrls,
    priceAmount: state.price.amount,
    priceCurrency: state.price.currency,
    status: state.status,
  };
}
