import { onPostgresQueues } from '../../../test/support/event-bus';

// The same tests as outbox-relay.integration.spec.ts, with the queues on BullMQ's PostgreSQL backend.
onPostgresQueues();
require('./outbox-relay.integration.spec');
