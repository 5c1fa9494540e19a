import { issueToken } from '../../gateway/src/auth/tokens';
import { startGateway } from '../../gateway/src/server';
import { startCatalog } from '../../subgraphs/catalog/src/main';
import { startInventory } from '../../subgraphs/inventory/src/main';
import { startShipping } from '../../subgraphs/shipping/src/main';
import { startOrdering } from '../../subgraphs/ordering/src/main';
import { startPayments } from '../../subgraphs/payments/src/main';
import { startNotifications } from '../../subgraphs/notifications/src/main';
import type { ContextName } from '../../scripts/system/contexts';
import type { QueryCounter, RunningSubgraphServer } from '@storefront/platform';
import type { EventsConfig } from '@storefront/messaging';
import { createSeededDatabases } from './databases';
import { removeEventKeys, testEventsConfig } from './event-bus';

process.env.APOLLO_TELEMETRY_DISABLED = '1';
process.env.LOG_LEVEL ??= 'silent';

const JWT_SECRET = 'test-jwt-secret-0123456789abcdef0123';
/** The secret the test system's gateway signs identities with; another gateway in front of the same subgraphs needs it too. */
export const GATEWAY_SECRET = 'test-gateway-secret';

type SubgraphName = ContextName;
type RunningSubgraph = RunningSubgraphServer & { sqlQueries: QueryCounter };

export interface RunningSystem {
  gatewayUrl: string;
  subgraphs: Record<SubgraphName, RunningSubgraph>;
  databaseUrls: Record<SubgraphName, string>;
  /** Where each subgraph listens, for starting another gateway in front of them. */
  subgraphUrls: Record<SubgraphName, string>;
  /** The run's own event bus settings (its own Redis key prefix). */
  events: EventsConfig;
  /** Signs a token the gateway accepts, for a customer or an admin. */
  token(subject: string, roles?: readonly string[]): Promise<string>;
  /** Stops one subgraph (to see how the gateway copes without it). */
  stopSubgraph(name: SubgraphName): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The whole storefront in this process: fresh migrated and seeded databases, each subgraph on its
 * own real HTTP port, and the gateway in front of them, serving the committed supergraph.
 */
export async function startSystem(): Promise<RunningSystem> {
  const databases = await createSeededDatabases();
  const events = testEventsConfig();
  const common = { port: 0, gatewaySecret: GATEWAY_SECRET, events };
  const subgraphs: Record<SubgraphName, RunningSubgraph> = {
    catalog: await startCatalog({ ...common, databaseUrl: databases.urls.catalog }),
    inventory: await startInventory({ ...common, databaseUrl: databases.urls.inventory }),
    ordering: await startOrdering({ ...common, databaseUrl: databases.urls.ordering }),
    payments: await startPayments({ ...common, databaseUrl: databases.urls.payments }),
    shipping: await startShipping({ ...common, databaseUrl: databases.urls.shipping }),
    notifications: await startNotifications({ ...common, databaseUrl: databases.urls.notifications }),
  };
  const subgraphUrls = Object.fromEntries(Object.entries(subgraphs).map(([name, subgraph]) => [name, subgraph.url])) as Record<SubgraphName, string>;
  const gateway = await startGateway({
    port: 0,
    supergraphPath: require.resolve('../../gateway/supergraph.graphql'),
    subgraphUrls,
    jwtSecret: JWT_SECRET,
    gatewaySecret: GATEWAY_SECRET,
  });
  const stopped = new Set<SubgraphName>();
  const stopSubgraph = async (name: SubgraphName) => {
    if (stopped.has(name)) return;
    stopped.add(name);
    await subgraphs[name].stop();
  };
  return {
    gatewayUrl: gateway.url.replace(/\/graphql$/, ''),
    subgraphs,
    databaseUrls: databases.urls,
    subgraphUrls,
    events,
    token: (subject, roles = ['customer']) => issueToken(JWT_SECRET, subject, roles),
    stopSubgraph,
    async stop() {
      await gateway.stop();
      await Promise.all((Object.keys(subgraphs) as SubgraphName[]).map(stopSubgraph));
      await databases.drop();
      await removeEventKeys(events);
    },
  };
}

