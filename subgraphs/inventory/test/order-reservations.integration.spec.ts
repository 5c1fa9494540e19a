import { eventually } from '../../../test/support/event-bus';
import { aProductId, startHarness } from './inventory-harness';
import { anOrderId, orderCancelled, orderPlaced } from './order-events';
import { reservationProbes } from './reservation-probes';
import { startedForThisFile } from '../../../test/support/subgraph-harness';

const inventory = startedForThisFile(startHarness);
const probe = reservationProbes(inventory);

describe("inventory's reservations for placed orders", () => {
  it('reserves every line, from the warehouse with most available first, and says so through the outbox', async () => {
    const mug = await inventory.stockedProduct({ 'eu-central': 2, 'us-east': 5 });
    const pot = await inventory.stockedProduct({ 'eu-central': 3, 'us-east': 1 });
    const orderId = anOrderId();
    const placed = orderPlaced(orderId, [{ productId: mug, quantity: 6 }, { productId: pot, quantity: 1 }]);

    expect(await inventory.consumer.handle(placed)).toBe('handled');

    const reservation = await probe.reservationOf(orderId);
    expect(reservation?.status).toBe('RESERVED');
    expect(reservation?.lines).toHaveLength(3);
    expect(reservation?.lines).toEqual(
      expect.arrayContaining([
        { productId: mug, warehouseId: 'us-east', quantity: 5 },
        { productId: mug, warehouseId: 'eu-central', quantity: 1 },
        { productId: pot, warehouseId: 'eu-central', quantity: 1 },
      ]),
    );
    expect(await probe.levelsOf(mug)).toEqual(['eu-central 2/1', 'us-east 5/5']);
    expect(await probe.levelsOf(pot)).toEqual(['eu-central 3/1', 'us-east 1/0']);
    expect(await probe.outboxOf(orderId)).toEqual([
      {
        type: 'inventory.stock-reserved.v1',
        correlationId: orderId,
        causationId: placed.id,
        payload: { orderId, lines: [{ productId: mug, quantity: 6 }, { productId: pot, quantity: 1 }] },
      },
    ]);
    expect(await probe.movementsOf(mug)).toEqual([]);
    await eventually(async () => {
      const { rows } = await inventory.sql.query('SELECT published_at FROM outbox WHERE aggregate_id = $1', [orderId]);
      return rows[0]?.published_at ?? undefined;
    }, 'the relay to publish stock-reserved');
  });

  it('reserves none when one line cannot be had, naming each refused line', async () => {
    const mug = await inventory.stockedProduct({ 'eu-central': 2, 'us-east': 1 });
    const pot = await inventory.stockedProduct({ 'eu-central': 9 });
    const unknown = aProductId();
    const orderId = anOrderId();

    await inventory.consumer.handle(orderPlaced(orderId, [{ productId: pot, quantity: 2 }, { productId: mug, quantity: 4 }, { productId: unknown, quantity: 1 }]));

    expect(await probe.reservationOf(orderId)).toEqual({ status: 'REFUSED', lines: [] });
    expect([...(await probe.levelsOf(mug)), ...(await probe.levelsOf(pot))]).toEqual(['eu-central 2/0', 'us-east 1/0', 'eu-central 9/0']);
    expect(await probe.outboxOf(orderId)).toEqual([
      expect.objectContaining({
        type: 'inventory.stock-reservation-failed.v1',
        payload: {
          orderId,
          refusedLines: [
            { productId: mug, requested: 4, available: 3, reason: 'INSUFFICIENT_STOCK' },
            { productId: unknown, requested: 1, available: 0, reason: 'UNKNOWN_PRODUCT' },
          ],
        },
      }),
    ]);
  });

  it('gives the last five units to exactly five of twelve orders handled at once, and never oversells', async () => {
    const scarce = await inventory.stockedProduct({ 'eu-central': 3, 'us-east': 2 });
    const plenty = await inventory.stockedProduct({ 'eu-central': 100, 'us-east': 100 });
    const orders = Array.from({ length: 12 }, anOrderId);
    // Half the orders list the products the other way round: the locks are taken in one order regardless.
    const lines = (i: number) => (i % 2 === 0 ? [{ productId: scarce, quantity: 1 }, { productId: plenty, quantity: 1 }] : [{ productId: plenty, quantity: 1 }, { productId: scarce, quantity: 1 }]);

    const outcomes = await Promise.all(orders.map((orderId, i) => inventory.consumer.handle(orderPlaced(orderId, lines(i)))));

    expect(outcomes).toEqual(Array(12).fill('handled'));
    const statuses: string[] = [];
    const events: Awaited<ReturnType<typeof probe.outboxOf>> = [];
    for (const orderId of orders) {
      statuses.push((await probe.reservationOf(orderId))!.status);
      events.push(...(await probe.outboxOf(orderId)));
    }
    expect(statuses.filter((status) => status === 'RESERVED')).toHaveLength(5);
    expect(statuses.filter((status) => status === 'REFUSED')).toHaveLength(7);
    expect(await probe.levelsOf(scarce)).toEqual(['eu-central 3/3', 'us-east 2/2']);
    const reservedPlenty = (await inventory.sql.query('SELECT sum(reserved)::int AS n FROM stock_levels WHERE product_id = $1', [plenty])).rows[0].n;
    expect(reservedPlenty).toBe(5);
    expect(events.filter((event) => event.type === 'inventory.stock-reserved.v1')).toHaveLength(5);
    const refusals = events.filter((event) => event.type === 'inventory.stock-reservation-failed.v1');
    expect(refusals.map((event) => event.payload.refusedLines)).toEqual(Array(7).fill([{ productId: scarce, requested: 1, available: 0, reason: 'INSUFFICIENT_STOCK' }]));
  });

  it('has one effect when an order arrives twice, under the same event id or another', async () => {
    const mug = await inventory.stockedProduct({ 'eu-central': 5 });
    const orderId = anOrderId();
    const placed = orderPlaced(orderId, [{ productId: mug, quantity: 2 }]);

    expect(await inventory.consumer.handle(placed)).toBe('handled');
    expect(await inventory.consumer.handle(placed)).toBe('duplicate');
    expect(await inventory.consumer.handle(orderPlaced(orderId, [{ productId: mug, quantity: 2 }]))).toBe('handled');

    expect(await probe.levelsOf(mug)).toEqual(['eu-central 5/2']);
    expect(await probe.outboxOf(orderId)).toHaveLength(1);
  });

  it('reserves once for an order whose stock is locked by others for longer than a transaction may last by default', async () => {
    const mug = await inventory.stockedProduct({ 'eu-central': 5 });
    const orderId = anOrderId();
    // Another transaction holds the stock level for 6 s: past Prisma's default timeout of 5 s, which
    // would cut the handler's transaction short (and could commit part of it).
    await inventory.sql.query('BEGIN');
    await inventory.sql.query('SELECT 1 FROM stock_levels WHERE product_id = $1 FOR UPDATE', [mug]);
    const handled = inventory.consumer.handle(orderPlaced(orderId, [{ productId: mug, quantity: 2 }]));
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    await inventory.sql.query('COMMIT');

    expect(await handled).toBe('handled');
    expect(await probe.reservationOf(orderId)).toEqual({ status: 'RESERVED', lines: [{ productId: mug, warehouseId: 'eu-central', quantity: 2 }] });
    expect(await probe.levelsOf(mug)).toEqual(['eu-central 5/2']);
  });

  it('reserves nothing, and says nothing, for an order whose cancellation came first', async () => {
    const mug = await inventory.stockedProduct({ 'eu-central': 5 });
    const orderId = anOrderId();

    expect(await inventory.consumer.handle(orderCancelled(orderId))).toBe('handled');
    expect(await probe.reservationOf(orderId)).toEqual({ status: 'CANCELLED', lines: [] });
    expect(await inventory.consumer.handle(orderPlaced(orderId, [{ productId: mug, quantity: 2 }]))).toBe('handled');

    expect(await probe.reservationOf(orderId)).toEqual({ status: 'CANCELLED', lines: [] });
    expect(await probe.levelsOf(mug)).toEqual(['eu-central 5/0']);
    expect(await probe.outboxOf(orderId)).toEqual([]);
  });
});
