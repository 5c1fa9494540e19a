import { onPostgresQueues } from '../../../test/support/event-bus';

// The same tests as event-consumer.integration.spec.ts, with the queues on BullMQ's PostgreSQL backend.
onPostgresQueues();
require('./event-consumer.integration.spec');
