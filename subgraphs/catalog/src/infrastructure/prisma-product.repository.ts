import { ConcurrentModificationError } from '@storefront/kernel';
import { isUuid } from '@storefront/platform';
import type { Product } from '../domain/product.aggregate';
import { DuplicateSkuError, type CategoryDirectory, type ProductRepository } from '../domain/product.repository';
import { appendToOutbox } from '@storefront/messaging';
import type { CatalogDb } from './catalog-database';
import { toIntegrationEvent } from './catalog-integration-events';
import { toDomain, toPersistence } from './product.mapper';
import { Prisma } from './prisma/generated/client';

export class PrismaProductRepository implements ProductRepository {
  constructor(private readonly db: CatalogDb) {}

  async findById(id: string): Promise<Product | null> {
    if (!isUuid(id)) return null;
    const row = await this.db.product.findUnique({ where: { id } });
    return row ? toDomain(row) : null;
  }

  /** The product row and its events in the outbox commit together, or neither does. */
  async add(product: Product): Promise<void> {
    const state = product.snapshot();
    const events = product.pullEvents().map((event) => toIntegrationEvent(event, state.version));
    try {
      await this.db.$transaction(async (tx) => {
        await tx.product.create({ data: { id: state.id, ...toPersistence(state) } });
        await appendToOutbox(tx, events);
      });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw new DuplicateSkuError(state.sku);
      throw error;
    }
  }

  async save(product: Product): Promise<void> {
    const state = product.snapshot();
    const events = product.pullEvents().map((event) => toIntegrationEvent(event, state.version + 1));
    await this.db.$transaction(async (tx) => {
      const { count } = await tx.product.updateMany({
        where: { id: state.id, version: state.version },
        data: { ...toPersistence(state), version: { increment: 1 } },
      });
      if (count === 0) throw new ConcurrentModificationError('Product', state.id);
      await appendToOutbox(tx, events);
    });
  }
}

export class PrismaCategoryDirectory implements CategoryDirectory {
  constructor(private readonly db: CatalogDb) {}

  async exists(id: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    return (await this.db.category.count({ where: { id } })) > 0;
  }
}
