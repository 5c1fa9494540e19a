import type { EventsConfig } from '@storefront/messaging';
import type { Identity, RunningSubgraphServer } from '@storefront/platform';
import { removeEventKeys, testEventsConfig } from './event-bus';
import { postToSubgraph, scratchDatabase, type SubgraphReply } from './scratch-subgraph';
import { signedBody, tokenPayloadOf } from './signed-requests';

process.env.APOLLO_TELEMETRY_DISABLED = '1';
process.env.LOG_LEVEL ??= 'silent';

/** Who signs a request: an identity, `null` for an anonymous caller, or 'unsigned' (not through the gateway). */
export type Caller = Identity | null | 'unsigned';

/** A subgraph's reply with the body's data and errors beside the HTTP status. */
export interface GraphQLResponse {
  status: number;
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** What a subgraph's `start` is given in a test: a free port, the scratch database, the gateway's secret, the run's event bus. */
export interface SubgraphSettings {
  port: 0;
  databaseUrl: string;
  gatewaySecret: string;
  events: EventsConfig;
}

export interface ScratchSubgraphSetup<Server extends RunningSubgraphServer, Connections> {
  /** The context whose migrations make the scratch database. */
  context: string;
  gatewaySecret: string;
  /** The test's own connections to the scratch database. */
  connect(databaseUrl: string): Connections;
  /** Closes them; also when starting failed, so it must cope with connections never opened. */
  disconnect(connections: Connections): Promise<void>;
  /** Writes what must be there before the subgraph starts, then starts it with these settings (and any of its own). */
  serve(connections: Connections, settings: SubgraphSettings): Promise<Server>;
}

export interface SubgraphHarness<Server extends RunningSubgraphServer> {
  server: Server;
  /** This run's event bus settings: a key prefix of its own, so it never takes a running system's jobs. */
  events: EventsConfig;
  /** POSTs straight to the subgraph, signed as the gateway would sign it for `caller`. */
  request(query: string, variables: Record<string, unknown>, caller: Caller): Promise<SubgraphReply>;
  /** Signed as the gateway signs it for `identity` (anonymous when null), with the gateway's secret unless another (or null: unsigned) is given. */
  graphql(query: string, variables?: Record<string, unknown>, identity?: Identity | null, secret?: string | null): Promise<GraphQLResponse>;
  /** Stops the subgraph, closes the test's connections, drops the database and removes the run's event keys. */
  stop(): Promise<void>;
}

/** A database of the context's own, migrated, and the subgraph serving it on a free port with its own event bus prefix. */
export async function startScratchSubgraph<Server extends RunningSubgraphServer, Connections>(
  setup: ScratchSubgraphSetup<Server, Connections>,
): Promise<SubgraphHarness<Server> & { connections: Connections }> {
  const { gatewaySecret } = setup;
  const database = await scratchDatabase(setup.context);
  const events = testEventsConfig();
  const connections = setup.connect(database.url);
  let server: Server;
  try {
    server = await setup.serve(connections, { port: 0, databaseUrl: database.url, gatewaySecret, events });
  } catch (error) {
    await setup.disconnect(connections).catch(() => undefined);
    await database.drop();
    throw error;
  }
  const post = (query: string, variables: Record<string, unknown>, identity: Identity | null, secret: string | null) =>
    postToSubgraph(server.url, signedBody({ query, variables }, tokenPayloadOf(identity), secret));
  return {
    server,
    events,
    connections,
    request: (query, variables, caller) => (caller === 'unsigned' ? post(query, variables, null, null) : post(query, variables, caller, gatewaySecret)),
    async graphql(query, variables = {}, identity = null, secret = gatewaySecret) {
      const { status, body } = await post(query, variables, identity, secret);
      return { status, ...body };
    },
    async stop() {
      await server.stop();
      await setup.disconnect(connections);
      await database.drop();
      await removeEventKeys(events);
    },
  };
}

/**
 * Starts a harness before the test file's tests (then `prepare`s it, if told how) and stops it after
 * them. The value returned stands for the started harness, so a file can name it once, as a const;
 * reading it before the file's `beforeAll` has run throws.
 */
export function startedForThisFile<Harness extends { stop(): Promise<void> }>(start: () => Promise<Harness>, prepare?: (harness: Harness) => Promise<void>): Harness {
  let started: Harness | undefined;
  beforeAll(async () => {
    started = await start();
    await prepare?.(started);
  }, 60_000);
  afterAll(() => started?.stop());
  return new Proxy({} as Harness, {
    get(_, property) {
      if (!started) throw new Error(`The harness is not started yet (reading ${String(property)} outside a test or hook).`);
      return Reflect.get(started, property);
    },
  });
}
