import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from '@storefront/platform';
import { QUERY_LIMIT_CODES, queryLimitCodeOf } from '../limits/query-limit-error';

/** Codes whose message is meant for the caller; everything else is masked. */
const EXPECTED_CODES = new Set<string>([
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_NOT_TRUSTED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'SUBGRAPH_UNAVAILABLE',
  'SUBGRAPH_TIMEOUT',
  ...QUERY_LIMIT_CODES,
]);

/** graphql-js words its token limit as a syntax error; say it like the other limits. */
const limitMessage = (message: string) => message.replace(/^Syntax Error: Document contains more tha[nt] (\d+) tokens\. Parsing aborted\.$/, 'Token limit of $1 exceeded.');

/** Apollo Server refuses some malformed requests with an uncoded error and a 4xx status. */
const isClientError = (error: unknown): boolean => {
  const status = error instanceof GraphQLError ? (error.extensions.http as { status?: number } | undefined)?.status : undefined;
  return status !== undefined && status >= 400 && status < 500;
};

export const MASKED_MESSAGE = 'Internal error: the failure was logged.';

/**
 * The gateway's last word on every error: a refused query gets its limit's code, expected errors
 * keep their message, and anything else (a fault here or a subgraph's) is logged and shown only as
 * INTERNAL_SERVER_ERROR, with no message, stack or SQL from inside.
 */
export function gatewayErrorFormat(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const limit = queryLimitCodeOf(unwrapResolverError(error));
    if (limit) return { message: limitMessage(formatted.message), extensions: { code: limit } };
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && EXPECTED_CODES.has(code)) return formatted;
    if (code === undefined && isClientError(error)) return { message: formatted.message, extensions: { code: 'BAD_REQUEST' } };
    log.error(`unexpected error at ${formatted.path?.join('.') ?? '(no path)'}`, unwrapResolverError(error));
    return {
      message: MASKED_MESSAGE,
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
