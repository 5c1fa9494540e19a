import { PaymentNotYetAuthorizedError, PaymentNotYetRecordedError } from '../src/domain/payment.repository';
import { anOrderId, orderCancelled, orderPlaced, orderRejected, shipmentDispatched, stockReserved } from './saga-events';
import { inboxHolds, outboxOf, paymentOf, providerBooksOf, startHarness, type PaymentsHarness } from './payments-harness';
import { startedForThisFile } from '../../../test/support/subgraph-harness';

const payments = startedForThisFile(startHarness);

const handle = (event: Parameters<PaymentsHarness['consumer']['handle']>[0]) => payments.consumer.handle(event);
const statusOf = async (orderId: string) => (await paymentOf(payments.db, orderId))?.status;
const published = async (orderId: string) => (await outboxOf(payments.db, orderId)).map((event) => event.type);
const booksOf = async (orderId: string) =>
  (await providerBooksOf(payments.db, (await paymentOf(payments.db, orderId))!.id)).map(({ kind, outcome, failedAttempts }) => ({ kind, outcome, failedAttempts }));

async function authorizedOrder(token = 'tok_visa'): Promise<string> {
  const orderId = anOrderId();
  await handle(orderPlaced(orderId, { paymentToken: token }));
  await handle(stockReserved(orderId));
  return orderId;
}

describe('payments in the order saga', () => {
  it('records the payment to come when the order is placed, asking nothing of the card yet', async () => {
    const orderId = anOrderId();
    expect(await handle(orderPlaced(orderId, { customerId: 'alice', total: { amount: 4599, currency: 'EUR' } }))).toBe('handled');
    expect(await paymentOf(payments.db, orderId)).toMatchObject({
      orderId, customerId: 'alice', amount: 4599, currency: 'EUR', status: 'PENDING', paymentToken: 'tok_visa', capturedAmount: 0, refundedAmount: 0,
    });
    expect(await published(orderId)).toEqual([]);
  });

  it('authorizes tok_visa once the stock is reserved, and says so in the order’s saga', async () => {
    const orderId = anOrderId();
    await handle(orderPlaced(orderId));
    const reserved = stockReserved(orderId);
    expect(await handle(reserved)).toBe('handled');

    const payment = (await paymentOf(payments.db, orderId))!;
    expect(payment).toMatchObject({ status: 'AUTHORIZED', providerReference: expect.stringMatching(/^auth_/), failureCode: null });
    expect(await outboxOf(payments.db, orderId)).toEqual([
      expect.objectContaining({
        type: 'payments.payment-authorized.v1',
        aggregateId: payment.id,
        correlationId: orderId,
        causationId: reserved.id,
        payload: { orderId, paymentId: payment.id, amount: { amount: 5000, currency: 'EUR' } },
      }),
    ]);
    expect(await booksOf(orderId)).toEqual([{ kind: 'authorize', outcome: 'AUTHORIZED', failedAttempts: 0 }]);
  });

  it('authorizes exactly the order’s total: the items less the discount, plus shipping and tax', async () => {
    const eur = (amount: number) => ({ amount, currency: 'EUR' });
    const orderId = anOrderId();
    await handle(orderPlaced(orderId, { total: eur(5949), breakdown: { subtotal: eur(5000), discount: eur(500), shipping: eur(499), tax: eur(950) } }));
    await handle(stockReserved(orderId));
    expect(await paymentOf(payments.db, orderId)).toMatchObject({ status: 'AUTHORIZED', amount: 5949 });
    const [authorized] = await outboxOf(payments.db, orderId);
    expect(authorized!.payload).toMatchObject({ amount: eur(5949) });
  });

  it('authorizes a total of zero (a 100 % coupon with free shipping), so that the order can be confirmed', async () => {
    const orderId = anOrderId();
    await handle(orderPlaced(orderId, { total: { amount: 0, currency: 'EUR' } }));
    await handle(stockReserved(orderId));
    expect(await paymentOf(payments.db, orderId)).toMatchObject({ status: 'AUTHORIZED', amount: 0 });
    expect(await published(orderId)).toEqual(['payments.payment-authorized.v1']);
  });

  it('records tok_chargeDeclined as DECLINED and publishes payment-failed with CARD_DECLINED', async () => {
    const orderId = await authorizedOrder('tok_chargeDeclined');
    expect(await paymentOf(payments.db, orderId)).toMatchObject({ status: 'DECLINED', failureCode: 'CARD_DECLINED', failureMessage: 'The card was declined.' });
    const [failed] = await outboxOf(payments.db, orderId);
    expect(failed).toMatchObject({ type: 'payments.payment-failed.v1', payload: expect.objectContaining({ code: 'CARD_DECLINED', message: 'The card was declined.' }) });
  });

  it('gives every handler one effect when its event arrives twice, and ignores the same news under another id', async () => {
    const orderId = anOrderId();
    const events = [orderPlaced(orderId), stockReserved(orderId), shipmentDispatched(orderId)];
    for (const event of events) {
      expect(await handle(event)).toBe('handled');
      expect(await handle(event)).toBe('duplicate');
    }
    await handle(orderPlaced(orderId, { total: { amount: 1, currency: 'USD' } }));
    await handle(stockReserved(orderId));
    await handle(shipmentDispatched(orderId));

    expect(await paymentOf(payments.db, orderId)).toMatchObject({ status: 'CAPTURED', amount: 5000, currency: 'EUR', capturedAmount: 5000, version: 2 });
    expect(await published(orderId)).toEqual(['payments.payment-authorized.v1', 'payments.payment-captured.v1']);
    expect(await booksOf(orderId)).toEqual([
      { kind: 'authorize', outcome: 'AUTHORIZED', failedAttempts: 0 },
      { kind: 'capture', outcome: 'CAPTURED', failedAttempts: 0 },
    ]);
  });

  it('retries a stock reservation that arrives before the order, without recording it as handled', async () => {
    const orderId = anOrderId();
    const early = stockReserved(orderId);
    await expect(handle(early)).rejects.toBeInstanceOf(PaymentNotYetRecordedError);
    expect(await inboxHolds(payments.db, early.id)).toBe(false);

    await handle(orderPlaced(orderId));
    expect(await handle(early)).toBe('handled');
    expect(await statusOf(orderId)).toBe('AUTHORIZED');
  });

  it('voids an authorization when the order is cancelled, once, and captures nothing afterwards', async () => {
    const orderId = await authorizedOrder();
    const cancelled = orderCancelled(orderId);
    expect(await handle(cancelled)).toBe('handled');
    expect(await handle(cancelled)).toBe('duplicate');
    await handle(orderCancelled(orderId));
    await handle(shipmentDispatched(orderId));

    expect(await statusOf(orderId)).toBe('VOIDED');
    const voided = (await outboxOf(payments.db, orderId))[1];
    expect(voided).toMatchObject({ type: 'payments.payment-voided.v1', causationId: cancelled.id, payload: expect.objectContaining({ authorizationReleased: true }) });
    expect(await published(orderId)).toHaveLength(2);
    expect(await booksOf(orderId)).toEqual([
      { kind: 'authorize', outcome: 'AUTHORIZED', failedAttempts: 0 },
      { kind: 'void', outcome: 'VOIDED', failedAttempts: 0 },
    ]);
  });

  it.each([
    ['cancelled', orderCancelled],
    ['rejected', orderRejected],
  ])('never authorizes an order %s while its payment is pending, even when the stock reservation comes after', async (_, ending) => {
    const orderId = anOrderId();
    await handle(orderPlaced(orderId));
    const ended = ending(orderId);
    expect(await handle(ended)).toBe('handled');
    expect(await handle(ended)).toBe('duplicate');
    expect(await handle(stockReserved(orderId))).toBe('handled');

    expect(await statusOf(orderId)).toBe('VOIDED');
    expect(await outboxOf(payments.db, orderId)).toEqual([
      expect.objectContaining({ type: 'payments.payment-voided.v1', payload: expect.objectContaining({ authorizationReleased: false }) }),
    ]);
    expect(await booksOf(orderId)).toEqual([]);
  });

  it('captures the authorized amount when the parcel is dispatched', async () => {
    const orderId = await authorizedOrder();
    const dispatched = shipmentDispatched(orderId);
    expect(await handle(dispatched)).toBe('handled');
    expect(await paymentOf(payments.db, orderId)).toMatchObject({ status: 'CAPTURED', capturedAmount: 5000 });
    expect((await outboxOf(payments.db, orderId))[1]).toMatchObject({
      type: 'payments.payment-captured.v1',
      causationId: dispatched.id,
      payload: expect.objectContaining({ amount: { amount: 5000, currency: 'EUR' } }),
    });
    expect(await handle(orderCancelled(orderId))).toBe('handled');
    expect(await statusOf(orderId)).toBe('CAPTURED');
  });

  it('retries a dispatch seen before the payment is authorized', async () => {
    const orderId = anOrderId();
    await handle(orderPlaced(orderId));
    const dispatched = shipmentDispatched(orderId);
    await expect(handle(dispatched)).rejects.toBeInstanceOf(PaymentNotYetAuthorizedError);
    await handle(stockReserved(orderId));
    expect(await handle(dispatched)).toBe('handled');
    expect(await statusOf(orderId)).toBe('CAPTURED');
  });

  it('charges once when the transaction dies after the provider authorized: the retry gets the same authorization', async () => {
    const orderId = anOrderId();
    await handle(orderPlaced(orderId));
    const reserved = stockReserved(orderId);
    // The outbox write fails after the provider call: as if the process died before the commit.
    await payments.db.$executeRawUnsafe(`CREATE FUNCTION refuse_outbox() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'crash'; END $$`);
    await payments.db.$executeRawUnsafe('CREATE TRIGGER refuse_outbox BEFORE INSERT ON outbox EXECUTE FUNCTION refuse_outbox()');
    try {
      await expect(handle(reserved)).rejects.toThrow(/crash/);
    } finally {
      await payments.db.$executeRawUnsafe('DROP TRIGGER refuse_outbox ON outbox');
      await payments.db.$executeRawUnsafe('DROP FUNCTION refuse_outbox()');
    }
    const payment = (await paymentOf(payments.db, orderId))!;
    expect(payment.status).toBe('PENDING');
    const [authorization] = await providerBooksOf(payments.db, payment.id);
    expect(authorization).toMatchObject({ kind: 'authorize', outcome: 'AUTHORIZED' });

    expect(await handle(reserved)).toBe('handled');
    expect(await paymentOf(payments.db, orderId)).toMatchObject({ status: 'AUTHORIZED', providerReference: authorization!.reference });
    expect(await booksOf(orderId)).toEqual([{ kind: 'authorize', outcome: 'AUTHORIZED', failedAttempts: 0 }]);
    expect(await published(orderId)).toEqual(['payments.payment-authorized.v1']);
  });
});
