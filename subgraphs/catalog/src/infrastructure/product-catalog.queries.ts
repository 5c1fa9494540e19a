import { isUuid } from '@storefront/platform';
import type { CatalogDb } from './catalog-database';
import type { Category, Product, ProductStatus } from './prisma/generated/client';

/** The fields the API shows of a product; a stored row is one, and so is a saved aggregate's state. */
export type ProductView = Pick<Product, 'id' | 'sku' | 'name' | 'description' | 'categoryId' | 'imageUrls' | 'priceAmount' | 'priceCurrency' | 'status'>;
export type CategoryView = Category;

/** Only the columns of a ProductView: the timestamps and version are never shown, and parsing them costs on every row of a list. */
const VIEW_COLUMNS = { id: true, sku: true, name: true, description: true, categoryId: true, imageUrls: true, priceAmount: true, priceCurrency: true, status: true } as const;

export interface ProductFilter {
  categoryId?: string | null;
  status?: ProductStatus | null;
  search?: string | null;
}

/** The read side of the catalog: what the storefront lists and shows, straight from the tables. */
export class ProductCatalogQueries {
  constructor(private readonly db: CatalogDb) {}

  /** One page in SKU order, after the given SKU; fetches one extra row to know if more follow. */
  async page(filter: ProductFilter, afterSku: string | null, size: number): Promise<{ items: ProductView[]; hasNextPage: boolean }> {
    if (filter.categoryId && !isUuid(filter.categoryId)) return { items: [], hasNextPage: false };
    const rows = await this.db.product.findMany({
      where: {
        ...(filter.categoryId ? { categoryId: filter.categoryId } : {}),
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.search ? { OR: [{ name: { contains: filter.search, mode: 'insensitive' } }, { sku: { contains: filter.search.toUpperCase() } }] } : {}),
        ...(afterSku ? { sku: { gt: afterSku } } : {}),
      },
      orderBy: { sku: 'asc' },
      take: size + 1,
      select: VIEW_COLUMNS,
    });
    return { items: rows.slice(0, size), hasNextPage: rows.length > size };
  }

  /** Products by id in one query, in the order asked, null where unknown (for the entity loader). */
  async byIds(ids: readonly string[]): Promise<(ProductView | null)[]> {
    const wanted = ids.filter(isUuid);
    const rows = wanted.length ? await this.db.product.findMany({ where: { id: { in: wanted } }, select: VIEW_COLUMNS }) : [];
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async categoriesByIds(ids: readonly string[]): Promise<(CategoryView | null)[]> {
    const rows = await this.db.category.findMany({ where: { id: { in: ids.filter(isUuid) } } });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  categories(): Promise<CategoryView[]> {
    return this.db.category.findMany({ orderBy: { name: 'asc' } });
  }
}
