import type { CheckoutUnit } from '../application/checkout/checkout.use-case';
import { CartPricer } from '../application/price-cart/cart-pricer';
import type { Environment, Transactions } from '@storefront/kernel';
import { prismaTransactions } from '@storefront/platform';
import { PrismaCartRepository } from './prisma-cart.repository';
import { PrismaOrderRepository, PrismaOrdersByIdempotencyKey } from './prisma-order.repository';
import { PrismaPriceList } from './prisma-price-list';
import { PrismaPromotionCatalog } from './prisma-promotions';
import { PrismaTaxRates } from './prisma-tax-rates';
import type { OrderingDb } from './ordering-database';
import type { Prisma } from './prisma/generated/client';

/** A cart pricer reading through the given client: inside a transaction, its reads use the transaction's connection. */
export function cartPricer(db: OrderingDb | Prisma.TransactionClient, quoteSecret: string, env: Pick<Environment, 'now'>): CartPricer {
  return new CartPricer(new PrismaPriceList(db), new PrismaPromotionCatalog(db), new PrismaTaxRates(db), quoteSecret, env);
}

/**
 * Checkout's one transaction. Its reads go through the transaction's own connection too: a
 * checkout never waits for a second connection while holding one, so a burst of checkouts cannot
 * exhaust the pool and deadlock.
 */
export function checkoutTransactions(db: OrderingDb, quoteSecret: string, env: Environment): Transactions<CheckoutUnit> {
  return prismaTransactions(db, (tx) => ({
    carts: new PrismaCartRepository(tx),
    orders: new PrismaOrderRepository(tx, env),
    ordersByKey: new PrismaOrdersByIdempotencyKey(tx),
    pricer: cartPricer(tx, quoteSecret, env),
  }));
}
