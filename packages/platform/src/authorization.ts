import { GraphQLError } from 'graphql';
import type { Identity } from './identity';

export function requireRole(identity: Identity | null, role: string): Identity {
  if (!identity) {
    throw new GraphQLError('You must be signed in to do this.', { extensions: { code: 'UNAUTHENTICATED' } });
  }
  if (!identity.roles.includes(role)) {
    throw new GraphQLError(`This needs the role "${role}".`, { extensions: { code: 'FORBIDDEN' } });
  }
  return identity;
}

/**
 * Whether the caller may see or act on what belongs to a customer: that customer themself (a
 * customer's subject is their customer id) or an admin. Everyone else is told nothing, not even
 * that it exists.
 */
export function mayActFor(identity: Identity | null, customerId: string): boolean {
  return identity !== null && (identity.subject === customerId || identity.roles.includes('admin'));
}
