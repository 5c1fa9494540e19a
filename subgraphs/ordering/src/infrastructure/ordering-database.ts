import { PrismaPg } from '@prisma/adapter-pg';
import { POSTGRES_SESSION_LIMITS, PRISMA_TRANSACTION_OPTIONS, countQueries, queryEventLog, type QueryCounter } from '@storefront/platform';
import { PrismaClient } from './prisma/generated/client';

export type OrderingDb = PrismaClient;

/** `poolSize`: the most connections this client opens (pg's default, 10, when not given). */
export function connectOrderingDb(databaseUrl: string, poolSize?: number): { db: OrderingDb; queries: QueryCounter } {
  const pool = poolSize === undefined ? {} : { max: poolSize };
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, ...pool, ...POSTGRES_SESSION_LIMITS }), transactionOptions: PRISMA_TRANSACTION_OPTIONS, log: [...queryEventLog] });
  return { db, queries: countQueries(db) };
}
