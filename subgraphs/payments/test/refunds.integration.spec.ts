import { anOrderId, orderPlaced, shipmentDispatched, stockReserved } from './saga-events';
import { REFUND, admin, alice, outboxOf, paymentOf, providerBooksOf, startHarness } from './payments-harness';
import { startedForThisFile } from '../../../test/support/subgraph-harness';

const payments = startedForThisFile(startHarness);

/** An order of 50.00 EUR whose payment was authorized and, unless told otherwise, captured. */
async function paidOrder({ captured = true } = {}): Promise<string> {
  const orderId = anOrderId();
  await payments.consumer.handle(orderPlaced(orderId));
  await payments.consumer.handle(stockReserved(orderId));
  if (captured) await payments.consumer.handle(shipmentDispatched(orderId));
  return orderId;
}

async function refund(orderId: string, amount: number, { currency = 'EUR', reason, as = admin }: { currency?: string; reason?: string; as?: typeof admin | null } = {}) {
  return payments.graphql(REFUND, { input: { orderId, amount: { amount, currency }, reason } }, as);
}

const refundsOf = async (orderId: string) =>
  payments.db.refund.findMany({ where: { payment: { orderId } }, select: { amount: true, reason: true }, orderBy: { amount: 'asc' } });

describe('refunds', () => {
  it('gives captured money back in parts, then in full', async () => {
    const orderId = await paidOrder();
    const partial = await refund(orderId, 2000, { reason: ' scratched on arrival ' });
    expect(partial.data?.refundPayment).toEqual({
      payment: expect.objectContaining({
        status: 'PARTIALLY_REFUNDED',
        amount: { amount: 5000, currency: 'EUR', formatted: '€50.00' },
        captured: { amount: 5000, currency: 'EUR' },
        refunded: { amount: 2000, currency: 'EUR' },
      }),
      errors: [],
    });
    const rest = await refund(orderId, 3000);
    expect(rest.data?.refundPayment.payment).toMatchObject({ status: 'REFUNDED', refunded: { amount: 5000, currency: 'EUR' } });

    expect(await refundsOf(orderId)).toEqual([
      { amount: 2000, reason: 'scratched on arrival' },
      { amount: 3000, reason: null },
    ]);
    const refunded = (await outboxOf(payments.db, orderId)).filter((event) => event.type === 'payments.payment-refunded.v1');
    expect(refunded.map((event) => event.payload)).toEqual([
      expect.objectContaining({ amount: { amount: 2000, currency: 'EUR' }, refundedTotal: { amount: 2000, currency: 'EUR' }, fullyRefunded: false }),
      expect.objectContaining({ amount: { amount: 3000, currency: 'EUR' }, refundedTotal: { amount: 5000, currency: 'EUR' }, fullyRefunded: true }),
    ]);
    expect(refunded.every((event) => event.correlationId === orderId && event.causationId === null)).toBe(true);
  });

  it('refuses what cannot be refunded with typed errors, and writes nothing', async () => {
    const captured = await paidOrder();
    const authorized = await paidOrder({ captured: false });
    await refund(captured, 4000);
    const refusals = [
      [await refund(captured, 1001), 'REFUND_EXCEEDS_CAPTURED', 'amount.amount'],
      [await refund(captured, 0), 'INVALID_AMOUNT', 'amount.amount'],
      [await refund(captured, -100), 'INVALID_AMOUNT', 'amount.amount'],
      [await refund(captured, 100, { currency: 'USD' }), 'CURRENCY_MISMATCH', 'amount.currency'],
      [await refund(captured, 100, { reason: 'x'.repeat(501) }), 'INVALID_REASON', 'reason'],
      [await refund(authorized, 100), 'NOT_CAPTURED', 'orderId'],
      [await refund(anOrderId(), 100), 'PAYMENT_NOT_FOUND', 'orderId'],
      [await refund('not-an-order', 100), 'PAYMENT_NOT_FOUND', 'orderId'],
    ] as const;
    for (const [response, code, field] of refusals) {
      expect(response.data?.refundPayment).toEqual({ payment: null, errors: [{ code, field, message: expect.any(String) }] });
    }
    expect(await paymentOf(payments.db, captured)).toMatchObject({ status: 'PARTIALLY_REFUNDED', refundedAmount: 4000 });
    expect(await refundsOf(captured)).toHaveLength(1);
    expect(await paymentOf(payments.db, authorized)).toMatchObject({ status: 'AUTHORIZED', refundedAmount: 0 });
  });

  it('never refunds more than was captured when refunds race', async () => {
    const orderId = await paidOrder();
    const responses = await Promise.all(Array.from({ length: 12 }, () => refund(orderId, 1000)));
    const codes = responses.map((response) => response.data?.refundPayment.errors[0]?.code ?? 'OK').sort();
    expect(codes).toEqual([...Array(5).fill('OK'), ...Array(7).fill('REFUND_EXCEEDS_CAPTURED')]);

    const payment = (await paymentOf(payments.db, orderId))!;
    expect(payment).toMatchObject({ status: 'REFUNDED', capturedAmount: 5000, refundedAmount: 5000 });
    expect(await refundsOf(orderId)).toHaveLength(5);
    const atProvider = (await providerBooksOf(payments.db, payment.id)).filter((operation) => operation.kind === 'refund');
    expect(atProvider.reduce((sum, operation) => sum + (operation.amount ?? 0), 0)).toBe(5000);
  });

  it('lets only admins refund', async () => {
    const orderId = await paidOrder();
    expect((await refund(orderId, 100, { as: alice })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await refund(orderId, 100, { as: null })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await refundsOf(orderId)).toEqual([]);
  });

  it('is guarded by the database too: no negative amount, nothing refunded beyond what was captured', async () => {
    const orderId = await paidOrder();
    for (const change of ['refunded_amount = 5001', 'captured_amount = 6000', 'amount = -1', 'refunded_amount = -1']) {
      await expect(payments.db.$executeRawUnsafe(`UPDATE payments SET ${change} WHERE order_id = $1::uuid`, orderId)).rejects.toThrow(/payments_amounts_check/);
    }
  });
});
