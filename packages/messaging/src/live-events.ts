/**
 * The Redis pub/sub channel a live event type is announced on, under the event bus's own prefix
 * (so two systems sharing one Redis do not hear each other). Pub/sub channels ignore key hash tags
 * and Redis Cluster forwards them to every node.
 */
export function liveEventsChannel(prefix: string, type: string): string {
  return `${prefix}:live:${type}`;
}
