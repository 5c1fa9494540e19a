import { identityFromAuthorization, type TokenPolicy, type VerifiedIdentity } from '../auth/tokens';

/** Who opened a subscription, until when their token holds, and whose share of the limit it takes. */
export interface Subscriber {
  identity: VerifiedIdentity | null;
  /** Epoch ms at which the token expires; null when anonymous. */
  expiresAt: number | null;
  /** The per-caller limit's key: the token's subject, or the client's address when anonymous. */
  key: string;
}

/** Verifies the token as the HTTP edge does (a bad one throws UNAUTHENTICATED) and keeps its expiry. */
export async function identifySubscriber(authorization: string | undefined, secret: string, policy: TokenPolicy, address: string): Promise<Subscriber> {
  return subscriberOf(await identityFromAuthorization(authorization, secret, policy), address);
}

/** The subscriber behind an identity already verified. */
export function subscriberOf(identity: VerifiedIdentity | null, address: string): Subscriber {
  if (!identity) return { identity: null, expiresAt: null, key: `address:${address}` };
  const { exp } = identity.token;
  return { identity, expiresAt: typeof exp === 'number' ? exp * 1000 : null, key: `subject:${identity.subject}` };
}
