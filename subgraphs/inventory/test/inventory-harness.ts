import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { EventConsumer, SqlExecutor } from '@storefront/messaging';
import type { Identity } from '@storefront/platform';
import { start } from '../src/main';
import { startScratchSubgraph, type Caller, type SubgraphHarness } from '../../../test/support/subgraph-harness';
import type { SubgraphReply } from '../../../test/support/scratch-subgraph';

const SECRET = 'inventory-integration-test-secret';

export const admin: Identity = { subject: 'admin-1', roles: ['admin'] };
export const customer: Identity = { subject: 'customer-1', roles: ['customer'] };
export const warehouses = [
  { id: 'eu-central', name: 'Frankfurt', country: 'DE' },
  { id: 'us-east', name: 'Newark', country: 'US' },
];

/** A product id inventory has never heard of: catalog ids are UUIDs. */
export const aProductId = (): string => randomUUID();

export type GraphQLResponse = SubgraphReply;

export interface InventoryHarness extends SubgraphHarness<Awaited<ReturnType<typeof start>>> {
  /** Direct SQL on the subgraph's database, as an operator (or a bug) could send it. */
  sql: Client;
  sqlQueries: { readonly count: number; reset(): void };
  /** The subgraph's own consumer: a test hands it events as its queue would. */
  consumer: EventConsumer<SqlExecutor>;
  /** A product inventory has learned of, as it does from catalog.product-created.v1 (no stock records yet). */
  learnedProduct(): Promise<string>;
  /** A learned product with these units on hand per warehouse (none reserved). */
  stockedProduct(onHand: Record<string, number>): Promise<string>;
  /** As `caller`, an admin unless told otherwise. */
  request(query: string, variables?: Record<string, unknown>, caller?: Caller): Promise<GraphQLResponse>;
}

/** A database of its own, migrated and holding two warehouses, and the subgraph serving it on a free port. */
export async function startHarness(): Promise<InventoryHarness> {
  const subgraph = await startScratchSubgraph({
    context: 'inventory',
    gatewaySecret: SECRET,
    connect: (databaseUrl) => new Client({ connectionString: databaseUrl }),
    disconnect: (sql) => sql.end(),
    async serve(sql, settings) {
      await sql.connect();
      for (const w of warehouses) await sql.query('INSERT INTO warehouses (id, name, country) VALUES ($1, $2, $3)', [w.id, w.name, w.country]);
      return start(settings);
    },
  });
  const sql = subgraph.connections;
  const learnedProduct = async () => {
    const productId = aProductId();
    await sql.query('INSERT INTO stock_keeping_units (product_id, sku, catalog_version) VALUES ($1, $2, 0)', [productId, `SKU-${productId.slice(0, 8)}`]);
    return productId;
  };
  return {
    ...subgraph,
    sql,
    sqlQueries: subgraph.server.sqlQueries,
    consumer: subgraph.server.events.consumer!,
    learnedProduct,
    async stockedProduct(onHand) {
      const productId = await learnedProduct();
      for (const [warehouseId, units] of Object.entries(onHand)) {
        await sql.query('INSERT INTO stock_levels (product_id, warehouse_id, on_hand, updated_at) VALUES ($1, $2, $3, now())', [productId, warehouseId, units]);
      }
      return productId;
    },
    request: (query, variables = {}, caller = admin) => subgraph.request(query, variables, caller),
  };
}

export const STOCK_FIELDS = 'onHand reserved available byWarehouse { warehouse { id name country } onHand reserved available }';

export const RECEIVE = `mutation ($input: ReceiveStockInput!) {
  receiveStock(input: $input) { stock { ${STOCK_FIELDS} } errors { code message field } }
}`;

export const ADJUST = `mutation ($input: AdjustStockInput!) {
  adjustStock(input: $input) { stock { ${STOCK_FIELDS} } errors { code message field } }
}`;

export const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Product { id stock { onHand reserved available } inStock } }
}`;

export const productRefs = (ids: string[]) => ({ representations: ids.map((id) => ({ __typename: 'Product', id })) });
