import { Client } from 'pg';

/** One checked statement of the audit: passed or not, with the ids that break it. */
export interface AuditLine {
  name: string;
  passed: boolean;
  /** Figures behind the verdict, or what is expected and why. */
  detail: string;
  offending: string[];
}

export const line = (name: string, offending: string[], detail: string): AuditLine => ({ name, passed: offending.length === 0, detail, offending });

/**
 * A connection, asked for again while the server has none to give (53300, too many connections:
 * the storefront's pools may hold most of them under load, and the machine's server is shared).
 */
export async function connected(url: string, deadlineMs = 120_000): Promise<Client> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const client = new Client({ connectionString: url });
    try {
      await client.connect();
      return client;
    } catch (error) {
      await client.end().catch(() => undefined);
      if ((error as { code?: string }).code !== '53300' || Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

/** Runs `work` on one connection to a context's database. */
export async function onDatabase<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = await connected(url);
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Each product's stock summed over its warehouses. */
export async function stockByProduct(inventoryUrl: string): Promise<Map<string, { onHand: number; reserved: number }>> {
  return onDatabase(inventoryUrl, async (db) => {
    const { rows } = await db.query<{ product_id: string; on_hand: string; reserved: string }>(
      'SELECT product_id, SUM(on_hand) AS on_hand, SUM(reserved) AS reserved FROM stock_levels GROUP BY product_id',
    );
    return new Map(rows.map((row) => [row.product_id, { onHand: Number(row.on_hand), reserved: Number(row.reserved) }]));
  });
}

/** Whether a context keeps a table (notifications, which publishes nothing, has no outbox). */
export async function hasTable(client: Client, table: string): Promise<boolean> {
  return (await client.query<{ found: string | null }>('SELECT to_regclass($1)::text AS found', [table])).rows[0]!.found !== null;
}
