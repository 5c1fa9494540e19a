import DataLoader from 'dataloader';
import type { Identity } from '@storefront/platform';
import type { CreateProduct } from '../application/create-product/create-product.use-case';
import type { UpdateProductDetails } from '../application/update-product-details/update-product-details.use-case';
import type { ChangeProductPrice } from '../application/change-product-price/change-product-price.use-case';
import type { DiscontinueProduct } from '../application/discontinue-product/discontinue-product.use-case';
import type { CategoryView, ProductCatalogQueries, ProductView } from '../infrastructure/product-catalog.queries';

export interface CatalogUseCases {
  createProduct: CreateProduct;
  updateProductDetails: UpdateProductDetails;
  changeProductPrice: ChangeProductPrice;
  discontinueProduct: DiscontinueProduct;
}

export interface CatalogContext {
  identity: Identity | null;
  queries: ProductCatalogQueries;
  useCases: CatalogUseCases;
  /** Per-request loaders: every product or category asked for in one request costs one query. */
  products: DataLoader<string, ProductView | null>;
  categories: DataLoader<string, CategoryView | null>;
}

export function catalogContext(identity: Identity | null, queries: ProductCatalogQueries, useCases: CatalogUseCases): CatalogContext {
  return {
    identity,
    queries,
    useCases,
    products: new DataLoader((ids) => queries.byIds(ids), { maxBatchSize: 1000 }),
    categories: new DataLoader((ids) => queries.categoriesByIds(ids)),
  };
}
