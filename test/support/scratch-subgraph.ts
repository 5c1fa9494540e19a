import { randomBytes } from 'node:crypto';
import { dropDatabase, ensureDatabase, migrateContext } from '@storefront/db-tools';

const SERVER = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432';

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A database of one context's own for one test file, uniquely named and migrated; `drop` removes it. */
export async function scratchDatabase(context: string, label = 'it'): Promise<ScratchDatabase> {
  const url = `${SERVER}/storefront_${context}_${label}_${randomBytes(4).toString('hex')}`;
  await ensureDatabase(url);
  try {
    await migrateContext({ context, databaseUrl: url });
  } catch (error) {
    await dropDatabase(url);
    throw error;
  }
  return { url, drop: () => dropDatabase(url) };
}

export interface SubgraphReply {
  status: number;
  body: { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, any> }[] };
}

/** POSTs a GraphQL request body straight to a subgraph (signed as the gateway signs it, or not). */
export async function postToSubgraph(url: string, body: Record<string, unknown>): Promise<SubgraphReply> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as SubgraphReply['body'] };
}
