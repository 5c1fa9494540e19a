import { decodeJwt } from 'jose';
import type { Identity } from '@storefront/platform';
import { identityFromAuthorization, type TokenPolicy } from '../auth/tokens';

/** Who opened a subscription, until when their token holds, and whose share of the limit it takes. */
export interface Subscriber {
  identity: Identity | null;
  /** Epoch ms at which the token expires; null when anonymous. */
  expiresAt: number | null;
  /** The per-caller limit's key: the token's subject, or the client's address when anonymous. */
  key: string;
}

/** Verifies the token as the HTTP edge does (a bad one throws UNAUTHENTICATED) and keeps its expiry. */
export async function identifySubscriber(authorization: string | undefined, secret: string, policy: TokenPolicy, address: string): Promise<Subscriber> {
  return subscriberOf(await identityFromAuthorization(authorization, secret, policy), authorization, address);
}

/** The subscriber behind an identity already verified from `authorization`. */
export function subscriberOf(identity: Identity | null, authorization: string | undefined, address: string): Subscriber {
  if (!identity || !authorization) return { identity: null, expiresAt: null, key: `address:${address}` };
  const { exp } = decodeJwt(authorization.replace(/^Bearer\s+/i, ''));
  return { identity, expiresAt: exp === undefined ? null : exp * 1000, key: `subject:${identity.subject}` };
}
