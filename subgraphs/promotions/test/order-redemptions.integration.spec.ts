import { aCode, aPromotion, startHarness } from './promotions-harness';
import { anOrderId, orderCancelled, orderPlaced, orderRejected } from './order-events';
import { startedForThisFile } from '../../../test/support/subgraph-harness';

const promotions = startedForThisFile(startHarness);

const redemptionCount = async (id: string) => (await promotions.db.promotion.findUniqueOrThrow({ where: { id } })).redemptionCount;
const outboxOf = (orderId: string) =>
  promotions.db.outboxEvent.findMany({ where: { aggregateId: orderId }, orderBy: { position: 'asc' }, select: { type: true, correlationId: true, causationId: true, payload: true } });

const aCoupon = (limits: { usageLimit?: number; perCustomerLimit?: number } = {}) =>
  aPromotion(promotions, { code: aCode(), description: '5 € off', kind: 'AMOUNT_OFF', value: 500, currency: 'EUR', ...limits });
const anAutomaticPromotion = () => aPromotion(promotions, { description: '10 % off', kind: 'PERCENT_OFF', value: 10 });

describe("promotions' step in the order saga", () => {
  it('redeems every promotion of a placed order and says so, once however often the event comes', async () => {
    const automatic = await anAutomaticPromotion();
    const coupon = await aCoupon({ usageLimit: 5 });
    const orderId = anOrderId();
    const placed = orderPlaced(orderId, [automatic, coupon]);

    expect(await promotions.consumer.handle(placed)).toBe('handled');
    expect(await promotions.consumer.handle(placed)).toBe('duplicate');
    // The same order published again under a new event id is still redeemed once.
    expect(await promotions.consumer.handle(orderPlaced(orderId, [automatic, coupon]))).toBe('handled');

    expect([await redemptionCount(automatic), await redemptionCount(coupon)]).toEqual([1, 1]);
    expect(await outboxOf(orderId)).toEqual([
      { type: 'promotions.promotions-redeemed.v1', correlationId: orderId, causationId: placed.id, payload: { orderId, promotionIds: [automatic, coupon] } },
    ]);
  });

  it('redeems none when one is used up, and says which and why', async () => {
    const automatic = await anAutomaticPromotion();
    const coupon = await aCoupon({ usageLimit: 1 });
    await promotions.consumer.handle(orderPlaced(anOrderId(), [coupon], 'customer-a'));
    const orderId = anOrderId();

    await promotions.consumer.handle(orderPlaced(orderId, [automatic, coupon], 'customer-b'));

    expect([await redemptionCount(automatic), await redemptionCount(coupon)]).toEqual([0, 1]);
    const code = (await promotions.db.promotion.findUniqueOrThrow({ where: { id: coupon } })).code;
    expect((await outboxOf(orderId)).map((e) => [e.type, e.payload])).toEqual([
      ['promotions.redemption-refused.v1', { orderId, promotionId: coupon, code, reason: 'USAGE_LIMIT_REACHED' }],
    ]);
  });

  it("refuses a customer's redemption beyond the per-customer limit, not another customer's", async () => {
    const coupon = await aCoupon({ perCustomerLimit: 1 });
    await promotions.consumer.handle(orderPlaced(anOrderId(), [coupon], 'customer-a'));
    const again = anOrderId();
    const other = anOrderId();
    await promotions.consumer.handle(orderPlaced(again, [coupon], 'customer-a'));
    await promotions.consumer.handle(orderPlaced(other, [coupon], 'customer-b'));
    expect((await outboxOf(again))[0]?.payload).toMatchObject({ reason: 'CUSTOMER_LIMIT_REACHED' });
    expect((await outboxOf(other))[0]?.type).toBe('promotions.promotions-redeemed.v1');
  });

  it('gives a cancelled or rejected order its redemptions back, once', async () => {
    const coupon = await aCoupon({ usageLimit: 1, perCustomerLimit: 1 });
    const cancelledOrder = anOrderId();
    await promotions.consumer.handle(orderPlaced(cancelledOrder, [coupon]));
    expect(await redemptionCount(coupon)).toBe(1);

    const cancelled = orderCancelled(cancelledOrder);
    expect(await promotions.consumer.handle(cancelled)).toBe('handled');
    expect(await promotions.consumer.handle(cancelled)).toBe('duplicate');
    await promotions.consumer.handle(orderRejected(cancelledOrder));
    expect(await redemptionCount(coupon)).toBe(0);

    // The place and the customer's allowance are free again.
    const rejectedOrder = anOrderId();
    await promotions.consumer.handle(orderPlaced(rejectedOrder, [coupon]));
    expect(await redemptionCount(coupon)).toBe(1);
    const rejected = orderRejected(rejectedOrder);
    expect(await promotions.consumer.handle(rejected)).toBe('handled');
    expect(await promotions.consumer.handle(rejected)).toBe('duplicate');
    await promotions.consumer.handle(orderRejected(rejectedOrder));
    expect(await redemptionCount(coupon)).toBe(0);
    const statuses = await promotions.db.orderRedemption.findMany({ where: { orderId: { in: [cancelledOrder, rejectedOrder] } }, select: { status: true } });
    expect(statuses).toEqual([{ status: 'GIVEN_BACK' }, { status: 'GIVEN_BACK' }]);
  });

  it('redeems nothing for an order cancelled before it was seen placed', async () => {
    const coupon = await aCoupon({ usageLimit: 3 });
    const orderId = anOrderId();
    await promotions.consumer.handle(orderCancelled(orderId));
    await promotions.consumer.handle(orderPlaced(orderId, [coupon]));
    expect(await redemptionCount(coupon)).toBe(0);
    expect(await outboxOf(orderId)).toEqual([]);
  });

  it('has nothing to do for an order without promotions', async () => {
    const orderId = anOrderId();
    expect(await promotions.consumer.handle(orderPlaced(orderId, []))).toBe('handled');
    expect(await outboxOf(orderId)).toEqual([]);
  });

  it('gives twelve customers racing for a coupon limited to five exactly five redemptions', async () => {
    const coupon = await aCoupon({ usageLimit: 5 });
    const orders = Array.from({ length: 12 }, (_, i) => ({ orderId: anOrderId(), customerId: `racer-${i}` }));

    await Promise.all(orders.map(({ orderId, customerId }) => promotions.consumer.handle(orderPlaced(orderId, [coupon], customerId))));

    expect(await redemptionCount(coupon)).toBe(5);
    const outcomes = await promotions.db.orderRedemption.groupBy({ by: ['status'], where: { orderId: { in: orders.map((o) => o.orderId) } }, _count: { _all: true } });
    expect(Object.fromEntries(outcomes.map((o) => [o.status, o._count._all]))).toEqual({ REDEEMED: 5, REFUSED: 7 });
    const events = await promotions.db.outboxEvent.groupBy({ by: ['type'], where: { aggregateId: { in: orders.map((o) => o.orderId) } }, _count: { _all: true } });
    expect(Object.fromEntries(events.map((e) => [e.type, e._count._all]))).toEqual({ 'promotions.promotions-redeemed.v1': 5, 'promotions.redemption-refused.v1': 7 });
  });

  it('has the database refuse more redemptions than the usage limit, whatever the code does', async () => {
    const coupon = await aCoupon({ usageLimit: 2 });
    await expect(promotions.db.$executeRaw`UPDATE promotions SET redemption_count = 3 WHERE id = ${coupon}::uuid`).rejects.toThrow(/check/i);
    await expect(promotions.db.$executeRaw`UPDATE promotions SET redemption_count = -1 WHERE id = ${coupon}::uuid`).rejects.toThrow(/check/i);
  });
});
