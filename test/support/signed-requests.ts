import { signSubgraphRequest, type Identity, type SubgraphRequest, type TokenPayload } from '@storefront/platform';

/** The token payload a gateway forwards for `identity` (none for an anonymous caller), expiring `expiresInSeconds` after `now`. */
export function tokenPayloadOf(identity: Identity | null, options: { now?: number; expiresInSeconds?: number } = {}): TokenPayload | null {
  if (!identity) return null;
  const issuedAt = Math.floor((options.now ?? Date.now()) / 1000);
  return { sub: identity.subject, roles: [...identity.roles], iat: issuedAt, exp: issuedAt + (options.expiresInSeconds ?? 300) };
}

/** A subgraph request's body signed as the gateway signs it: `secret` null leaves it unsigned. */
export function signedBody(request: SubgraphRequest, payload: TokenPayload | null, secret: string | null): Record<string, unknown> {
  return secret === null ? { ...request } : { ...request, extensions: signSubgraphRequest(request, payload, secret) };
}
