import {
  Kind,
  OperationTypeNode,
  getOperationAST,
  getVariableValues,
  parse,
  specifiedRules,
  validate,
  visit,
  type DocumentNode,
  type FieldNode,
  type FormattedExecutionResult,
  type GraphQLError,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValidationRule,
} from 'graphql';
import type { QueryLimits } from '../edge-settings';
import { queryLimitRules } from '../limits/query-limit-rules';
import { operationCost } from '../limits/query-cost';
import { queryLimitCodeOf } from '../limits/query-limit-error';

export type LiveOrderField = 'orderUpdated' | 'myOrderUpdates';

/** A subscription, checked, and turned into the query each of its messages runs. */
export interface LiveOrderOperation {
  field: LiveOrderField;
  /** The subscription as sent (the transports look at it), and where its answer goes in each message. */
  subscription: DocumentNode;
  responseKey: string;
  /** orderUpdated's order; null for myOrderUpdates, whose order is the one that changed. */
  orderId: string | null;
  /** The subscriber's selection under `Query.order`, answering under the subscription's response key. */
  query: DocumentNode;
  /** The subscriber's variables; for myOrderUpdates the order's id goes in ORDER_ID_VARIABLE. */
  variables: Record<string, unknown>;
  operationName: string | undefined;
}

/** The variable myOrderUpdates' query takes the changed order's id in; a subscriber may not declare it. */
export const ORDER_ID_VARIABLE = 'liveOrderId';

export interface SubscriptionRequest {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

type Refusal = FormattedExecutionResult & { errors: NonNullable<FormattedExecutionResult['errors']> };

export const refusal = (code: string, message: string): Refusal => ({ errors: [{ message, extensions: { code } }] });

const validationRefusal = (errors: readonly GraphQLError[]): Refusal => ({
  errors: errors.map((error) => ({
    message: error.message,
    ...(error.locations ? { locations: error.locations } : {}),
    extensions: { code: queryLimitCodeOf(error) ?? 'GRAPHQL_VALIDATION_FAILED' },
  })),
});

/**
 * Checks a subscription as the gateway checks a query (parsed within the token limit, validated
 * against the API schema with the depth, alias, directive and cost limits, variables coerced), and
 * rewrites `subscription { orderUpdated(id: …) { <selection> } }` into
 * `query { orderUpdated: order(id: …) { <selection> } }`, so each message is that query's answer.
 */
export class LiveOrderOperations {
  private readonly rules: readonly ValidationRule[];

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly limits: QueryLimits,
  ) {
    this.rules = [...specifiedRules, ...queryLimitRules(limits)];
  }

  prepare(request: SubscriptionRequest): LiveOrderOperation | Refusal {
    if (typeof request.query !== 'string' || request.query === '') return refusal('BAD_REQUEST', 'A subscription needs a "query" string.');
    if (request.variables != null && (typeof request.variables !== 'object' || Array.isArray(request.variables))) return refusal('BAD_REQUEST', '"variables" must be an object.');
    const operationName = typeof request.operationName === 'string' ? request.operationName : undefined;
    const variables = (request.variables ?? {}) as Record<string, unknown>;
    let document: DocumentNode;
    try {
      document = parse(request.query, { maxTokens: this.limits.maxTokens });
    } catch (error) {
      const message = (error as Error).message;
      const tooLong = queryLimitCodeOf(error);
      if (tooLong) return refusal(tooLong, `Token limit of ${this.limits.maxTokens} exceeded.`);
      return refusal('GRAPHQL_PARSE_FAILED', message);
    }
    const errors = validate(this.schema, document, this.rules);
    if (errors.length > 0) return validationRefusal(errors);
    const operation = getOperationAST(document, operationName);
    if (!operation) return refusal('BAD_REQUEST', 'Name the operation to run (operationName).');
    if (operation.operation !== OperationTypeNode.SUBSCRIPTION) {
      return refusal('BAD_REQUEST', 'Only subscriptions are served here: send queries and mutations as HTTP POST requests.');
    }
    const coerced = getVariableValues(this.schema, operation.variableDefinitions ?? [], variables);
    if (coerced.errors) return { errors: coerced.errors.map((error) => ({ message: error.message, extensions: { code: 'BAD_USER_INPUT' } })) };
    const cost = operationCost(this.schema, document, variables, operationName);
    if (cost > this.limits.maxCost) return refusal('QUERY_TOO_COSTLY', `Query cost limit of ${this.limits.maxCost} exceeded, found ${cost}.`);
    const [root] = operation.selectionSet.selections;
    if (root?.kind !== Kind.FIELD) return refusal('BAD_REQUEST', 'Select orderUpdated or myOrderUpdates directly, not through a fragment.');
    const field = root.name.value as LiveOrderField;
    if (field === 'myOrderUpdates' && operation.variableDefinitions?.some((definition) => definition.variable.name.value === ORDER_ID_VARIABLE)) {
      return refusal('BAD_REQUEST', `The variable $${ORDER_ID_VARIABLE} is reserved.`);
    }
    const orderId = field === 'orderUpdated' ? String(idArgument(root, coerced.coerced)) : null;
    const responseKey = root.alias?.value ?? field;
    return { field, subscription: document, responseKey, orderId, query: orderQuery(document, operation, root), variables, operationName };
  }
}

function idArgument(field: FieldNode, variables: Record<string, unknown>): unknown {
  const value = field.arguments?.find((argument) => argument.name.value === 'id')?.value;
  if (value?.kind === Kind.VARIABLE) return variables[value.name.value];
  return value && 'value' in value ? value.value : undefined;
}

function orderQuery(document: DocumentNode, operation: OperationDefinitionNode, root: FieldNode): DocumentNode {
  const byOrderId = root.name.value === 'myOrderUpdates';
  const field: FieldNode = {
    ...root,
    alias: root.alias ?? root.name,
    name: { kind: Kind.NAME, value: 'order' },
    arguments: byOrderId
      ? [{ kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'id' }, value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: ORDER_ID_VARIABLE } } }]
      : root.arguments ?? [],
  };
  const query: OperationDefinitionNode = {
    ...operation,
    operation: OperationTypeNode.QUERY,
    variableDefinitions: [
      ...(operation.variableDefinitions ?? []),
      ...(byOrderId
        ? [{
            kind: Kind.VARIABLE_DEFINITION,
            variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: ORDER_ID_VARIABLE } },
            type: { kind: Kind.NON_NULL_TYPE, type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'ID' } } },
          } as const]
        : []),
    ],
    selectionSet: { ...operation.selectionSet, selections: [field] },
  };
  return { kind: Kind.DOCUMENT, definitions: [query, ...fragmentsUsedBy(document, operation)] };
}

/** The fragments the operation spreads, directly or through other fragments (another operation's would fail validation as unused). */
function fragmentsUsedBy(document: DocumentNode, operation: OperationDefinitionNode): FragmentDefinitionNode[] {
  const fragments = new Map(document.definitions.flatMap((definition) => (definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition] as const] : [])));
  const used = new Set<string>();
  const collect = (node: OperationDefinitionNode | FragmentDefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const name = spread.name.value;
        const fragment = fragments.get(name);
        if (used.has(name) || !fragment) return;
        used.add(name);
        collect(fragment);
      },
    });
  collect(operation);
  return [...used].map((name) => fragments.get(name)!);
}
