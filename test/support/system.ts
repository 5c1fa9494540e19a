import { issueToken } from '../../gateway/src/auth/tokens';
import { startGateway, type RunningGateway } from '../../gateway/src/server';
import { DEFAULT_LIVE_ORDER_LIMITS } from '../../gateway/src/subscriptions/live-order-settings';
import type { LiveOrderCounts } from '../../gateway/src/subscriptions/live-orders';
import { CONTEXTS, contextModule, ofContext } from '../../scripts/system/contexts';
import type { QueryCounter, RunningSubgraphServer, SubgraphConfig } from '@storefront/platform';
import type { EventsConfig } from '@storefront/messaging';
import { createSeededDatabases } from './databases';
import { removeEventKeys, testEventsConfig } from './event-bus';

process.env.APOLLO_TELEMETRY_DISABLED = '1';
process.env.LOG_LEVEL ??= 'silent';

/** The secret the test system's gateway verifies tokens with; another gateway in front of the same subgraphs needs it too. */
export const JWT_SECRET = 'test-jwt-secret-0123456789abcdef0123';
/** The secret the test system's gateway signs identities with; another gateway in front of the same subgraphs needs it too. */
export const GATEWAY_SECRET = 'test-gateway-secret';

type RunningSubgraph = RunningSubgraphServer & { sqlQueries: QueryCounter };

type ContextSettings = Partial<SubgraphConfig & { events: EventsConfig }>;

/** What every context's composition root (`subgraphs/<name>/src/main.ts`) exports. */
interface ContextMain {
  start(overrides?: ContextSettings): Promise<RunningSubgraph>;
}

/**
 * Settings of a context's own for this system, by context name (a context's `start` takes its own
 * config's fields: ordering's `sagaDeadlines`, say); `events` given here are merged over the run's.
 */
export type SystemOverrides = Readonly<Record<string, Omit<ContextSettings, "events"> & { events?: Partial<EventsConfig> } & Record<string, unknown>>>;

export interface RunningSystem {
  gatewayUrl: string;
  /** Every declared context's running subgraph, by name. */
  subgraphs: Readonly<Record<string, RunningSubgraph>>;
  /** One context's running subgraph; a name no context declares throws. */
  subgraph(name: string): RunningSubgraph;
  /** One context's database. */
  databaseUrl(name: string): string;
  /** Where each subgraph listens, for starting another gateway in front of them. */
  subgraphUrls: Readonly<Record<string, string>>;
  /** The run's own event bus settings (its own Redis key prefix). */
  events: EventsConfig;
  /** Signs a token the gateway accepts, for a customer or an admin; `expiresIn` as jose reads it ('8h', '2s'). */
  token(subject: string, roles?: readonly string[], expiresIn?: string): Promise<string>;
  /** The gateway's open subscriptions and change-feed listeners. */
  liveOrders(): LiveOrderCounts;
  /** One more gateway in front of the same subgraphs and event bus (stopped with the system). */
  anotherGateway(): Promise<RunningGateway>;
  /** Stops one subgraph (to see how the gateway copes without it). */
  stopSubgraph(name: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The whole storefront in this process: fresh migrated and seeded databases, each subgraph on its
 * own real HTTP port, and the gateway in front of them, serving the committed supergraph.
 */
export async function startSystem(overrides: SystemOverrides = {}): Promise<RunningSystem> {
  const databases = await createSeededDatabases();
  const events = testEventsConfig();
  const common = { port: 0, gatewaySecret: GATEWAY_SECRET, events };
  const subgraphs: Record<string, RunningSubgraph> = {};
  for (const { name } of CONTEXTS) {
    // Required by its conventional path: the system knows a context by its declaration, not its code.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const main = require(contextModule(name, 'main')) as ContextMain;
    const own = overrides[name] ?? {};
    subgraphs[name] = await main.start({ ...common, ...own, events: { ...events, ...own.events }, databaseUrl: ofContext(databases.urls, name) });
  }
  const subgraphUrls = Object.fromEntries(Object.entries(subgraphs).map(([name, subgraph]) => [name, subgraph.url]));
  const gatewayConfig = {
    port: 0,
    supergraphPath: require.resolve('../../gateway/supergraph.graphql'),
    subgraphUrls,
    jwtSecret: JWT_SECRET,
    gatewaySecret: GATEWAY_SECRET,
    liveOrders: { ...DEFAULT_LIVE_ORDER_LIMITS, events },
  };
  const gateway = await startGateway(gatewayConfig);
  const moreGateways: RunningGateway[] = [];
  const stopped = new Set<string>();
  const stopSubgraph = async (name: string) => {
    if (stopped.has(name)) return;
    stopped.add(name);
    await subgraphs[name]?.stop();
  };
  return {
    gatewayUrl: gateway.url.replace(/\/graphql$/, ''),
    subgraphs,
    subgraph: (name) => ofContext(subgraphs, name),
    databaseUrl: (name) => ofContext(databases.urls, name),
    subgraphUrls,
    events,
    token: (subject, roles = ['customer'], expiresIn) => issueToken(JWT_SECRET, subject, roles, expiresIn),
    liveOrders: () => gateway.liveOrders!(),
    async anotherGateway() {
      const another = await startGateway(gatewayConfig);
      moreGateways.push(another);
      return another;
    },
    stopSubgraph,
    async stop() {
      await Promise.all(moreGateways.map((another) => another.stop()));
      await gateway.stop();
      await Promise.all(Object.keys(subgraphs).map(stopSubgraph));
      await databases.drop();
      await removeEventKeys(events);
    },
  };
}

