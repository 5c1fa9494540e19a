import { Pool } from 'pg';

/**
 * Tells when orders reach a status, from ordering's own database (one query for every order waited
 * on, every `intervalMs`). Lets a customer go on with an order once the saga has moved it.
 */
export class OrderStatusWatcher {
  private readonly pool: Pool;
  private readonly waiting = new Map<string, { statuses: readonly string[]; resolve: (status: string | null) => void }>();
  private readonly timer: NodeJS.Timeout;
  private polling = false;

  constructor(orderingDatabaseUrl: string, intervalMs = 250) {
    this.pool = new Pool({ connectionString: orderingDatabaseUrl, max: 1 });
    // Its sessions are terminated too when the run terminates ordering's: it asks again next time.
    this.pool.on('error', () => undefined);
    this.timer = setInterval(() => void this.poll(), intervalMs);
  }

  /** The order's status once it is one of `statuses`; null after `timeoutMs`. */
  until(orderId: string, statuses: readonly string[], timeoutMs: number): Promise<string | null> {
    return new Promise((resolve) => {
      const giveUp = setTimeout(() => {
        this.waiting.delete(orderId);
        resolve(null);
      }, timeoutMs);
      this.waiting.set(orderId, {
        statuses,
        resolve: (status) => {
          clearTimeout(giveUp);
          resolve(status);
        },
      });
    });
  }

  private async poll(): Promise<void> {
    if (this.polling || this.waiting.size === 0) return;
    this.polling = true;
    try {
      const { rows } = await this.pool.query<{ id: string; status: string }>('SELECT id, status::text AS status FROM orders WHERE id = ANY($1::uuid[])', [[...this.waiting.keys()]]);
      for (const { id, status } of rows) {
        const waiter = this.waiting.get(id);
        if (waiter && waiter.statuses.includes(status)) {
          this.waiting.delete(id);
          waiter.resolve(status);
        }
      }
    } catch {
      // asked again on the next tick
    } finally {
      this.polling = false;
    }
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    for (const waiter of this.waiting.values()) waiter.resolve(null);
    this.waiting.clear();
    await this.pool.end();
  }
}
