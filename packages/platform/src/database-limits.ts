/**
 * Every context's transactions are bounded by PostgreSQL, not cut short by Prisma. When Prisma's own
 * interactive-transaction timeout fires (5 s by default) it rolls back while the work may still send
 * statements on the same connection, which then run outside the transaction and commit: under load
 * this reserved stock twice for an event whose reservation and inbox entry had been rolled back. So
 * Prisma's timeout is only a last resort, and each session's own limits abort the whole transaction
 * instead: no statement (a lock wait included) runs longer than 30 s, and no transaction sits idle
 * (a payment provider called with a row locked) for more than a minute.
 */
export const POSTGRES_SESSION_LIMITS = { statement_timeout: 30_000, idle_in_transaction_session_timeout: 60_000 } as const;

/** Prisma's `transactionOptions` to go with them: wait up to 10 s for a connection; never time out first. */
export const PRISMA_TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 600_000 } as const;
