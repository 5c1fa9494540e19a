import {
  getNamedType,
  isAbstractType,
  isCompositeType,
  Kind,
  valueFromASTUntyped,
  type ConstDirectiveNode,
  type DocumentNode,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';

/** How long, and for whom, an answer may be kept: Apollo's cache hint. */
export interface CacheHint {
  maxAge?: number;
  scope?: 'PUBLIC' | 'PRIVATE';
}

interface Annotation extends CacheHint {
  inheritMaxAge?: boolean;
}

/** The shorter max-age and the narrower scope of the two. */
function restrict(policy: CacheHint, hint: CacheHint): void {
  if (hint.maxAge !== undefined && (policy.maxAge === undefined || hint.maxAge < policy.maxAge)) policy.maxAge = hint.maxAge;
  if (hint.scope !== undefined && policy.scope !== 'PRIVATE') policy.scope = hint.scope;
}

function annotationOf(directives: readonly ConstDirectiveNode[] | undefined): Annotation | undefined {
  const directive = directives?.find((d) => d.name.value === 'cacheControl');
  if (!directive) return undefined;
  const argument = (name: string) => directive.arguments?.find((a) => a.name.value === name)?.value;
  const maxAge = argument('maxAge');
  const scope = argument('scope');
  const inherit = argument('inheritMaxAge');
  const scopeValue = scope?.kind === Kind.ENUM && (scope.value === 'PUBLIC' || scope.value === 'PRIVATE') ? scope.value : undefined;
  if (inherit?.kind === Kind.BOOLEAN && inherit.value) return { inheritMaxAge: true, ...(scopeValue ? { scope: scopeValue } : {}) };
  return { ...(maxAge?.kind === Kind.INT ? { maxAge: parseInt(maxAge.value, 10) } : {}), ...(scopeValue ? { scope: scopeValue } : {}) };
}

const typeAnnotation = (type: GraphQLNamedType): Annotation =>
  annotationOf(type.astNode?.directives) ?? type.extensionASTNodes.map((node) => annotationOf(node.directives)).find(Boolean) ?? {};

/**
 * One field's hint, by Apollo's cache-control rules: its type's hint, replaced by the field's own;
 * a field of an object type without a hint, or a root field without one, allows no caching
 * (unless its type or itself inherits its parent's max-age).
 */
function fieldHint(field: GraphQLField<unknown, unknown>, root: boolean): CacheHint {
  const hint: CacheHint = {};
  const target = getNamedType(field.type);
  let inherit = false;
  if (isCompositeType(target)) {
    const fromType = typeAnnotation(target);
    Object.assign(hint, fromType.maxAge !== undefined ? { maxAge: fromType.maxAge } : {}, fromType.scope ? { scope: fromType.scope } : {});
    inherit = !!fromType.inheritMaxAge;
  }
  const own = annotationOf(field.astNode?.directives) ?? {};
  if (own.inheritMaxAge && hint.maxAge === undefined) {
    inherit = true;
    if (own.scope) hint.scope = own.scope;
  } else {
    if (own.maxAge !== undefined) hint.maxAge = own.maxAge;
    if (own.scope) hint.scope = own.scope;
  }
  if (hint.maxAge === undefined && ((isCompositeType(target) && !inherit) || root)) restrict(hint, { maxAge: 0 });
  return hint;
}

/** Every field the operation can reach, fragments included, and the hint each allows. */
function documentHint(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): CacheHint {
  const policy: CacheHint = {};
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const visit = (parent: GraphQLCompositeType, selections: SelectionSetNode, root: boolean, seen: Set<string>) => {
    for (const selection of selections.selections) {
      if (selection.kind === Kind.FIELD) visitField(parent, selection, root, seen);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) as GraphQLCompositeType) : parent, selection.selectionSet, root, seen);
      else if (!seen.has(selection.name.value)) {
        const fragment = fragments.get(selection.name.value);
        if (fragment) visit(schema.getType(fragment.typeCondition.name.value) as GraphQLCompositeType, fragment.selectionSet, root, new Set([...seen, selection.name.value]));
      }
    }
  };
  const visitField = (parent: GraphQLCompositeType, node: FieldNode, root: boolean, seen: Set<string>) => {
    const name = node.name.value;
    if (name === '__typename') return; // answered by graphql-js itself, never hinted
    // `_entities` itself is hinted per request, by the entity types asked for (entitiesHint); its fields here.
    const entities = root && name === '_entities' ? schema.getType('_Entity') : undefined;
    if (entities && isCompositeType(entities)) {
      if (node.selectionSet) visit(entities, node.selectionSet, false, seen);
      return;
    }
    // A field of an interface or union is resolved on one of its object types: the strictest of them counts.
    const owners = isAbstractType(parent) ? schema.getPossibleTypes(parent) : [parent];
    for (const owner of owners) {
      const field = 'getFields' in owner ? owner.getFields()[name] : undefined;
      if (!field) {
        restrict(policy, { maxAge: 0 }); // introspection, or a field graphql-js will refuse
        continue;
      }
      restrict(policy, fieldHint(field, root));
      const target = getNamedType(field.type);
      if (node.selectionSet && isCompositeType(target)) visit(target, node.selectionSet, false, seen);
    }
  };
  const rootType = schema.getRootType(operation.operation);
  if (!rootType) return { maxAge: 0 };
  visit(rootType, operation.selectionSet, true, new Set());
  return policy;
}

/** The operation's `_entities` fields (a subgraph's entity fetch from the gateway). */
const entityFields = (operation: OperationDefinitionNode): FieldNode[] =>
  operation.selectionSet.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === '_entities');

/**
 * `_entities` as @apollo/subgraph hints it: the hint of every entity type the request's
 * representations name, and no caching when they name none (a root field without a hint).
 */
function entitiesHint(schema: GraphQLSchema, field: FieldNode, variables: Record<string, unknown>): CacheHint {
  const argument = field.arguments?.find((a) => a.name.value === 'representations')?.value;
  const representations = argument ? valueFromASTUntyped(argument, variables) : undefined;
  const hint: CacheHint = {};
  const typenames = new Set<string>();
  if (Array.isArray(representations)) for (const reference of representations) typenames.add(String((reference as { __typename?: unknown })?.__typename));
  for (const typename of typenames) {
    const type = schema.getType(typename);
    if (type) restrict(hint, typeAnnotation(type));
  }
  if (hint.maxAge === undefined) restrict(hint, { maxAge: 0 });
  return hint;
}

/**
 * Apollo Server's cache-control plugin computes the response's cache policy with a hook on every
 * resolved field (which also wraps every resolver of the schema). A subgraph's policy depends on
 * the operation's fields and, for `_entities`, on the entity types asked for, so this computes it
 * once per operation document and reads the types from the request: the same Cache-Control header,
 * with no per-field work. Where the two could differ it is stricter: a field under a null parent,
 * or behind @skip, still counts here. Resolvers here set no dynamic hints; one that must would need
 * Apollo's plugin back.
 */
export function operationCachePolicy(): ApolloServerPlugin<BaseContext> {
  const byOperation = new WeakMap<OperationDefinitionNode, CacheHint>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, overallCachePolicy }) {
          if (!operation) return;
          let hint = byOperation.get(operation);
          if (!hint) byOperation.set(operation, (hint = documentHint(schema, document, operation)));
          overallCachePolicy.restrict(hint);
          for (const entities of entityFields(operation)) overallCachePolicy.restrict(entitiesHint(schema, entities, request.variables ?? {}));
        },
        async willSendResponse({ response, overallCachePolicy }) {
          const cacheable = overallCachePolicy.policyIfCacheable();
          const clean = response.body.kind === 'single' && !response.body.singleResult.errors;
          response.http.headers.set('cache-control', cacheable && clean ? `max-age=${cacheable.maxAge}, ${cacheable.scope.toLowerCase()}` : 'no-store');
        },
      };
    },
  };
}
