import { GraphQLError } from 'graphql';

/** An expected failure, returned in a mutation payload's `errors` rather than thrown. */
export interface UserError {
  code: string;
  message: string;
  field?: string | null;
}

export function badUserInput(message: string, field?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...(field ? { field } : {}) } });
}
