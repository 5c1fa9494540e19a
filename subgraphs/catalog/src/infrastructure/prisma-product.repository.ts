import { appendToOutbox } from '@storefront/messaging';
import { isUuid, readLocked } from '@storefront/platform';
import type { Product } from '../domain/product.aggregate';
import { DuplicateSkuError, type CategoryDirectory, type ProductRepository } from '../domain/product.repository';
import type { CatalogDb } from './catalog-database';
import { toIntegrationEvent } from './catalog-integration-events';
import { toDomain, toPersistence } from './product.mapper';
import { Prisma } from './prisma/generated/client';

/** Products inside one transaction: the product row and its events in the outbox commit together, or neither does. */
export class PrismaProductRepository implements ProductRepository {
  constructor(private readonly tx: Prisma.TransactionClient) {}

  async lockFor(id: string): Promise<Product | null> {
    if (!isUuid(id)) return null;
    return readLocked(this.tx.$executeRaw`SELECT 1 FROM products WHERE id = ${id}::uuid FOR UPDATE`, async () =>
      toDomain(await this.tx.product.findUniqueOrThrow({ where: { id } })),
    );
  }

  async add(product: Product): Promise<void> {
    const state = product.snapshot();
    try {
      await this.tx.product.create({ data: { id: state.id, ...toPersistence(state) } });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw new DuplicateSkuError(state.sku);
      throw error;
    }
    await appendToOutbox(this.tx, product.pullEvents().map((event) => toIntegrationEvent(event, state.version)));
  }

  /** The stored version counts the product's changes; consumers of its events use it to ignore late ones. */
  async save(product: Product): Promise<void> {
    const state = product.snapshot();
    await this.tx.product.update({ where: { id: state.id }, data: { ...toPersistence(state), version: { increment: 1 } } });
    await appendToOutbox(this.tx, product.pullEvents().map((event) => toIntegrationEvent(event, state.version + 1)));
  }
}

export class PrismaCategoryDirectory implements CategoryDirectory {
  constructor(private readonly db: CatalogDb) {}

  async exists(id: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    return (await this.db.category.count({ where: { id } })) > 0;
  }
}
