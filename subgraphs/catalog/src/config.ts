import { contextDatabaseUrl, gatewaySecret, portFrom } from '@storefront/platform';

export interface CatalogConfig {
  port: number;
  databaseUrl: string;
  gatewaySecret: string;
}

/** The catalog's settings, read once from the environment. */
export function loadConfig(env: Record<string, string | undefined> = process.env): CatalogConfig {
  return {
    port: portFrom(env, 'CATALOG_PORT', 4001),
    databaseUrl: contextDatabaseUrl('catalog', env),
    gatewaySecret: gatewaySecret(env),
  };
}
