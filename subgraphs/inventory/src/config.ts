import { subgraphConfig, type SubgraphConfig } from '@storefront/platform';

export type InventoryConfig = SubgraphConfig;

/** Inventory's settings, read once from the environment (INVENTORY_PORT, INVENTORY_DATABASE_URL). */
export const loadConfig = (env: Record<string, string | undefined> = process.env): InventoryConfig => subgraphConfig('inventory', 4002, env);
