import { GraphQLError } from 'graphql';
import type { Identity } from './identity';

/** An expected failure, returned in a mutation payload's `errors` rather than thrown. */
export interface UserError {
  code: string;
  message: string;
  field?: string | null;
}

export function badUserInput(message: string, field?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...(field ? { field } : {}) } });
}

export function requireRole(identity: Identity | null, role: string): Identity {
  if (!identity) {
    throw new GraphQLError('You must be signed in to do this.', { extensions: { code: 'UNAUTHENTICATED' } });
  }
  if (!identity.roles.includes(role)) {
    throw new GraphQLError(`This needs the role "${role}".`, { extensions: { code: 'FORBIDDEN' } });
  }
  return identity;
}
