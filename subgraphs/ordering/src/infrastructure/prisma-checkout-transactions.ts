import type { CheckoutTransactions, CheckoutUnit } from '../application/checkout/checkout.use-case';
import type { CartTransactions, CartRepository } from '../domain/cart.repository';
import { CartPricer } from '../application/price-cart/cart-pricer';
import type { Environment } from '@storefront/kernel';
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

export class PrismaCartTransactions implements CartTransactions {
  constructor(private readonly db: OrderingDb) {}

  run<T>(work: (carts: CartRepository) => Promise<T>): Promise<T> {
    return this.db.$transaction((tx) => work(new PrismaCartRepository(tx)));
  }
}

/**
 * Checkout's one transaction. Its reads go through the transaction's own connection too: a
 * checkout never waits for a second connection while holding one, so a burst of checkouts cannot
 * exhaust the pool and deadlock.
 */
export class PrismaCheckoutTransactions implements CheckoutTransactions {
  constructor(
    private readonly db: OrderingDb,
    private readonly quoteSecret: string,
    private readonly env: Environment,
  ) {}

  run<T>(work: (unit: CheckoutUnit) => Promise<T>): Promise<T> {
    return this.db.$transaction((tx) =>
      work({
        carts: new PrismaCartRepository(tx),
        orders: new PrismaOrderRepository(tx, this.env),
        ordersByKey: new PrismaOrdersByIdempotencyKey(tx),
        pricer: cartPricer(tx, this.quoteSecret, this.env),
      }),
    );
  }
}
