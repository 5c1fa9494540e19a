// First: tracing (when configured) must patch http, express, pg and ioredis before they load.
import '@storefront/platform/src/telemetry/register';
import { collectProcessMetrics, runMain } from '@storefront/platform';
import { loadConfig } from '../../gateway/src/config';
import { startOneProcess } from './one-process';

process.env.APOLLO_TELEMETRY_DISABLED = '1';

/**
 * `pnpm dev --one-process` runs this: the whole storefront in one process (docs/adr/0013), each
 * context and the gateway reading their settings from the environment as in their own processes.
 */
if (require.main === module) {
  // One process, one registry: its metrics are labelled as the process, not as whichever context starts first.
  collectProcessMetrics('storefront');
  runMain('storefront', () => startOneProcess(loadConfig()));
}
