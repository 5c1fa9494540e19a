import { GraphQLError } from 'graphql';

/** The stable codes of refused queries (README, "Security model"); all answered with HTTP 400. */
export const QUERY_LIMIT_CODES = ['QUERY_TOO_DEEP', 'TOO_MANY_ALIASES', 'TOO_MANY_TOKENS', 'TOO_MANY_DIRECTIVES', 'QUERY_TOO_COSTLY'] as const;
export type QueryLimitCode = (typeof QUERY_LIMIT_CODES)[number];

export function queryLimitError(code: QueryLimitCode, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: 400 } } });
}

const codes = new Set<string>(QUERY_LIMIT_CODES);

/**
 * Apollo Server re-codes every validation error as GRAPHQL_VALIDATION_FAILED and every parse error
 * as GRAPHQL_PARSE_FAILED; this finds the limit behind such an error, if there is one. The token
 * limit is graphql-js's own parser option, recognised by its message.
 */
export function queryLimitCodeOf(error: unknown): QueryLimitCode | undefined {
  if (!(error instanceof GraphQLError)) return undefined;
  for (const candidate of [error, error.originalError]) {
    const code = candidate instanceof GraphQLError ? candidate.extensions.code : undefined;
    if (typeof code === 'string' && codes.has(code)) return code as QueryLimitCode;
  }
  if (/Document contains more tha[nt] \d+ tokens/.test(error.message)) return 'TOO_MANY_TOKENS';
  return undefined;
}
