import type { EventConsumer, EventsConfig, SqlExecutor } from '@storefront/messaging';
import { signIdentityHeaders, type Identity } from '@storefront/platform';
import { start, type RunningPayments } from '../src/main';
import { connectPaymentsDb, type PaymentsDb } from '../src/infrastructure/payments-database';
import { removeEventKeys, testEventsConfig } from '../../../test/support/event-bus';
import { postToSubgraph, scratchDatabase } from '../../../test/support/scratch-subgraph';

process.env.APOLLO_TELEMETRY_DISABLED = '1';
process.env.LOG_LEVEL ??= 'silent';

const GATEWAY_SECRET = 'payments-test-gateway-secret';

export const admin: Identity = { subject: 'admin-1', roles: ['admin'] };
export const alice: Identity = { subject: 'alice', roles: ['customer'] };
export const bob: Identity = { subject: 'bob', roles: ['customer'] };

export interface GraphQLResponse {
  status: number;
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export interface PaymentsHarness {
  /** The subgraph's database, as an operator (or a test) reaches it directly. */
  db: PaymentsDb;
  server: RunningPayments;
  consumer: EventConsumer<SqlExecutor>;
  /** This run's event bus settings: a key prefix of its own, so it never takes a running system's jobs. */
  events: EventsConfig;
  /** Signed by the gateway as `identity` (anonymous when null). */
  graphql(query: string, variables?: Record<string, unknown>, identity?: Identity | null): Promise<GraphQLResponse>;
  stop(): Promise<void>;
}

/** A database of its own, migrated, and the subgraph serving it on a free port with the test provider. */
export async function startHarness(): Promise<PaymentsHarness> {
  const database = await scratchDatabase('payments');
  const databaseUrl = database.url;
  const events = testEventsConfig();
  const { db } = connectPaymentsDb(databaseUrl);
  try {
    const server = await start({ port: 0, databaseUrl, gatewaySecret: GATEWAY_SECRET, provider: 'test', events });
    return {
      db,
      server,
      consumer: server.events.consumer!,
      events,
      async graphql(query, variables = {}, identity = null) {
        const { status, body } = await postToSubgraph(server.url, query, variables, signIdentityHeaders(identity, GATEWAY_SECRET));
        return { status, ...body };
      },
      async stop() {
        await server.stop();
        await db.$disconnect();
        await database.drop();
        await removeEventKeys(events);
      },
    };
  } catch (error) {
    await db.$disconnect();
    await database.drop();
    throw error;
  }
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
