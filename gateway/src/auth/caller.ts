import type { Request, RequestHandler, Response } from 'express';
import type { GraphQLError } from 'graphql';
import { identityFromAuthorization, type TokenPolicy, type VerifiedIdentity } from './tokens';

/** Who sent a request: the verified identity, or why its token was refused, and where it came from. */
export interface Caller {
  identity: VerifiedIdentity | null;
  refusal: GraphQLError | null;
  address: string;
}

/**
 * Verifies the token once per request, before anything else looks at it (the rate limiter keys on
 * the subject, the GraphQL context refuses with the refusal), and keeps the verdict on `res.locals`.
 */
export function identifyCaller(secret: string, policy: TokenPolicy): RequestHandler {
  return async (req, res, next) => {
    const address = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    try {
      const identity = await identityFromAuthorization(req.headers.authorization, secret, policy);
      res.locals.caller = { identity, refusal: null, address } satisfies Caller;
    } catch (error) {
      res.locals.caller = { identity: null, refusal: error as GraphQLError, address } satisfies Caller;
    }
    next();
  };
}

export function callerOf(res: Response): Caller {
  return res.locals.caller as Caller;
}

/** The rate limiter's key: the token's subject when it verified, otherwise the client address. */
export function callerKey(_req: Request, res: Response): string {
  const caller = callerOf(res);
  return caller.identity ? `subject:${caller.identity.subject}` : `address:${caller.address}`;
}
