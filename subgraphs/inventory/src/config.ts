import { contextDatabaseUrl, gatewaySecret, portFrom } from '@storefront/platform';

export interface InventoryConfig {
  port: number;
  databaseUrl: string;
  gatewaySecret: string;
}

/** Inventory's settings, read once from the environment. */
export function loadConfig(env: Record<string, string | undefined> = process.env): InventoryConfig {
  return {
    port: portFrom(env, 'INVENTORY_PORT', 4002),
    databaseUrl: contextDatabaseUrl('inventory', env),
    gatewaySecret: gatewaySecret(env),
  };
}
