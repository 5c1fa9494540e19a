import { onPostgresQueues } from '../../../test/support/event-bus';
// The same tests as not-yet.integration.spec.ts (they read their settings in their tests, after this file has run).
import './not-yet.integration.spec';

// With the queues on BullMQ's PostgreSQL backend.
onPostgresQueues();
