import type { InventoryHarness } from './inventory-harness';

/** What an order's saga left in inventory's tables, read the way an operator would. */
export function reservationProbes(inventory: InventoryHarness) {
  const rows = async (query: string, params: unknown[]) => (await inventory.sql.query(query, params)).rows;
  return {
    /** `warehouse on_hand/reserved` per stock level of the product. */
    levelsOf: async (productId: string) =>
      (await rows('SELECT warehouse_id, on_hand, reserved FROM stock_levels WHERE product_id = $1 ORDER BY warehouse_id', [productId])).map(
        (row) => `${row.warehouse_id} ${row.on_hand}/${row.reserved}`,
      ),
    reservationOf: async (orderId: string) => {
      const [reservation] = await rows('SELECT status FROM reservations WHERE order_id = $1', [orderId]);
      if (!reservation) return null;
      const lines = await rows('SELECT product_id, warehouse_id, quantity FROM reservation_lines WHERE order_id = $1 ORDER BY product_id, warehouse_id', [orderId]);
      return { status: reservation.status, lines: lines.map((line) => ({ productId: line.product_id, warehouseId: line.warehouse_id, quantity: line.quantity })) };
    },
    /** The events published about the order, oldest first. */
    outboxOf: async (orderId: string) =>
      (await rows('SELECT type, correlation_id, causation_id, payload FROM outbox WHERE aggregate_id = $1 ORDER BY position', [orderId])).map((row) => ({
        type: row.type,
        correlationId: row.correlation_id,
        causationId: row.causation_id,
        payload: row.payload,
      })),
    movementsOf: async (productId: string) =>
      rows('SELECT warehouse_id AS "warehouseId", kind, quantity, reason FROM stock_movements WHERE product_id = $1 ORDER BY warehouse_id, kind', [productId]),
  };
}
