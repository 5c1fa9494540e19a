import type { GraphQLError, ValidationContext, ValidationRule } from 'graphql';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { QueryLimits } from '../edge-settings';
import { queryLimitError, type QueryLimitCode } from './query-limit-error';

/** Reports a refusal as a validation error with our code (instead of throwing, which would be a 500). */
function reportAs(code: QueryLimitCode) {
  return {
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => {
        context?.reportError(queryLimitError(code, error.message.replace(/^Syntax Error: /, '')));
      },
    ],
  };
}

/**
 * Depth, aliases and directives, counted by graphql-armor while the document is validated, so a
 * refused query never reaches the query planner. Apollo caches a document only once it has passed.
 */
export function queryLimitRules(limits: QueryLimits): ValidationRule[] {
  return [
    maxDepthRule({ n: limits.maxDepth, ...reportAs('QUERY_TOO_DEEP') }),
    maxAliasesRule({ n: limits.maxAliases, ...reportAs('TOO_MANY_ALIASES') }),
    maxDirectivesRule({ n: limits.maxDirectives, ...reportAs('TOO_MANY_DIRECTIVES') }),
  ];
}
