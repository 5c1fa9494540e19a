// First: tracing (when configured) must patch http, express, pg and ioredis before they load.
import '@storefront/platform/src/telemetry/register';
import { startEventDelivery, withEventDelivery, type EventDelivery } from '@storefront/messaging';
import { createLogger, formatMoney, prismaTransactions, runMain, startSubgraphServer, systemEnvironment, type QueryCounter, type RunningSubgraphServer } from '@storefront/platform';
import { PlaceOrder } from './application/place-order/place-order.use-case';
import { CancelOrder } from './application/cancel-order/cancel-order.use-case';
import { ChangeCart } from './application/change-cart/change-cart.use-case';
import { Checkout } from './application/checkout/checkout.use-case';
import { SetTaxRate } from './application/set-tax-rate/set-tax-rate.use-case';
import { ExpireOverdueOrders } from './application/expire-overdue-orders/expire-overdue-orders.use-case';
import { startDeadlineSweeper } from './infrastructure/deadline-sweeper';
import { expiryTransactions } from './infrastructure/prisma-overdue-orders';
import { CartQueries } from './infrastructure/cart.queries';
import { cartPricer, checkoutTransactions } from './infrastructure/prisma-checkout-transactions';
import { PrismaCartRepository } from './infrastructure/prisma-cart.repository';
import { PrismaPromotionCatalog } from './infrastructure/prisma-promotions';
import { PrismaTaxRates } from './infrastructure/prisma-tax-rates';
import { promotionsEventHandlers } from './infrastructure/events/promotions-event-handlers';
import { connectOrderingDb } from './infrastructure/ordering-database';
import { PrismaOrderRepository, PrismaOrdersByIdempotencyKey } from './infrastructure/prisma-order.repository';
import { PrismaPriceList } from './infrastructure/prisma-price-list';
import { OrderQueries } from './infrastructure/order.queries';
import { subscriptions } from './infrastructure/events/ordering-subscriptions';
import { catalogEventHandlers } from './infrastructure/events/catalog-event-handlers';
import { inventoryEventHandlers } from './infrastructure/events/inventory-event-handlers';
import { paymentsEventHandlers } from './infrastructure/events/payments-event-handlers';
import { shippingEventHandlers } from './infrastructure/events/shipping-event-handlers';
import { orderingContext } from './graphql/ordering-context';
import { resolvers, typeDefs } from './graphql/resolvers';
import { loadConfig, type OrderingConfig } from './config';

export { typeDefs };

/** The composition root: wires ordering's database, use cases, schema, outbox relay and event consumer into a running subgraph. */
export async function start(overrides: Partial<OrderingConfig> = {}): Promise<RunningSubgraphServer & { sqlQueries: QueryCounter; events: EventDelivery }> {
  const config = { ...loadConfig(), ...overrides };
  const { db, queries: sqlQueries } = connectOrderingDb(config.databaseUrl);
  const transactions = prismaTransactions(db, (tx) => new PrismaOrderRepository(tx, systemEnvironment));
  const useCases = {
    placeOrder: new PlaceOrder(transactions, new PrismaOrdersByIdempotencyKey(db), new PrismaPriceList(db), systemEnvironment),
    cancelOrder: new CancelOrder(transactions, systemEnvironment),
    checkout: new Checkout(checkoutTransactions(db, config.shippingQuoteSecret, systemEnvironment), systemEnvironment, formatMoney),
  };
  const carts = {
    queries: new CartQueries(db),
    pricer: cartPricer(db, config.shippingQuoteSecret, systemEnvironment),
    change: new ChangeCart(prismaTransactions(db, (tx) => new PrismaCartRepository(tx)), new PrismaPriceList(db), new PrismaPromotionCatalog(db)),
    setTaxRate: new SetTaxRate(new PrismaTaxRates(db)),
  };
  const queries = new OrderQueries(db, config.sagaDeadlines);
  const server = await startSubgraphServer({
    name: 'ordering',
    typeDefs,
    resolvers,
    port: config.port,
    gatewaySecret: config.gatewaySecret,
    context: (identity) => orderingContext(identity, queries, useCases, carts),
    database: db,
  });
  const events = await startEventDelivery({
    context: 'ordering',
    databaseUrl: config.databaseUrl,
    events: config.events,
    publishes: true,
    consumes: {
      subscriptions,
      handlers: [...catalogEventHandlers, ...promotionsEventHandlers(systemEnvironment), ...inventoryEventHandlers(systemEnvironment), ...paymentsEventHandlers(systemEnvironment), ...shippingEventHandlers(systemEnvironment)],
      transaction: (work) => db.$transaction(work),
    },
  });
  const expire = new ExpireOverdueOrders(expiryTransactions(db, systemEnvironment), config.sagaDeadlines, systemEnvironment);
  const sweeper = startDeadlineSweeper(() => expire.execute(), config.deadlineSweepMs, createLogger('ordering'));
  const running = withEventDelivery(server, events);
  return {
    ...running,
    sqlQueries,
    async stop() {
      await sweeper.stop();
      await running.stop();
    },
  };
}

if (require.main === module) runMain('ordering', () => start());
