import type { PaymentRepository } from '../domain/payment.repository';

/** Runs work in one database transaction, with the payments as that transaction sees them. */
export interface PaymentTransactions {
  run<T>(work: (payments: PaymentRepository) => Promise<T>): Promise<T>;
}
