import { Client } from 'pg';
import { databaseName, withDatabase } from './database-url';

/** Creates the database a URL points at when it does not exist yet; true when it was created. */
export async function ensureDatabase(url: string): Promise<boolean> {
  const name = databaseName(url);
  return withMaintenanceClient(url, async (client) => {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return false;
    for (let attempt = 1; ; attempt += 1) {
      try {
        await client.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
        return true;
      } catch (error) {
        const code = (error as { code?: string }).code;
        // Another process (a parallel test run, a second terminal) created it in between.
        if (code === '42P04') return false;
        // PostgreSQL copies template1 and refuses while another session is connected to it; that passes.
        if (code !== '55006' || attempt >= 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      }
    }
  });
}

/** Drops the database a URL points at, closing whatever connections are still open on it. */
export async function dropDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  await withMaintenanceClient(url, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`),
  );
}

/** CREATE and DROP DATABASE cannot run inside the target database: go through `postgres`. */
async function withMaintenanceClient<T>(url: string, run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

function quoteIdentifier(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}
