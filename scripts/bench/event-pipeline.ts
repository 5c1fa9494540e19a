import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import type { EventsConfig } from '@storefront/messaging';
import { prismaTransactions, systemEnvironment } from '@storefront/platform';
import * as catalogContext from '../../subgraphs/catalog/src/main';
import * as inventoryContext from '../../subgraphs/inventory/src/main';
import { CreateProduct } from '../../subgraphs/catalog/src/application/create-product/create-product.use-case';
import { connectCatalogDb } from '../../subgraphs/catalog/src/infrastructure/catalog-database';
import { PrismaCategoryDirectory, PrismaProductRepository } from '../../subgraphs/catalog/src/infrastructure/prisma-product.repository';
import { startInventoryProcess } from './inventory-process';

/** One product created in the catalog: when its transaction had committed, and when inventory learned of it. */
export interface Delivery {
  productId: string;
  committedAt: number;
  effectAt: number;
}

export interface EventPipeline {
  /** Creates one product through catalog's use case; resolves right after COMMIT, with a wall-clock timestamp in ms. */
  createProduct(): Promise<{ productId: string; committedAt: number }>;
  /** Waits until inventory has learned of every product, and gives each one's effect time. */
  effects(productIds: readonly string[], timeoutMs: number): Promise<Map<string, number>>;
  /** CPU time used so far by every process running the contexts (this one included), in ms. */
  cpuMs(): number;
  stop(): Promise<void>;
}

/** Wall-clock milliseconds with sub-millisecond resolution, comparable with PostgreSQL's clock on this machine. */
export const wallClock = () => performance.timeOrigin + performance.now();

/** Inventory in this process (one event loop for everything), or in its own as in production. */
export type InventoryPlacement = 'in-process' | 'own-process';

/**
 * Catalog and inventory as they run in production (their main.ts: server, outbox relay, queue
 * consumer) on the given databases and event prefix; catalog in this process, inventory here too or
 * in its own process. Products are created with catalog's own CreateProduct use case and repository,
 * the code the createProduct mutation runs: the product row and its catalog.product-created.v1
 * event commit in one transaction.
 */
export async function startEventPipeline(
  urls: { catalog: string; inventory: string },
  events: EventsConfig,
  run: string,
  placement: InventoryPlacement = 'in-process',
): Promise<EventPipeline> {
  const catalog = await catalogContext.start({ port: 0, databaseUrl: urls.catalog, events });
  const inventory = placement === 'in-process' ? await inventoryContext.start({ port: 0, databaseUrl: urls.inventory, events }) : startInventoryProcess(urls.inventory, events);
  const ownCpuMs = () => {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1000;
  };
  const { db } = connectCatalogDb(urls.catalog);
  const useCase = new CreateProduct(prismaTransactions(db, (tx) => new PrismaProductRepository(tx)), new PrismaCategoryDirectory(db), systemEnvironment);
  const inventoryDb = new Pool({ connectionString: urls.inventory, max: 2 });
  let created = 0;
  // Stopping waits for commits under way, so that no transaction is cut off when the services stop.
  let stopping = false;
  const inFlight = new Set<Promise<unknown>>();
  const tracked = <T>(work: Promise<T>): Promise<T> => {
    inFlight.add(work);
    return work.finally(() => inFlight.delete(work));
  };

  return {
    createProduct() {
      if (stopping) return Promise.reject(new Error('stopping'));
      return tracked(create());
    },

    async effects(productIds, timeoutMs) {
      // learned_at is now() of inventory's transaction that recorded the event in its inbox and learned the unit.
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        if (stopping) throw new Error('stopping');
        const { rows } = await tracked(inventoryDb.query<{ count: string }>('SELECT count(*) FROM stock_keeping_units WHERE product_id = ANY($1::text[])', [productIds]));
        if (Number(rows[0]!.count) === productIds.length) break;
        if (Date.now() > deadline) throw new Error(`inventory learned only ${rows[0]!.count} of ${productIds.length} products within ${timeoutMs / 1000} s`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const { rows } = await tracked(
        inventoryDb.query<{ product_id: string; at: string }>(
          'SELECT product_id, extract(epoch FROM learned_at) * 1000 AS at FROM stock_keeping_units WHERE product_id = ANY($1::text[])',
          [productIds],
        ),
      );
      return new Map(rows.map((row) => [row.product_id, Number(row.at)]));
    },

    cpuMs: () => ownCpuMs() + ('cpuMs' in inventory ? inventory.cpuMs() : 0),

    async stop() {
      stopping = true;
      await Promise.allSettled([...inFlight]);
      await Promise.allSettled([catalog.stop(), inventory.stop()]);
      await Promise.allSettled([db.$disconnect(), inventoryDb.end()]);
    },
  };

  async function create(): Promise<{ productId: string; committedAt: number }> {
    const n = (created += 1);
    const result = await useCase.execute({
      sku: `BENCH-${run}-${n}`.toUpperCase(),
      name: `Benchmark product ${n}`,
      description: 'Created by pnpm bench:events',
      price: { amount: 1_000 + n, currency: 'EUR' },
    });
    const committedAt = wallClock();
    if (!result.ok) throw new Error(`createProduct refused: ${result.error.code} ${result.error.message}`);
    return { productId: result.value.id, committedAt };
  }
}
