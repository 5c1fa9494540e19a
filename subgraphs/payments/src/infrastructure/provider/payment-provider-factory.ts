import type { PaymentProvider } from '../../domain/payment-provider';
import { connectPaymentsDb } from '../payments-database';
import { TestPaymentProvider } from './test-payment-provider';
import { TestProviderBooks } from './test-provider-books';

/** The providers payments can talk to; only the built-in test provider exists so far. */
export const PAYMENT_PROVIDERS = ['test'] as const;
export type PaymentProviderName = (typeof PAYMENT_PROVIDERS)[number];

export interface ConnectedProvider {
  provider: PaymentProvider;
  close(): Promise<void>;
}

/**
 * Connects the configured provider. The test provider keeps its books on a connection pool of its
 * own, so its calls never wait for (or commit with) the payments transaction that makes them.
 */
export function connectPaymentProvider(name: PaymentProviderName, databaseUrl: string): ConnectedProvider {
  switch (name) {
    case 'test': {
      const { db } = connectPaymentsDb(databaseUrl);
      return { provider: new TestPaymentProvider(new TestProviderBooks(db)), close: () => db.$disconnect() };
    }
  }
}
