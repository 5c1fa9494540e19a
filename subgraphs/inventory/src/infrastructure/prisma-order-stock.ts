import type { Environment } from '@storefront/kernel';
import type { OrderStock } from '../domain/reservation.repository';
import type { StockLevel } from '../domain/stock-level.aggregate';
import type { Prisma } from './prisma/generated/client';
import { toDomain, toMovement } from './stock-level.mapper';

/** The stock levels of an order's products, inside the transaction of the event handler. */
export class PrismaOrderStock implements OrderStock {
  constructor(
    private readonly tx: Prisma.TransactionClient,
    private readonly env: Environment,
  ) {}

  /**
   * Rows are locked in the order the sort gives them: by product, then warehouse, for every caller
   * alike. The lock is raw only because Prisma's typed API cannot lock rows; the rows themselves
   * are read with the typed API. A level opened between the two statements would be read without
   * its lock, so then the lock is taken again (levels are never deleted: the count only grows).
   */
  async lock(productIds: readonly string[]): Promise<StockLevel[]> {
    if (productIds.length === 0) return [];
    const ids = [...productIds];
    for (;;) {
      const locked = await this.tx.$executeRaw`
        SELECT 1 FROM stock_levels WHERE product_id = ANY(${ids}::text[]) ORDER BY product_id, warehouse_id FOR UPDATE`;
      const rows = await this.tx.stockLevel.findMany({ where: { productId: { in: ids } }, orderBy: [{ productId: 'asc' }, { warehouseId: 'asc' }] });
      if (rows.length === locked) return rows.map(toDomain);
      // A re-lock taken out of order can, rarely, deadlock with another order: PostgreSQL then aborts one, and its event is delivered again.
    }
  }

  async known(productIds: readonly string[]): Promise<Set<string>> {
    const rows = await this.tx.stockKeepingUnit.findMany({ where: { productId: { in: [...productIds] } }, select: { productId: true } });
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
