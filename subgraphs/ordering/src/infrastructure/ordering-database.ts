import { PrismaPg } from '@prisma/adapter-pg';
import { countQueries, queryEventLog, type QueryCounter } from '@storefront/platform';
import { PrismaClient } from './prisma/generated/client';

export type OrderingDb = PrismaClient;

export function connectOrderingDb(databaseUrl: string): { db: OrderingDb; queries: QueryCounter } {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }), log: [...queryEventLog] });
  return { db, queries: countQueries(db) };
}
