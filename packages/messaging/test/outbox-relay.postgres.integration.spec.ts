import { onPostgresQueues } from '../../../test/support/event-bus';
// The same tests as outbox-relay.integration.spec.ts (they read their settings in their hooks, after this file has run).
import './outbox-relay.integration.spec';

// With the queues on BullMQ's PostgreSQL backend.
onPostgresQueues();
