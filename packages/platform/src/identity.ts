import { createHmac, timingSafeEqual } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/** Who is calling, as verified by the gateway. Subgraphs never read identity from the client. */
export interface Identity {
  subject: string;
  roles: readonly string[];
}

/** A verified token's payload (its claims), as a gateway forwards it to the subgraphs. */
export type TokenPayload = Readonly<Record<string, unknown>>;

export const DEFAULT_GATEWAY_SECRET = 'dev-only-gateway-secret-change-me';
/** The request extension that carries the signature (Hive Gateway's `useHmacUpstreamSignature` name). */
export const SIGNATURE_EXTENSION = 'hmac-signature';
/** The request extension that carries `{ payload }`, the caller's token payload (Hive Gateway's `useJWT` name). */
export const TOKEN_EXTENSION = 'jwt';

/** What of a subgraph request is signed besides the caller's token payload. */
export interface SubgraphRequest {
  query: string;
  variables?: Readonly<Record<string, unknown>> | null;
}

/**
 * The text a gateway signs for one subgraph request: json-stable-stringify (keys sorted, no spaces)
 * of `{ jwt, query, variables }`, where `jwt` is the caller's token payload (left out for an
 * anonymous caller) and `variables` are left out when there are none. For an anonymous caller this
 * is exactly what Hive Gateway's default serializer signs. ADR 0012.
 */
export function signedContent(request: SubgraphRequest, payload: TokenPayload | null): string {
  const variables = request.variables && Object.keys(request.variables).length > 0 ? request.variables : undefined;
  return canonicalJson({ jwt: payload ?? undefined, query: request.query, variables }) ?? '';
}

function signature(content: string, secret: string): string {
  return createHmac('sha256', secret).update(content).digest('base64');
}

/**
 * The extensions a gateway adds to a subgraph request: the caller's token payload (none for an
 * anonymous caller) and an HMAC-SHA256 under the shared secret over it with the query and the
 * variables, so that a subgraph can tell a forwarded identity from one a client made up, and a
 * captured signature from one made for the request it came with.
 */
export function signSubgraphRequest(request: SubgraphRequest, payload: TokenPayload | null, secret: string): Record<string, unknown> {
  return { ...(payload ? { [TOKEN_EXTENSION]: { payload } } : {}), [SIGNATURE_EXTENSION]: signature(signedContent(request, payload), secret) };
}

export type IdentityVerdict = { ok: true; identity: Identity | null } | { ok: false; reason: string };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function sameSignature(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Checks a subgraph request's body (as parsed JSON) against the gateway's signature; only then
 * trusts the identity it carries, and only while the token it came from has not expired.
 */
export function verifySubgraphRequest(body: unknown, secret: string, now = Date.now()): IdentityVerdict {
  const extensions = isRecord(body) && isRecord(body.extensions) ? body.extensions : {};
  const given = extensions[SIGNATURE_EXTENSION];
  if (!isRecord(body) || typeof given !== 'string') return { ok: false, reason: 'missing gateway signature' };
  const forwarded = extensions[TOKEN_EXTENSION];
  const payload = isRecord(forwarded) && isRecord(forwarded.payload) ? forwarded.payload : null;
  const { query, variables } = body;
  if (typeof query !== 'string' || (variables != null && !isRecord(variables)) || (forwarded !== undefined && !payload)) {
    return { ok: false, reason: 'malformed signed request' };
  }
  if (!sameSignature(signature(signedContent({ query, variables }, payload), secret), given)) {
    return { ok: false, reason: 'the gateway signature does not match this request' };
  }
  if (!payload) return { ok: true, identity: null };
  if (typeof payload.sub !== 'string' || payload.sub === '') return { ok: false, reason: 'identity without a subject' };
  if (typeof payload.exp !== 'number') return { ok: false, reason: 'identity without an expiry' };
  if (payload.exp * 1000 <= now) return { ok: false, reason: 'expired identity' };
  const roles = Array.isArray(payload.roles) ? payload.roles.filter((role): role is string => typeof role === 'string') : [];
  return { ok: true, identity: { subject: payload.sub, roles } };
}
