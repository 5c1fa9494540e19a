import { Kind, visit, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { queryLimitError } from './query-limit-error';

/** A field with `first` (or `last`) returns up to that many items: its selection costs that many times. */
const pageSizeEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const size = typeof args.first === 'number' ? args.first : typeof args.last === 'number' ? args.last : undefined;
  if (size === undefined) return undefined;
  return 1 + Math.max(0, size) * childComplexity;
};

const estimators = [pageSizeEstimator, simpleEstimator({ defaultComplexity: 1 })];

/**
 * The cost of one operation with its variables: each field 1 plus its selection, a page of
 * `first: n` n times its selection (argument defaults apply: `products` without `first` is 20).
 * Throws when the document expands (through fragments) past graphql-query-complexity's node cap.
 */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> = {}, operationName?: string): number {
  return getComplexity({ schema, query: document, variables, estimators, ...(operationName ? { operationName } : {}) });
}

const TOO_MANY_NODES = /maximum allowed number of nodes/;
const COSTS_KEPT_PER_DOCUMENT = 1000;

/**
 * The variables a document's cost can depend on: those given to a `first` or `last` argument or to
 * a directive (@skip, @include). Any other variable (an id, a country) leaves the cost as it is.
 */
function costVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  let inDirective = 0;
  visit(document, {
    Directive: { enter: () => void (inDirective += 1), leave: () => void (inDirective -= 1) },
    Argument(node) {
      if (node.value.kind === Kind.VARIABLE && (inDirective > 0 || node.name.value === 'first' || node.name.value === 'last')) names.add(node.value.name.value);
    },
  });
  return [...names].sort();
}

/**
 * Costs already computed, by document (Apollo hands every request of one query string the same
 * parsed document) and by the operation and the variables its cost depends on: a query's cost is
 * computed once, not on every request (it walks the whole document with the schema's types).
 */
export class KnownCosts {
  constructor(private readonly compute: typeof operationCost = operationCost) {}

  private readonly byDocument = new WeakMap<DocumentNode, { variables: string[]; costs: Map<string, number> }>();

  cost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, operationName: string | undefined): number {
    let known = this.byDocument.get(document);
    if (!known) this.byDocument.set(document, (known = { variables: costVariables(document), costs: new Map() }));
    // An absent variable (its default applies) and one given as null cost differently: both are in the key.
    const key = JSON.stringify([operationName ?? null, ...known.variables.map((name) => (name in variables ? [variables[name]] : []))]);
    let cost = known.costs.get(key);
    if (cost === undefined) {
      cost = this.compute(schema, document, variables, operationName);
      if (known.costs.size >= COSTS_KEPT_PER_DOCUMENT) known.costs.clear();
      known.costs.set(key, cost);
    }
    return cost;
  }
}

/**
 * Refuses an operation whose cost is above `maxCost` once its variables are known, before the
 * query is planned or any subgraph is called. Variables that do not fit their types are left to
 * execution, which answers them with BAD_USER_INPUT.
 */
export function queryCostPlugin(maxCost: number, known = new KnownCosts()): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operation, operationName }) {
          if (!operation) return;
          let cost: number;
          try {
            cost = known.cost(schema, document, request.variables ?? {}, operationName ?? undefined);
          } catch (error) {
            if (TOO_MANY_NODES.test((error as Error).message)) throw queryLimitError('QUERY_TOO_COSTLY', 'The query expands to too many fields.');
            return;
          }
          if (cost > maxCost) throw queryLimitError('QUERY_TOO_COSTLY', `Query cost limit of ${maxCost} exceeded, found ${cost}.`);
        },
      };
    },
  };
}
