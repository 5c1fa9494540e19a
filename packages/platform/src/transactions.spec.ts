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
  it('runs the work in one transaction, with the stores built on it', async () => {
    let opened = 0;
    const db: TransactionalDatabase<string> = {
      $transaction: async (work) => {
        opened += 1;
        return work(`tx-${opened}`);
      },
    };
    const transactions = prismaTransactions(db, (tx) => ({ tx }));
    expect(await transactions.run(async (store) => store.tx)).toBe('tx-1');
    expect(opened).toBe(1);
  });
});
