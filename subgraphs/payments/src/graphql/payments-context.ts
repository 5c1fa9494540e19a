import DataLoader from 'dataloader';
import type { Identity } from '@storefront/platform';
import type { RefundPayment } from '../application/refund-payment/refund-payment.use-case';
import type { PaymentQueries, PaymentView } from '../infrastructure/payment.queries';

export interface PaymentsUseCases {
  refundPayment: RefundPayment;
}

export interface PaymentsContext {
  identity: Identity | null;
  useCases: PaymentsUseCases;
  /** Per-request loader: the payments of every order asked for in one request cost one query. */
  payments: DataLoader<string, PaymentView | null>;
}

export function paymentsContext(identity: Identity | null, queries: PaymentQueries, useCases: PaymentsUseCases): PaymentsContext {
  return {
    identity,
    useCases,
    payments: new DataLoader((orderIds) => queries.byOrderIds(orderIds), { maxBatchSize: 1000 }),
  };
}
