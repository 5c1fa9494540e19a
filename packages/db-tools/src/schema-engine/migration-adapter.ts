import type { SqlDriverAdapter, Transaction } from '@prisma/driver-adapter-utils';
import { restoreCharColumns } from './char-columns';

/**
 * adapter-pg's adapter as the schema engine should see it: `"char"` columns typed as the native
 * engine types them, scripts run the way the native engine runs them, and an idempotent dispose
 * followed by `afterDispose` (dropping a shadow database, for instance).
 */
export function migrationAdapter(inner: SqlDriverAdapter, afterDispose: () => Promise<void>): SqlDriverAdapter {
  let disposing: Promise<void> | undefined;
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: async (query) => restoreCharColumns(await inner.queryRaw(query)),
    executeRaw: (query) => inner.executeRaw(query),
    // adapter-pg splits scripts on every ";" (breaking function bodies and string literals) and
    // runs the pieces one by one. The native engine sends a migration as one simple query, which
    // PostgreSQL runs as one implicit transaction: a query without parameters does exactly that.
    executeScript: async (script) => {
      await inner.executeRaw({ sql: script, args: [], argTypes: [] });
    },
    startTransaction: async (isolationLevel) => migrationTransaction(await inner.startTransaction(isolationLevel)),
    getConnectionInfo: inner.getConnectionInfo?.bind(inner),
    dispose: () => {
      disposing ??= inner.dispose().then(afterDispose);
      return disposing;
    },
  };
}

function migrationTransaction(inner: Transaction): Transaction {
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    options: inner.options,
    queryRaw: async (query) => restoreCharColumns(await inner.queryRaw(query)),
    executeRaw: (query) => inner.executeRaw(query),
    commit: () => inner.commit(),
    rollback: () => inner.rollback(),
    createSavepoint: inner.createSavepoint?.bind(inner),
    rollbackToSavepoint: inner.rollbackToSavepoint?.bind(inner),
    releaseSavepoint: inner.releaseSavepoint?.bind(inner),
  };
}
