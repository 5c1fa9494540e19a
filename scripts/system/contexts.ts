import { contextDatabaseUrl } from '@storefront/platform';

/** Every bounded context: its subgraph's default port and, through its name, its own database. */
export const CONTEXTS = [
  { name: 'catalog', port: 4001 },
  { name: 'inventory', port: 4002 },
  { name: 'ordering', port: 4003 },
  { name: 'payments', port: 4004 },
  { name: 'shipping', port: 4005 },
  { name: 'notifications', port: 4006 },
] as const;

export type ContextName = (typeof CONTEXTS)[number]['name'];
export type ContextUrls = Record<ContextName, string>;

/** Each context's database URL from the environment (`<CONTEXT>_DATABASE_URL`) or its default. */
export function contextDatabaseUrls(env: Record<string, string | undefined> = process.env): ContextUrls {
  return Object.fromEntries(CONTEXTS.map(({ name }) => [name, contextDatabaseUrl(name, env)])) as ContextUrls;
}
