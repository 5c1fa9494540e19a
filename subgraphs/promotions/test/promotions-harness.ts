import type { EventConsumer, SqlExecutor } from '@storefront/messaging';
import type { Identity } from '@storefront/platform';
import { start } from '../src/main';
import { connectPromotionsDb, type PromotionsDb } from '../src/infrastructure/promotions-database';
import { startScratchSubgraph, type SubgraphHarness } from '../../../test/support/subgraph-harness';

const GATEWAY_SECRET = 'promotions-test-gateway-secret';

export const admin: Identity = { subject: 'admin-1', roles: ['admin'] };
export const customer: Identity = { subject: 'customer-1', roles: ['customer'] };

export interface PromotionsHarness extends SubgraphHarness<Awaited<ReturnType<typeof start>>> {
  /** The subgraph's database, as an operator (or a test) reaches it directly. */
  db: PromotionsDb;
  /** The subgraph's own consumer: a test hands it events as its queue would. */
  consumer: EventConsumer<SqlExecutor>;
}

/** A database of its own, migrated, and the subgraph serving it on a free port with its events running. */
export async function startHarness(): Promise<PromotionsHarness> {
  const subgraph = await startScratchSubgraph({
    context: 'promotions',
    gatewaySecret: GATEWAY_SECRET,
    connect: (databaseUrl) => connectPromotionsDb(databaseUrl).db,
    disconnect: (db) => db.$disconnect(),
    serve: (_db, settings) => start(settings),
  });
  return { ...subgraph, db: subgraph.connections, consumer: subgraph.server.events.consumer! };
}

export const CREATE_PROMOTION = /* GraphQL */ `
  mutation ($input: CreatePromotionInput!) {
    createPromotion(input: $input) {
      promotion {
        id code description kind percentOff amountOff { amount currency formatted } productIds categoryIds
        minimumSubtotal { amount currency } startsAt endsAt usageLimit perCustomerLimit status endedAt redemptionCount createdAt
      }
      errors { code message field }
    }
  }
`;

export const END_PROMOTION = /* GraphQL */ `
  mutation ($id: ID!) {
    endPromotion(id: $id) { promotion { id status endedAt } errors { code message field } }
  }
`;

export const PROMOTIONS = /* GraphQL */ `
  query ($first: Int, $after: String) {
    promotions(first: $first, after: $after) {
      edges { cursor node { id code status redemptionCount } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

/** Creates a promotion as an admin through the API; returns its id. */
export async function aPromotion(harness: PromotionsHarness, input: Record<string, unknown>): Promise<string> {
  const result = await harness.graphql(CREATE_PROMOTION, { input }, admin);
  const payload = result.data?.createPromotion;
  if (!payload?.promotion) throw new Error(`createPromotion refused: ${JSON.stringify(result.errors ?? payload?.errors)}`);
  return payload.promotion.id;
}

/** A unique coupon code for one test. */
export const aCode = (): string => `TEST-${Math.random().toString(36).slice(2, 10).toUpperCase()}`;
