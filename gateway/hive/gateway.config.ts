import stableStringify from 'json-stable-stringify';
import {
  createInlineSigningKeyProvider,
  defaultExecutionRequestSerializer,
  defineConfig,
  useHmacUpstreamSignature,
  type GatewayPlugin,
} from '@graphql-hive/gateway';

/**
 * Hive Gateway serving the storefront's committed supergraph, configured only: the same settings as
 * the product's gateway (README, "Identity" and "Security model"), and every subgraph request
 * signed as that gateway signs it (docs/adr/0012-subgraph-requests-signed-with-the-identity.md).
 * `pnpm gateway:hive` runs it; PORT and HOST are read by Hive Gateway itself.
 */
const env = process.env;
const production = env.NODE_ENV === 'production' || env.GATEWAY_MODE === 'production';
const development = { jwtSecret: 'dev-only-jwt-secret-change-me-0123456789', gatewaySecret: 'dev-only-gateway-secret-change-me' };
const jwtSecret = env.JWT_SECRET ?? development.jwtSecret;
const gatewaySecret = env.GATEWAY_SHARED_SECRET ?? development.gatewaySecret;
if (production && (jwtSecret === development.jwtSecret || gatewaySecret === development.gatewaySecret)) {
  throw new Error('JWT_SECRET and GATEWAY_SHARED_SECRET must be set in production (the development defaults are public)');
}

// Where a subgraph listens, `<NAME>_URL` as for the product's gateway (other `_URL`s name no subgraph
// and are ignored); without one, the URL composed into the supergraph.
const transportEntries: Record<string, { location: string }> = {};
for (const [name, url] of Object.entries(env)) {
  const subgraph = /^([A-Z0-9_]+)_URL$/.exec(name)?.[1];
  if (subgraph && url) transportEntries[subgraph.toLowerCase().replace(/_/g, '-')] = { location: url };
}

// The signed text: Hive's own serialization of the query and variables, with the forwarded token
// payload under "jwt" (its exp bounds how long the signature holds), keys sorted.
function signedContent(request: Parameters<typeof defaultExecutionRequestSerializer>[0]): string {
  const payload: unknown = request.extensions?.jwt?.payload;
  const unsigned = defaultExecutionRequestSerializer(request) ?? '';
  return payload === undefined ? unsigned : (stableStringify({ ...JSON.parse(unsigned), jwt: payload }) ?? '');
}

export const gatewayConfig = defineConfig({
  supergraph: env.SUPERGRAPH_PATH ?? 'gateway/supergraph.graphql',
  transportEntries,
  // Hive Gateway adds `jwt` before the configured plugins: the token's payload is in the request's
  // extensions when the request is signed. (Its `hmacSignature` option would sign before that.)
  jwt: {
    signingKeyProviders: [createInlineSigningKeyProvider(jwtSecret)],
    tokenVerification: {
      algorithms: ['HS256'],
      ...(env.JWT_ISSUER ? { issuer: env.JWT_ISSUER } : {}),
      ...(env.JWT_AUDIENCE ? { audience: env.JWT_AUDIENCE } : {}),
    },
    reject: { missingToken: false, invalidToken: true },
    forward: { payload: true, token: false },
  },
  // Typed as the configuration's own plugin type: the two declare the same logger from two builds.
  plugins: () => [useHmacUpstreamSignature({ secret: gatewaySecret, serializeExecutionRequest: signedContent }) as GatewayPlugin],
  maxTokens: Number(env.MAX_QUERY_TOKENS ?? 1000),
  maxDepth: Number(env.MAX_QUERY_DEPTH ?? 12),
  upstreamTimeout: Number(env.SUBGRAPH_TIMEOUT_MS ?? 5000),
  blockFieldSuggestions: production,
  ...(production && env.INTROSPECTION !== 'true' ? { disableIntrospection: {} } : {}),
  graphiql: !production || env.GRAPHIQL === 'true',
});
