import { z } from 'zod';
import { readLocked } from '@storefront/platform';
import type { PaymentsDb } from '../payments-database';
import type { Prisma, TestProviderOperation } from '../prisma/generated/client';

export type OperationKind = 'authorize' | 'capture' | 'void' | 'refund';
export type Entry = TestProviderOperation;
type Tx = Prisma.TransactionClient;

/** What the provider decided for a new operation, or that the call failed this time (nothing happened). */
export type Decision = { outcome: string; reference: string; declineCode?: string } | 'FAILED_THIS_TIME';

/** Decides a new operation inside the books' transaction (it may read and lock other entries). */
export type Decide = (tx: Tx, entry: Entry) => Promise<Decision>;

/** The same key used for another operation or another amount: the provider refuses, as real ones do. */
export class IdempotencyKeyReusedError extends Error {
  constructor(key: string) {
    super(`Idempotency key ${key} was first used for a different request`);
    this.name = 'IdempotencyKeyReusedError';
  }
}

/** Entries read in SQL: checked, not cast, since the database and not the compiler says what they hold. */
const EntryRows = z.array(
  z.object({
    idempotencyKey: z.string(),
    kind: z.string(),
    reference: z.string().nullable(),
    amount: z.number().int().nullable(),
    currency: z.string().nullable(),
    outcome: z.string().nullable(),
    declineCode: z.string().nullable(),
    failedAttempts: z.number().int(),
    createdAt: z.date(),
  }),
);

/** An entry's columns under the names `Entry` gives them. */
const ENTRY_COLUMNS = `idempotency_key AS "idempotencyKey", kind, reference, amount, currency, outcome, decline_code AS "declineCode",
  failed_attempts AS "failedAttempts", created_at AS "createdAt"`;

/**
 * The built-in test provider's own books, in the payments database for convenience but written on
 * their own connections and transactions, never inside payments' own: like a real provider's, they
 * keep what happened even when payments' transaction rolls back. One row per idempotency key: the
 * first call decides, every later call with the key gets the same answer. An entry's insert and
 * its decision, made for every order, are written in SQL: a typed insert that skips duplicates is
 * planned anew by Prisma's query compiler on every call.
 */
export class TestProviderBooks {
  constructor(private readonly db: PaymentsDb) {}

  async operate(key: string, kind: OperationKind, amount: { amount: number; currency: string } | null, decide: Decide): Promise<Entry | 'FAILED_THIS_TIME'> {
    return this.db.$transaction(async (tx) => {
      // A first call's row is the one its insert returns, and is held by this transaction already;
      // a later call's (the insert did nothing) is locked and read.
      const [created] = EntryRows.parse(
        await tx.$queryRawUnsafe(
          `INSERT INTO test_provider_operations (idempotency_key, kind, amount, currency) VALUES ($1, $2, $3::int, $4)
           ON CONFLICT DO NOTHING RETURNING ${ENTRY_COLUMNS}`,
          key,
          kind,
          amount?.amount ?? null,
          amount?.currency ?? null,
        ),
      );
      const entry = created ?? (await this.lockedEntry(tx, key));
      if (!entry || entry.kind !== kind || entry.amount !== (amount?.amount ?? null) || entry.currency !== (amount?.currency ?? null)) {
        throw new IdempotencyKeyReusedError(key);
      }
      if (entry.outcome !== null) return entry;
      const decision = await decide(tx, entry);
      if (decision === 'FAILED_THIS_TIME') {
        await tx.testProviderOperation.update({ where: { idempotencyKey: key }, data: { failedAttempts: { increment: 1 } } });
        return 'FAILED_THIS_TIME';
      }
      const { outcome, reference, declineCode = null } = decision;
      const [decided] = EntryRows.parse(
        await tx.$queryRawUnsafe(
          `UPDATE test_provider_operations SET outcome = $2, reference = $3, decline_code = $4 WHERE idempotency_key = $1 RETURNING ${ENTRY_COLUMNS}`,
          key,
          outcome,
          reference,
          declineCode,
        ),
      );
      return decided!;
    });
  }

  private async lockedEntry(tx: Tx, key: string): Promise<Entry | null> {
    // Raw only because Prisma's typed API cannot lock a row; the row itself is read with the typed API.
    return readLocked(tx.$executeRaw`SELECT 1 FROM test_provider_operations WHERE idempotency_key = ${key} FOR UPDATE`, () =>
      tx.testProviderOperation.findUnique({ where: { idempotencyKey: key } }),
    );
  }

  /** The authorization named by `reference`, locked so that operations on it apply one at a time. */
  async authorization(tx: Tx, reference: string): Promise<Entry | null> {
    return readLocked(
      tx.$executeRaw`SELECT 1 FROM test_provider_operations WHERE kind = 'authorize' AND outcome = 'AUTHORIZED' AND reference = ${reference} FOR UPDATE`,
      () => tx.testProviderOperation.findFirst({ where: { kind: 'authorize', outcome: 'AUTHORIZED', reference } }),
    );
  }

  /** Settled operations of one kind on an authorization, with their amounts. */
  settled(tx: Tx, reference: string, kind: OperationKind): Promise<{ amount: number | null }[]> {
    return tx.testProviderOperation.findMany({ where: { reference, kind, outcome: { not: null } }, select: { amount: true } });
  }
}
