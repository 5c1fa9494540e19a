// First: tracing (when configured) must patch http, express, pg and ioredis before they load.
import '@storefront/platform/src/telemetry/register';
import { startEventDelivery, withEventDelivery, type EventDelivery } from '@storefront/messaging';
import { prismaTransactions, runMain, startSubgraphServer, systemEnvironment, type QueryCounter, type RunningSubgraphServer } from '@storefront/platform';
import { RefundPayment } from './application/refund-payment/refund-payment.use-case';
import type { PaymentProvider } from './domain/payment-provider';
import { connectPaymentsDb } from './infrastructure/payments-database';
import { PrismaPaymentRepository } from './infrastructure/prisma-payment.repository';
import { PaymentQueries } from './infrastructure/payment.queries';
import { connectPaymentProvider } from './infrastructure/provider/payment-provider-factory';
import { orderSagaEventHandlers } from './infrastructure/events/order-saga-event-handlers';
import { subscriptions } from './infrastructure/events/payments-subscriptions';
import { paymentsContext } from './graphql/payments-context';
import { resolvers, typeDefs } from './graphql/resolvers';
import { loadConfig, type PaymentsConfig } from './config';

export { typeDefs };

export type RunningPayments = RunningSubgraphServer & { sqlQueries: QueryCounter; events: EventDelivery; provider: PaymentProvider };

/** The composition root: wires payments' database, provider, use cases, schema and event delivery into a running subgraph. */
export async function start(overrides: Partial<PaymentsConfig> = {}): Promise<RunningPayments> {
  const config = { ...loadConfig(), ...overrides };
  const { db, queries: sqlQueries } = connectPaymentsDb(config.databaseUrl);
  const { provider, close: closeProvider } = connectPaymentProvider(config.provider, config.databaseUrl, config.testProviderOutageFile);
  const transactions = prismaTransactions(db, (tx) => new PrismaPaymentRepository(tx));
  const useCases = { refundPayment: new RefundPayment(transactions, provider, systemEnvironment) };
  const queries = new PaymentQueries(db);
  const server = await startSubgraphServer({
    name: 'payments',
    typeDefs,
    resolvers,
    port: config.port,
    gatewaySecret: config.gatewaySecret,
    context: (identity) => paymentsContext(identity, queries, useCases),
    database: db,
  });
  const events = await startEventDelivery({
    context: 'payments',
    databaseUrl: config.databaseUrl,
    events: config.events,
    publishes: true,
    consumes: {
      subscriptions,
      handlers: orderSagaEventHandlers(provider, systemEnvironment),
      transaction: (work) => db.$transaction(work),
    },
  });
  const running = withEventDelivery(server, events);
  return {
    ...running,
    sqlQueries,
    provider,
    async stop() {
      await running.stop();
      await closeProvider();
    },
  };
}

if (require.main === module) runMain('payments', () => start());
