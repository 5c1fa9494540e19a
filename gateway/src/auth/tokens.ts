import { SignJWT, jwtVerify, errors } from 'jose';
import { GraphQLError } from 'graphql';
import type { Identity, TokenPayload } from '@storefront/platform';

const ALGORITHM = 'HS256';

/** A caller whose token verified: who they are, and the token's payload, which the gateway forwards signed. */
export interface VerifiedIdentity extends Identity {
  token: TokenPayload;
}

/** What a token must satisfy besides its HS256 signature and expiry. */
export interface TokenPolicy {
  issuer?: string;
  audience?: string;
}

function key(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

/** Issues a signed token for local use and tests (the product does not log people in itself). */
export async function issueToken(secret: string, subject: string, roles: readonly string[], expiresIn = '8h', policy: TokenPolicy = {}): Promise<string> {
  const token = new SignJWT({ roles: [...roles] })
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setSubject(subject)
    .setIssuedAt()
    .setExpirationTime(expiresIn);
  if (policy.issuer) token.setIssuer(policy.issuer);
  if (policy.audience) token.setAudience(policy.audience);
  return token.sign(key(secret));
}

export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

/**
 * Reads `Authorization: Bearer <JWT>`. No header means an anonymous caller; a header that does not
 * verify (bad signature, other algorithm, expired, not yet valid, wrong issuer or audience,
 * malformed) is refused rather than ignored.
 */
export async function identityFromAuthorization(header: string | undefined, secret: string, policy: TokenPolicy = {}): Promise<VerifiedIdentity | null> {
  if (header === undefined || header === '') return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw unauthenticated('The Authorization header must be "Bearer <token>".');
  try {
    const { payload } = await jwtVerify(match[1], key(secret), {
      algorithms: [ALGORITHM],
      requiredClaims: ['sub', 'exp'],
      ...(policy.issuer ? { issuer: policy.issuer } : {}),
      ...(policy.audience ? { audience: policy.audience } : {}),
    });
    const roles = Array.isArray(payload.roles) ? payload.roles.filter((role): role is string => typeof role === 'string') : [];
    return { subject: payload.sub as string, roles, token: payload };
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw unauthenticated('The token has expired.');
    if (error instanceof errors.JWTClaimValidationFailed && (error.claim === 'iss' || error.claim === 'aud')) {
      throw unauthenticated(`The token was not issued for this storefront (${error.claim}).`);
    }
    throw unauthenticated('The token is not valid.');
  }
}
