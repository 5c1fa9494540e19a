import type { GraphQLSchema } from 'graphql';
import { Supergraph } from '@apollo/federation-internals';

/**
 * The schema clients see through the gateway: the supergraph without its join/link machinery and
 * without @inaccessible elements. Breaking changes are judged on this, never on the supergraph SDL,
 * so moving a field between subgraphs or hiding an internal one is not a change to clients.
 */
export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  return Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
}
