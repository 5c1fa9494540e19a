import { onPostgresQueues } from '../../../test/support/event-bus';
// The same tests as event-consumer.integration.spec.ts (they read their settings in their hooks, after this file has run).
import './event-consumer.integration.spec';

// With the queues on BullMQ's PostgreSQL backend.
onPostgresQueues();
