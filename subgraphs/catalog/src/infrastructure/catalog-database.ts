import { PrismaPg } from '@prisma/adapter-pg';
import { POSTGRES_SESSION_LIMITS, PRISMA_TRANSACTION_OPTIONS, countQueries, queryEventLog, type QueryCounter } from '@storefront/platform';
import { PrismaClient } from './prisma/generated/client';

export type CatalogDb = PrismaClient;

export function connectCatalogDb(databaseUrl: string): { db: CatalogDb; queries: QueryCounter } {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, ...POSTGRES_SESSION_LIMITS }), transactionOptions: PRISMA_TRANSACTION_OPTIONS, log: [...queryEventLog] });
  return { db, queries: countQueries(db) };
}
