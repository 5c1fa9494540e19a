import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { contextDatabaseUrl } from '../../src';
import { withDatabase } from '../../src/database-url';

/** A database name no other test run uses, on the server the context's URL points at. */
export function uniqueDatabaseUrl(context: string): string {
  return withDatabase(contextDatabaseUrl(context), `dbtools_test_${context}_${randomBytes(4).toString('hex')}`);
}

/** Runs queries on a database with a short-lived client. */
export async function withClient<T>(url: string, run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** The databases on the server whose name starts with `prefix`: what a test left behind. */
export async function databasesNamedLike(url: string, prefix: string): Promise<string[]> {
  const result = await withClient(withDatabase(url, 'postgres'), (client) =>
    client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [prefix]),
  );
  return result.rows.map((row) => row.datname);
}
