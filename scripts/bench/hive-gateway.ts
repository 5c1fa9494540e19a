import { readFileSync } from 'node:fs';
import http from 'node:http';
import { createGatewayRuntime, type GatewayPlugin } from '@graphql-hive/gateway';
import { gatewaySecret, signIdentityHeaders } from '@storefront/platform';
import { resolveSubgraphUrls, subgraphUrlsFromEnv, supergraphSubgraphs } from '../../gateway/src/supergraph-subgraphs';

/**
 * Hive Gateway serving the same committed supergraph as the product's gateway, to the same running
 * subgraphs (their URLs from the same `<NAME>_URL` variables), for `pnpm bench:gateway`. The
 * subgraphs trust only the gateway's signed identity: a plugin signs the anonymous identity on
 * every subgraph fetch, re-signed every 10 s (well inside the subgraphs' 60 s freshness window), so
 * identical fetches carry identical headers and Hive's own in-flight deduplication can share them.
 */
const supergraphPath = process.env.SUPERGRAPH_PATH ?? require.resolve('../../gateway/supergraph.graphql');
const committed = readFileSync(supergraphPath, 'utf8');
const subgraphs = supergraphSubgraphs(committed);
const urls = resolveSubgraphUrls(subgraphs, subgraphUrlsFromEnv(subgraphs, process.env));
let supergraph = committed;
for (const { name, url } of subgraphs) supergraph = supergraph.replace(`name: "${name}", url: "${url}"`, `name: "${name}", url: "${urls[name]}"`);

const secret = gatewaySecret(process.env);
let signed = { at: 0, headers: {} as Record<string, string> };
const anonymousIdentity = (): Record<string, string> => {
  const now = Date.now();
  if (now - signed.at > 10_000) signed = { at: now, headers: signIdentityHeaders(null, secret, now) };
  return signed.headers;
};

const signAnonymous: GatewayPlugin = {
  onFetch({ options, setOptions }) {
    const headers = new Headers(options.headers as HeadersInit | undefined);
    for (const [name, value] of Object.entries(anonymousIdentity())) headers.set(name, value);
    setOptions({ ...options, headers: Object.fromEntries(headers) });
  },
};

const runtime = createGatewayRuntime({ supergraph, logging: false, plugins: () => [signAnonymous] });
const server = http.createServer(runtime);
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  console.log(`hive gateway ready on ${typeof address === 'object' && address ? address.port : address}`);
});
const stop = () => {
  server.close();
  void Promise.resolve(runtime.dispose()).finally(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
