import { createHmac, timingSafeEqual } from 'node:crypto';

/** Who is calling, as verified by the gateway. Subgraphs never read identity from the client. */
export interface Identity {
  subject: string;
  roles: readonly string[];
}

export const IDENTITY_HEADER = 'x-storefront-identity';
export const IDENTITY_SIGNATURE_HEADER = 'x-storefront-identity-signature';
export const DEFAULT_GATEWAY_SECRET = 'dev-only-gateway-secret-change-me';
const MAX_SKEW_MS = 60_000;

interface SignedIdentity {
  sub: string;
  roles: string[];
  iat: number;
}

function sign(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

/**
 * Headers the gateway adds to every subgraph request: the identity it verified (or none, for an
 * anonymous caller) and an HMAC over it with a timestamp, so that a subgraph can tell a forwarded
 * identity from one a client made up.
 */
export function signIdentityHeaders(identity: Identity | null, secret: string, now = Date.now()): Record<string, string> {
  const body: SignedIdentity = { sub: identity?.subject ?? '', roles: [...(identity?.roles ?? [])], iat: now };
  const payload = Buffer.from(JSON.stringify(body)).toString('base64url');
  return { [IDENTITY_HEADER]: payload, [IDENTITY_SIGNATURE_HEADER]: sign(payload, secret) };
}

export type IdentityVerdict = { ok: true; identity: Identity | null } | { ok: false; reason: string };

/** Checks the gateway's signature and freshness; only then trusts the identity it carries. */
export function verifyIdentityHeaders(
  headers: Record<string, string | string[] | undefined>,
  secret: string,
  now = Date.now(),
): IdentityVerdict {
  const payload = headers[IDENTITY_HEADER];
  const signature = headers[IDENTITY_SIGNATURE_HEADER];
  if (typeof payload !== 'string' || typeof signature !== 'string') return { ok: false, reason: 'missing gateway signature' };
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { ok: false, reason: 'bad gateway signature' };
  }
  let body: SignedIdentity;
  try {
    body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as SignedIdentity;
  } catch {
    return { ok: false, reason: 'malformed identity' };
  }
  if (typeof body.iat !== 'number' || Math.abs(now - body.iat) > MAX_SKEW_MS) return { ok: false, reason: 'stale gateway signature' };
  if (!body.sub) return { ok: true, identity: null };
  return { ok: true, identity: { subject: body.sub, roles: Array.isArray(body.roles) ? body.roles.map(String) : [] } };
}
