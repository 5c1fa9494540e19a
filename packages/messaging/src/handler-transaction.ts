/**
 * A handler's transaction is never cut short by Prisma: when Prisma's own timeout fires, it rolls
 * back while the work may still send statements on the same connection, which then run outside
 * the transaction and commit (seen under load: stock reserved by an event whose reservation and
 * inbox entry were rolled back, so that its retry reserved the units again). Prisma's timeout is
 * therefore only a last resort, and PostgreSQL bounds the work instead (`HANDLER_STATEMENT_LIMITS`),
 * which aborts the whole transaction and nothing else.
 */
export const HANDLER_TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 600_000 } as const;
export type HandlerTransactionOptions = typeof HANDLER_TRANSACTION_OPTIONS;

/**
 * Set first in every handler's transaction: no statement (a lock wait included) runs longer than
 * 30 s, and the transaction is not left idle (a provider call in payments) for more than a
 * minute; either aborts the transaction, and the event is retried.
 */
export const HANDLER_STATEMENT_LIMITS = "SELECT set_config('statement_timeout', '30s', true), set_config('idle_in_transaction_session_timeout', '60s', true)";
