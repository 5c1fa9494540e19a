import type { EventConsumer, SqlExecutor } from '@storefront/messaging';
import type { Identity } from '@storefront/platform';
import { start, type RunningPayments } from '../src/main';
import { connectPaymentsDb, type PaymentsDb } from '../src/infrastructure/payments-database';
import { startScratchSubgraph, type SubgraphHarness } from '../../../test/support/subgraph-harness';

const GATEWAY_SECRET = 'payments-test-gateway-secret';

export const admin: Identity = { subject: 'admin-1', roles: ['admin'] };
export const alice: Identity = { subject: 'alice', roles: ['customer'] };
export const bob: Identity = { subject: 'bob', roles: ['customer'] };

export interface PaymentsHarness extends SubgraphHarness<RunningPayments> {
  /** The subgraph's database, as an operator (or a test) reaches it directly. */
  db: PaymentsDb;
  consumer: EventConsumer<SqlExecutor>;
}

/** A database of its own, migrated, and the subgraph serving it on a free port with the test provider. */
export async function startHarness(): Promise<PaymentsHarness> {
  const subgraph = await startScratchSubgraph({
    context: 'payments',
    gatewaySecret: GATEWAY_SECRET,
    connect: (databaseUrl) => connectPaymentsDb(databaseUrl).db,
    disconnect: (db) => db.$disconnect(),
    serve: (_db, settings) => start({ ...settings, provider: 'test' }),
  });
  return { ...subgraph, db: subgraph.connections, consumer: subgraph.server.events.consumer! };
}

/** The order's payment row, or null. */
export const paymentOf = (db: PaymentsDb, orderId: string) => db.payment.findUnique({ where: { orderId } });

/** What payments published about an order, oldest first. */
export const outboxOf = (db: PaymentsDb, orderId: string) =>
  db.outboxEvent.findMany({ where: { correlationId: orderId }, orderBy: { position: 'asc' } });

/** What the test provider's books hold for a payment, by operation. */
export const providerBooksOf = (db: PaymentsDb, paymentId: string) =>
  db.testProviderOperation.findMany({ where: { idempotencyKey: { contains: paymentId } }, orderBy: { createdAt: 'asc' } });

export const inboxHolds = async (db: PaymentsDb, eventId: string) => (await db.inboxEvent.count({ where: { eventId } })) === 1;

export const PAYMENT_FIELDS = 'id status amount { amount currency formatted } captured { amount currency } refunded { amount currency } failureReason';

export const ORDER_PAYMENTS = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Order { id payment { ${PAYMENT_FIELDS} } } }
}`;

export const REFUND = `mutation ($input: RefundPaymentInput!) {
  refundPayment(input: $input) { payment { ${PAYMENT_FIELDS} } errors { code message field } }
}`;

export const orderRefs = (ids: string[]) => ({ representations: ids.map((id) => ({ __typename: 'Order', id })) });
