import path from 'node:path';

type Env = Record<string, string | undefined>;

/** What one query may ask for, checked before any subgraph is called (see README, "Security model"). */
export interface QueryLimits {
  /** Nesting of fields, fragments counted as a level. */
  maxDepth: number;
  /** Aliased fields in one operation (`__typename` aliases are free). */
  maxAliases: number;
  /** Lexical tokens of the document; bounds parsing and everything after it. */
  maxTokens: number;
  /** Directives in one operation, so on any one field too. */
  maxDirectives: number;
  /** Each field costs 1 plus its children; `first`/`last` multiplies the children. */
  maxCost: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 12, maxAliases: 15, maxTokens: 1000, maxDirectives: 50, maxCost: 10_000 };
export const DEFAULT_MAX_REQUEST_BYTES = 100 * 1024;
export const DEFAULT_SUBGRAPH_TIMEOUT_MS = 5000;

/** A budget of requests per caller and window, shared by every gateway through Redis (or PostgreSQL). */
export interface RateLimitSettings {
  points: number;
  windowSeconds: number;
  redisUrl: string;
  /** When set, the counters live in this PostgreSQL database instead of Redis (an installation without Redis). */
  databaseUrl?: string;
  keyPrefix: string;
}

export const DEFAULT_RATE_LIMIT: RateLimitSettings = {
  points: 1200,
  windowSeconds: 60,
  redisUrl: 'redis://127.0.0.1:6379',
  keyPrefix: 'storefront:gateway:rate',
};

export function integerFrom(env: Env, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min) throw new Error(`${name} must be a whole number of at least ${min}, got "${raw}"`);
  return value;
}

export function flagFrom(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['true', '1', 'yes', 'on'].includes(raw)) return true;
  if (['false', '0', 'no', 'off'].includes(raw)) return false;
  throw new Error(`${name} must be true or false, got "${env[name]}"`);
}

export function queryLimitsFrom(env: Env): QueryLimits {
  const d = DEFAULT_QUERY_LIMITS;
  return {
    maxDepth: integerFrom(env, 'MAX_QUERY_DEPTH', d.maxDepth, 1),
    maxAliases: integerFrom(env, 'MAX_QUERY_ALIASES', d.maxAliases),
    maxTokens: integerFrom(env, 'MAX_QUERY_TOKENS', d.maxTokens, 1),
    maxDirectives: integerFrom(env, 'MAX_QUERY_DIRECTIVES', d.maxDirectives),
    maxCost: integerFrom(env, 'MAX_QUERY_COST', d.maxCost, 1),
  };
}

/** `RATE_LIMIT_POINTS=0` turns rate limiting off. */
export function rateLimitFrom(env: Env): RateLimitSettings | undefined {
  const points = integerFrom(env, 'RATE_LIMIT_POINTS', DEFAULT_RATE_LIMIT.points);
  if (points === 0) return undefined;
  return {
    points,
    windowSeconds: integerFrom(env, 'RATE_LIMIT_WINDOW_SECONDS', DEFAULT_RATE_LIMIT.windowSeconds, 1),
    redisUrl: env.REDIS_URL || DEFAULT_RATE_LIMIT.redisUrl,
    ...(env.RATE_LIMIT_DATABASE_URL ? { databaseUrl: env.RATE_LIMIT_DATABASE_URL } : {}),
    keyPrefix: env.RATE_LIMIT_KEY_PREFIX || DEFAULT_RATE_LIMIT.keyPrefix,
  };
}

/**
 * `RESPONSE_CACHE=false` turns the anonymous response cache off. Its keys live under the event
 * prefix by default, so that a run with its own prefix (tests, benches) has its own cache too.
 */
export function responseCacheFrom(env: Env): { redisUrl: string; keyPrefix: string } | undefined {
  if (!flagFrom(env, 'RESPONSE_CACHE', true)) return undefined;
  return {
    redisUrl: env.REDIS_URL || DEFAULT_RATE_LIMIT.redisUrl,
    keyPrefix: env.RESPONSE_CACHE_KEY_PREFIX || `${env.EVENTS_PREFIX || 'storefront'}:gateway:response`,
  };
}

/** Express's `trust proxy`: off by default, so the client address is the socket's, not a header. */
export function trustProxyFrom(env: Env): boolean | number | string {
  const raw = env.TRUST_PROXY?.trim();
  if (!raw || raw === 'false') return false;
  if (raw === 'true') return true;
  return /^\d+$/.test(raw) ? Number(raw) : raw;
}

export function trustedDocumentsFrom(env: Env): { directory: string } | undefined {
  if (!flagFrom(env, 'TRUSTED_DOCUMENTS', false)) return undefined;
  return { directory: env.TRUSTED_DOCUMENTS_DIR ?? path.resolve(__dirname, '..', '..', 'clients') };
}
