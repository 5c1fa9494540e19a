import { ConcurrentModificationError } from '@storefront/kernel';
import { isUuid } from '@storefront/platform';
import type { Product } from '../domain/product.aggregate';
import { DuplicateSkuError, type CategoryDirectory, type ProductRepository } from '../domain/product.repository';
import type { CatalogDb } from './catalog-database';
import { toDomain, toPersistence } from './product.mapper';
import { Prisma } from './prisma/generated/client';

export class PrismaProductRepository implements ProductRepository {
  constructor(private readonly db: CatalogDb) {}

  async findById(id: string): Promise<Product | null> {
    if (!isUuid(id)) return null;
    const row = await this.db.product.findUnique({ where: { id } });
    return row ? toDomain(row) : null;
  }

  async add(product: Product): Promise<void> {
    const state = product.snapshot();
    try {
      await this.db.product.create({ data: { id: state.id, ...toPersistence(state) } });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw new DuplicateSkuError(state.sku);
      throw error;
    }
    product.pullEvents();
  }

  async save(product: Product): Promise<void> {
    const state = product.snapshot();
    const { count } = await this.db.product.updateMany({
      where: { id: state.id, version: state.version },
      data: { ...toPersistence(state), version: { increment: 1 } },
    });
    if (count === 0) throw new ConcurrentModificationError('Product', state.id);
    product.pullEvents();
  }
}

export class PrismaCategoryDirectory implements CategoryDirectory {
  constructor(private readonly db: CatalogDb) {}

  async exists(id: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    return (await this.db.category.count({ where: { id } })) > 0;
  }
}
