// First: tracing (when configured) must patch http, express, pg and ioredis before they load.
import '@storefront/platform/src/telemetry/register';
import { runMain } from '@storefront/platform';
import { loadConfig } from './config';
import { startGateway } from './server';

process.env.APOLLO_TELEMETRY_DISABLED = '1';

if (require.main === module) runMain('gateway', () => startGateway(loadConfig()));
