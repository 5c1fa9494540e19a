import type { EventConsumer, EventsConfig, SqlExecutor } from '@storefront/messaging';
import { signIdentityHeaders, type Identity } from '@storefront/platform';
import { start } from '../src/main';
import { connectPromotionsDb, type PromotionsDb } from '../src/infrastructure/promotions-database';
import { removeEventKeys, testEventsConfig } from '../../../test/support/event-bus';
import { postToSubgraph, scratchDatabase } from '../../../test/support/scratch-subgraph';

process.env.APOLLO_TELEMETRY_DISABLED = '1';
process.env.LOG_LEVEL ??= 'silent';

const GATEWAY_SECRET = 'promotions-test-gateway-secret';

export const admin: Identity = { subject: 'admin-1', roles: ['admin'] };
export const customer: Identity = { subject: 'customer-1', roles: ['customer'] };

export interface GraphQLResponse {
  status: number;
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export interface PromotionsHarness {
  /** The subgraph's database, as an operator (or a test) reaches it directly. */
  db: PromotionsDb;
  /** This run's event bus settings: a key prefix of its own, so it never takes a running system's jobs. */
  events: EventsConfig;
  /** The subgraph's own consumer: a test hands it events as its queue would. */
  consumer: EventConsumer<SqlExecutor>;
  /** Signed by the gateway as `identity` (anonymous when null). */
  graphql(query: string, variables?: Record<string, unknown>, identity?: Identity | null): Promise<GraphQLResponse>;
  stop(): Promise<void>;
}

/** A database of its own, migrated, and the subgraph serving it on a free port with its events running. */
export async function startHarness(): Promise<PromotionsHarness> {
  const database = await scratchDatabase('promotions');
  const events = testEventsConfig();
  const { db } = connectPromotionsDb(database.url);
  try {
    const server = await start({ port: 0, databaseUrl: database.url, gatewaySecret: GATEWAY_SECRET, events });
    return {
      db,
      events,
      consumer: server.events.consumer!,
      async graphql(query, variables = {}, identity = null) {
        const { status, body } = await postToSubgraph(server.url, query, variables, signIdentityHeaders(identity, GATEWAY_SECRET));
        return { status, ...body };
      },
      async stop() {
        await server.stop();
        await db.$disconnect();
        await database.drop();
        await removeEventKeys(events);
      },
    };
  } catch (error) {
    await db.$disconnect();
    await database.drop();
    throw error;
  }
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
