import { PrismaPg } from '@prisma/adapter-pg';
import { POSTGRES_SESSION_LIMITS, PRISMA_TRANSACTION_OPTIONS, countQueries, queryEventLog, type QueryCounter } from '@storefront/platform';
import { PrismaClient } from './prisma/generated/client';

export type OrderingDb = PrismaClient;

export function connectOrderingDb(databaseUrl: string): { db: OrderingDb; queries: QueryCounter } {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, ...POSTGRES_SESSION_LIMITS }), transactionOptions: PRISMA_TRANSACTION_OPTIONS, log: [...queryEventLog] });
  return { db, queries: countQueries(db) };
}
