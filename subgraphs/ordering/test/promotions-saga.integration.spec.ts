import { randomUUID } from 'node:crypto';
import { aCustomer, startHarness } from './ordering-harness';
import { aCheckoutInput, addToCart, aShippingQuote, checkout, germanTax, promotionActivated, promotionsRedeemed, redemptionRefused, send, APPLY_COUPON } from './checkout-operations';
import { paymentAuthorized, stockReserved } from './saga-events';
import { startedForThisFile } from '../../../test/support/subgraph-harness';

const ordering = startedForThisFile(startHarness, germanTax);

/** An order checked out with a coupon (10 % off one mug): placed, and waiting for the coupon's redemption. */
async function anOrderWithACoupon() {
  const customer = aCustomer();
  const [mug] = await ordering.priceProducts({});
  const code = `TEN${randomUUID().slice(0, 6).toUpperCase()}`;
  const coupon = promotionActivated({ code, productIds: [mug!] });
  await ordering.consumer.handle(coupon);
  await addToCart(ordering, customer, mug!, 1);
  await send(ordering, APPLY_COUPON, { code }, customer);
  const lines = [{ productId: mug!, quantity: 1 }];
  // 1299 - 130 + 499 = 1668; 19 % = 316.92 -> 317.
  const placed = await checkout(ordering, customer, aCheckoutInput(aShippingQuote(lines), 1985));
  if (!placed.order) throw new Error(JSON.stringify(placed.errors));
  return { orderId: placed.order.id as string, lines, promotionId: coupon.payload.promotionId, code };
}

const published = async (orderId: string) => (await ordering.outboxOf(orderId)).map((row) => row.type);
const reasonOf = async (orderId: string) =>
  (await ordering.sql.query('SELECT status_reason_code AS code, status_reason_message AS message FROM orders WHERE id = $1', [orderId])).rows[0];

describe('an order with promotions in the saga', () => {
  it('is confirmed only once its promotions are redeemed, after stock and payment', async () => {
    const { orderId, lines, promotionId } = await anOrderWithACoupon();
    await ordering.consumer.handle(stockReserved(orderId, lines));
    await ordering.consumer.handle(paymentAuthorized(orderId, 1985));
    expect(await ordering.statusOf(orderId)).toBe('AWAITING_PROMOTIONS');
    expect(await published(orderId)).toEqual(['ordering.order-placed.v2']);

    const redeemed = promotionsRedeemed(orderId, [promotionId]);
    expect(await ordering.consumer.handle(redeemed)).toBe('handled');
    expect(await ordering.consumer.handle(redeemed)).toBe('duplicate');
    expect(await ordering.consumer.handle(promotionsRedeemed(orderId, [promotionId]))).toBe('handled');
    expect(await ordering.statusOf(orderId)).toBe('CONFIRMED');
    expect(await published(orderId)).toEqual(['ordering.order-placed.v2', 'ordering.order-confirmed.v1']);
  });

  it('is confirmed by the payment when the redemption came first', async () => {
    const { orderId, lines, promotionId } = await anOrderWithACoupon();
    await ordering.consumer.handle(promotionsRedeemed(orderId, [promotionId]));
    expect(await ordering.statusOf(orderId)).toBe('PLACED');
    await ordering.consumer.handle(stockReserved(orderId, lines));
    await ordering.consumer.handle(paymentAuthorized(orderId, 1985));
    expect(await ordering.statusOf(orderId)).toBe('CONFIRMED');
  });

  it('is rejected with PROMOTION_UNAVAILABLE when the redemption is refused, even after stock and payment, once', async () => {
    const { orderId, lines, promotionId, code } = await anOrderWithACoupon();
    await ordering.consumer.handle(stockReserved(orderId, lines));
    await ordering.consumer.handle(paymentAuthorized(orderId, 1985));
    const refused = redemptionRefused(orderId, promotionId, code);
    expect(await ordering.consumer.handle(refused)).toBe('handled');
    expect(await ordering.consumer.handle(refused)).toBe('duplicate');
    expect(await ordering.consumer.handle(redemptionRefused(orderId, promotionId, code))).toBe('handled');

    expect(await ordering.statusOf(orderId)).toBe('REJECTED');
    expect(await reasonOf(orderId)).toEqual({ code: 'PROMOTION_UNAVAILABLE', message: `The order could not use the coupon ${code}: It has been used up.` });
    const events = await ordering.outboxOf(orderId);
    expect(events.map((row) => row.type)).toEqual(['ordering.order-placed.v2', 'ordering.order-rejected.v1']);
    expect(events[1]!.payload.reason).toBe(`The order could not use the coupon ${code}: It has been used up.`);
    // A redemption that arrives after the rejection changes nothing.
    await ordering.consumer.handle(promotionsRedeemed(orderId, [promotionId]));
    expect(await ordering.statusOf(orderId)).toBe('REJECTED');
  });
});
