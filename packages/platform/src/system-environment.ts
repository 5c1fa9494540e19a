import { randomUUID } from 'node:crypto';
import type { Environment } from '@storefront/kernel';

/** The real clock and random UUIDs: the environment each context's main.ts hands to its use cases. */
export const systemEnvironment: Environment = { now: () => new Date(), newId: () => randomUUID() };
