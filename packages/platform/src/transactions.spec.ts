import { prismaTransactions, readLocked, type TransactionalDatabase } from './transactions';

describe('readLocked', () => {
  it('reads what the lock statement locked', async () => {
    expect(await readLocked(Promise.resolve(1), async () => 'row')).toBe('row');
  });

  it('answers null without reading when the lock statement locked nothing', async () => {
    const read = jest.fn(async () => 'row');
    expect(await readLocked(Promise.resolve(0), read)).toBeNull();
    expect(read).not.toHaveBeenCalled();
  });
});

describe('prismaTransactions', () => {
  it('runs the work in one transaction, with the stores built on it, and with the options given', async () => {
    const calls: unknown[] = [];
    const db: TransactionalDatabase<string> = {
      $transaction: async (work, options) => {
        calls.push(options);
        return work('tx-1');
      },
    };
    const transactions = prismaTransactions(db, (tx) => ({ tx }), { timeout: 30_000 });
    expect(await transactions.run(async (store) => store.tx)).toBe('tx-1');
    expect(calls).toEqual([{ timeout: 30_000 }]);
  });
});
