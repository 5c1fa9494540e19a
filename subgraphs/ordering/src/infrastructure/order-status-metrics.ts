import { defineCounter } from '@storefront/platform';

/**
 * Orders moving from one status to another (`none` → PENDING when placed), counted when the change
 * is written in its transaction: a transaction that rolls back afterwards has still been counted,
 * which the rare serialization retry makes negligible for a rate on a dashboard.
 */
export const orderStatusTransitions = defineCounter('orders_status_transitions_total', 'Orders moving from one status to another, by from and to', ['from', 'to']);
