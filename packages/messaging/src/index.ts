export * from './events-config';
export * from './redis-connection';
export * from './outbox';
export * from './outbox-relay';
export * from './event-consumer';
export * from './failed-events';
export * from './event-delivery';
export * from './queue-transport';
