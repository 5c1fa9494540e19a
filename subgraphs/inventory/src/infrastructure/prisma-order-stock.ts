import type { Environment } from '@storefront/kernel';
import type { OrderStock } from '../domain/reservation.repository';
import type { StockLevel } from '../domain/stock-level.aggregate';
import type { Prisma } from './prisma/generated/client';
import { z } from 'zod';
import { StockLevelRecords, toDomain, toMovement } from './stock-level.mapper';

const ProductIds = z.array(z.object({ productId: z.string() }));

/** The stock levels of an order's products, inside the transaction of the event handler. */
export class PrismaOrderStock implements OrderStock {
  constructor(
    private readonly tx: Prisma.TransactionClient,
    private readonly env: Environment,
  ) {}

  /**
   * Rows are locked in the order the sort gives them: by product, then warehouse, for every caller
   * alike. One statement locks and reads them, so what is read is exactly what is locked. It is
   * written in SQL, as is the look-up of known products: every order placed does both, and Prisma
   * plans each typed call with its query compiler first.
   */
  async lock(productIds: readonly string[]): Promise<StockLevel[]> {
    if (productIds.length === 0) return [];
    const rows = StockLevelRecords.parse(
      await this.tx.$queryRaw`
      SELECT product_id AS "productId", warehouse_id AS "warehouseId", on_hand AS "onHand", reserved, version
        FROM stock_levels WHERE product_id = ANY(${[...productIds]}::text[]) ORDER BY product_id, warehouse_id FOR UPDATE`,
    );
    return rows.map(toDomain);
  }

  async known(productIds: readonly string[]): Promise<Set<string>> {
    const rows = ProductIds.parse(
      await this.tx.$queryRaw`SELECT product_id AS "productId" FROM stock_keeping_units WHERE product_id = ANY(${[...productIds]}::text[])`,
    );
    return new Set(rows.map((row) => row.productId));
  }

  /** Every level that changed, in one statement, and its movements in the audit trail. */
  async save(levels: readonly StockLevel[]): Promise<void> {
    const changed = levels.map((level) => ({ state: level.snapshot(), events: level.pullEvents() })).filter((change) => change.events.length > 0);
    if (changed.length === 0) return;
    const states = changed.map((change) => change.state);
    await this.tx.$executeRaw`
      UPDATE stock_levels s
         SET on_hand = v.on_hand, reserved = v.reserved, version = s.version + 1, updated_at = now()
        FROM unnest(${states.map((s) => s.productId)}::text[], ${states.map((s) => s.warehouseId)}::text[],
                    ${states.map((s) => s.onHand)}::int[], ${states.map((s) => s.reserved)}::int[]) AS v(product_id, warehouse_id, on_hand, reserved)
       WHERE s.product_id = v.product_id AND s.warehouse_id = v.warehouse_id`;
    const movements = changed.flatMap((change) => change.events.flatMap((event) => toMovement(event, this.env.newId()) ?? []));
    if (movements.length > 0) await this.tx.stockMovement.createMany({ data: movements });
  }
}
