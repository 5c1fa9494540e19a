/**
 * Identical subgraph reads in flight at the same time go out once: the caller names what makes two
 * reads the same (the subgraph, the audience that may share the answer, the body: query and
 * variables, and with them the caller's signed token payload) and gets the one answer everyone who
 * asked meanwhile gets. An answer is read once and never changed, so sharing it hands out no
 * mutable state. Only reads belong here: the data source
 * sends a mutation's fetches (and the reads planned after one) on their own.
 */
export class InFlightDeduplication {
  private readonly inFlight = new Map<string, Promise<unknown>>();
  /** Shareable reads that went out, and those answered by one already in flight. */
  readonly counts = { sent: 0, shared: 0 };

  /** The answer of the identical read in flight, or of `send`, which then goes out. */
  share<T>(key: string, send: () => Promise<T>): Promise<T> {
    const pending = this.inFlight.get(key) as Promise<T> | undefined;
    if (pending) {
      this.counts.shared += 1;
      return pending;
    }
    this.counts.sent += 1;
    const answer = send().finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, answer);
    return answer;
  }
}
