import type { QueryCounter, RunningSubgraphServer } from '@storefront/platform';
import type { GatewayConfig } from '../../gateway/src/config';
import { startGateway, type RunningGateway } from '../../gateway/src/server';
import { CONTEXTS, contextModule } from './contexts';

/** A context's running subgraph, with the SQL statements its database was sent. */
export type RunningContext = RunningSubgraphServer & { sqlQueries: QueryCounter };

/** What every context's composition root (`subgraphs/<name>/src/main.ts`) exports. */
interface ContextMain {
  start(overrides?: Readonly<Record<string, unknown>>): Promise<RunningContext>;
}

/** The storefront in one process: every context's subgraph and the gateway in front of them. */
export interface OneProcessStorefront {
  gateway: RunningGateway;
  /** Every declared context's running subgraph, by name. */
  subgraphs: Readonly<Record<string, RunningContext>>;
  /** Stops one context (its server and its event delivery), to see how the gateway copes without it. */
  stopSubgraph(name: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Every context and the gateway in this one process (docs/adr/0013). Each context starts from its
 * own composition root as in its own process (its database, Prisma client, outbox relay, event
 * consumer and HTTP server with /health, /ready and /metrics); `contextSettings` are a context's
 * overrides of what it reads from the environment. The gateway runs their operations directly
 * rather than over HTTP; events still travel over the queues.
 */
export async function startOneProcess(
  gatewayConfig: GatewayConfig,
  contextSettings: (name: string) => Readonly<Record<string, unknown>> = () => ({}),
): Promise<OneProcessStorefront> {
  const subgraphs: Record<string, RunningContext> = {};
  const stopping = new Map<string, Promise<void>>();
  const stopSubgraph = (name: string): Promise<void> => {
    const subgraph = subgraphs[name];
    if (!subgraph) return Promise.resolve();
    const stopped = stopping.get(name) ?? subgraph.stop();
    stopping.set(name, stopped);
    return stopped;
  };
  const stopSubgraphs = () => Promise.all(Object.keys(subgraphs).map(stopSubgraph));
  try {
    for (const { name } of CONTEXTS) {
      // Required by its conventional path: the system knows a context by its declaration, not its code.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const main = require(contextModule(name, 'main')) as ContextMain;
      subgraphs[name] = await main.start(contextSettings(name));
    }
  } catch (error) {
    await stopSubgraphs();
    throw error;
  }
  let gateway: RunningGateway;
  try {
    gateway = await startGateway({
      ...gatewayConfig,
      // Where each one listens, for /ready and for anyone calling it directly.
      subgraphUrls: { ...gatewayConfig.subgraphUrls, ...Object.fromEntries(Object.entries(subgraphs).map(([name, subgraph]) => [name, subgraph.url])) },
      inProcessSubgraphs: subgraphs,
    });
  } catch (error) {
    await stopSubgraphs();
    throw error;
  }
  return {
    gateway,
    subgraphs,
    stopSubgraph,
    async stop() {
      await gateway.stop();
      await stopSubgraphs();
    },
  };
}
