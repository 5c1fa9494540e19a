import DataLoader from 'dataloader';
import type { Identity } from '@storefront/platform';
import type { NotificationPage, NotificationQueries, NotificationView, PageRequest } from '../infrastructure/notification.queries';

export interface NotificationsContext {
  identity: Identity | null;
  /** Per-request loader: every customer's page asked for in one request costs one query together. */
  customerPages: DataLoader<PageRequest, NotificationPage, string>;
  /** Per-request loader: every order's notifications asked for in one request cost one query. */
  orderNotifications: DataLoader<string, NotificationView[]>;
}

const pageKey = ({ customerId, after, size }: PageRequest) => JSON.stringify([customerId, size, after?.occurredAt.toISOString() ?? null, after?.id ?? null]);

export function notificationsContext(identity: Identity | null, queries: NotificationQueries): NotificationsContext {
  return {
    identity,
    customerPages: new DataLoader((requests) => queries.pages(requests), { cacheKeyFn: pageKey, maxBatchSize: 1000 }),
    orderNotifications: new DataLoader((orderIds) => queries.byOrderIds(orderIds), { maxBatchSize: 1000 }),
  };
}
