import { existsSync } from 'node:fs';
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
 * With `testOutageFile`, the test provider is unreachable for as long as that file exists.
 */
export function connectPaymentProvider(name: PaymentProviderName, databaseUrl: string, testOutageFile?: string): ConnectedProvider {
  switch (name) {
    case 'test': {
      const { db } = connectPaymentsDb(databaseUrl);
      const isDown = testOutageFile ? () => existsSync(testOutageFile) : undefined;
      return { provider: new TestPaymentProvider(new TestProviderBooks(db), isDown), close: () => db.$disconnect() };
    }
  }
}
