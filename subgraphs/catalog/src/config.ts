import { subgraphConfig, type SubgraphConfig } from '@storefront/platform';

export type CatalogConfig = SubgraphConfig;

/** The catalog's settings, read once from the environment (CATALOG_PORT, CATALOG_DATABASE_URL). */
export const loadConfig = (env: Record<string, string | undefined> = process.env): CatalogConfig => subgraphConfig('catalog', 4001, env);
