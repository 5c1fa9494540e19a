import { onPostgresQueues } from '../../../test/support/event-bus';

// The same tests as worker-crash.integration.spec.ts, with the queues on BullMQ's PostgreSQL backend.
onPostgresQueues();
require('./worker-crash.integration.spec');
