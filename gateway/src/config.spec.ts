import { assertProductionSecrets, DEFAULT_JWT_SECRET, loadConfig } from './config';
import { DEFAULT_QUERY_LIMITS, DEFAULT_RATE_LIMIT } from './edge-settings';

describe('loadConfig', () => {
  it('defaults to the development posture with every limit at its default and rate limiting on', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ production: false, introspection: true, graphiql: true, queryLimits: DEFAULT_QUERY_LIMITS, maxRequestBytes: 102_400, subgraphTimeoutMs: 5000 });
    expect(config.rateLimit).toEqual(DEFAULT_RATE_LIMIT);
    expect(config.trustedDocuments).toBeUndefined();
    expect(config.trustProxy).toBe(false);
  });

  it('takes the production posture from NODE_ENV or GATEWAY_MODE, with introspection and GraphiQL off unless enabled', () => {
    expect(loadConfig({ NODE_ENV: 'production' })).toMatchObject({ production: true, introspection: false, graphiql: false });
    expect(loadConfig({ GATEWAY_MODE: 'production' })).toMatchObject({ production: true });
    expect(loadConfig({ NODE_ENV: 'production', GATEWAY_MODE: 'development' })).toMatchObject({ production: false });
    expect(loadConfig({ NODE_ENV: 'production', INTROSPECTION: 'true', GRAPHIQL: 'on' })).toMatchObject({ introspection: true, graphiql: true });
  });

  it('reads every limit, the rate limit, issuer, audience, trusted documents and proxy trust from the environment', () => {
    const config = loadConfig({
      MAX_QUERY_DEPTH: '8', MAX_QUERY_ALIASES: '3', MAX_QUERY_TOKENS: '500', MAX_QUERY_DIRECTIVES: '4', MAX_QUERY_COST: '900',
      MAX_REQUEST_BYTES: '2048', SUBGRAPH_TIMEOUT_MS: '250', JWT_ISSUER: 'https://id.example', JWT_AUDIENCE: 'storefront',
      RATE_LIMIT_POINTS: '10', RATE_LIMIT_WINDOW_SECONDS: '5', REDIS_URL: 'redis://cache:6379', RATE_LIMIT_KEY_PREFIX: 'shop:rate',
      TRUSTED_DOCUMENTS: 'true', TRUSTED_DOCUMENTS_DIR: '/srv/clients', TRUST_PROXY: '1',
    });
    expect(config).toMatchObject({
      queryLimits: { maxDepth: 8, maxAliases: 3, maxTokens: 500, maxDirectives: 4, maxCost: 900 },
      maxRequestBytes: 2048, subgraphTimeoutMs: 250, jwtIssuer: 'https://id.example', jwtAudience: 'storefront',
      rateLimit: { points: 10, windowSeconds: 5, redisUrl: 'redis://cache:6379', keyPrefix: 'shop:rate' },
      trustedDocuments: { directory: '/srv/clients' }, trustProxy: 1,
    });
  });

  it('turns rate limiting off with RATE_LIMIT_POINTS=0', () => {
    expect(loadConfig({ RATE_LIMIT_POINTS: '0' }).rateLimit).toBeUndefined();
  });

  it('shares identical reads and caches anonymous responses by default, under the event prefix', () => {
    expect(loadConfig({})).toMatchObject({ deduplicateSubgraphFetches: true, responseCache: { redisUrl: 'redis://127.0.0.1:6379', keyPrefix: 'storefront:gateway:response' } });
    expect(loadConfig({ EVENTS_PREFIX: '{run-1}', REDIS_URL: 'redis://cache:6379' }).responseCache).toEqual({ redisUrl: 'redis://cache:6379', keyPrefix: '{run-1}:gateway:response' });
    expect(loadConfig({ RESPONSE_CACHE_KEY_PREFIX: 'shop:responses' }).responseCache?.keyPrefix).toBe('shop:responses');
  });

  it('turns deduplication and the response cache off when told', () => {
    expect(loadConfig({ DEDUPLICATE_SUBGRAPH_FETCHES: 'false', RESPONSE_CACHE: 'off' })).toMatchObject({ deduplicateSubgraphFetches: false, responseCache: undefined });
  });

  it.each([['MAX_QUERY_DEPTH', '0'], ['MAX_QUERY_COST', 'lots'], ['RATE_LIMIT_POINTS', '-1'], ['MAX_REQUEST_BYTES', '10'], ['GRAPHIQL', 'maybe'], ['RESPONSE_CACHE', 'sometimes']])('refuses %s=%s', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });
});

describe('assertProductionSecrets', () => {
  const secrets = { JWT_SECRET: 'a-production-secret-0123456789abcdef', GATEWAY_SHARED_SECRET: 'another-production-secret-0123456789' };

  it('refuses to run in production with the published development secrets', () => {
    expect(() => assertProductionSecrets(loadConfig({ NODE_ENV: 'production' }))).toThrow('JWT_SECRET');
    expect(() => assertProductionSecrets(loadConfig({ NODE_ENV: 'production', JWT_SECRET: secrets.JWT_SECRET }))).toThrow('GATEWAY_SHARED_SECRET');
    expect(() => assertProductionSecrets(loadConfig({ NODE_ENV: 'production', ...secrets }))).not.toThrow();
  });

  it('lets development run with them', () => {
    expect(loadConfig({}).jwtSecret).toBe(DEFAULT_JWT_SECRET);
    expect(() => assertProductionSecrets(loadConfig({}))).not.toThrow();
  });
});
