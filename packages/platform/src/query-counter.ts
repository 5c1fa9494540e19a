/** Counts SQL statements a Prisma client sends, so tests can assert batching by counting. */
export interface QueryCounter {
  readonly count: number;
  reset(): void;
}

interface QueryEventSource {
  $on(event: 'query', callback: (event: { query: string }) => void): void;
}

export function countQueries(client: QueryEventSource): QueryCounter {
  let count = 0;
  client.$on('query', () => {
    count += 1;
  });
  return {
    get count() {
      return count;
    },
    reset() {
      count = 0;
    },
  };
}

/** A counter anything can bump: requests a server received, for instance. */
export function counter(): QueryCounter & { add(): void } {
  let count = 0;
  return {
    get count() {
      return count;
    },
    reset() {
      count = 0;
    },
    add() {
      count += 1;
    },
  };
}

/** Prisma client options that emit query events (counted, never printed). */
export const queryEventLog = [{ emit: 'event', level: 'query' }] as const;
