import { Kind, parse, type ConstDirectiveNode } from 'graphql';
import { contextEnvName } from '@storefront/platform';

/** A subgraph as the supergraph names it: composition writes each one's name and URL. */
export interface SupergraphSubgraph {
  name: string;
  url: string;
}

const stringArgument = (directive: ConstDirectiveNode, name: string): string | undefined => {
  const argument = directive.arguments?.find((candidate) => candidate.name.value === name);
  return argument?.value.kind === Kind.STRING ? argument.value.value : undefined;
};

/**
 * Every subgraph of a supergraph, from its `enum join__Graph { X @join__graph(name:, url:) }`.
 * The gateway serves whatever the supergraph names: it keeps no list of its own.
 */
export function supergraphSubgraphs(supergraphSdl: string): SupergraphSubgraph[] {
  const subgraphs: SupergraphSubgraph[] = [];
  for (const definition of parse(supergraphSdl).definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== 'join__Graph') continue;
    for (const value of definition.values ?? []) {
      const joinGraph = value.directives?.find((directive) => directive.name.value === 'join__graph');
      const name = joinGraph && stringArgument(joinGraph, 'name');
      const url = joinGraph && stringArgument(joinGraph, 'url');
      if (!name || url === undefined) throw new Error(`The supergraph's join__Graph value ${value.name.value} has no @join__graph(name:, url:)`);
      subgraphs.push({ name, url });
    }
  }
  if (subgraphs.length === 0) throw new Error('The supergraph names no subgraph (no join__Graph enum): is it a composed supergraph?');
  return subgraphs;
}

/** The URLs set by `<NAME>_URL` (upper case, '-' as '_') for the subgraphs a supergraph names. */
export function subgraphUrlsFromEnv(subgraphs: readonly SupergraphSubgraph[], env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    subgraphs.flatMap(({ name }) => {
      const url = env[`${contextEnvName(name)}_URL`];
      return url ? [[name, url]] : [];
    }),
  );
}

/** Where the gateway calls each subgraph: the URL given for it, else the one composition wrote. */
export function resolveSubgraphUrls(subgraphs: readonly SupergraphSubgraph[], given: Readonly<Record<string, string>> = {}): Record<string, string> {
  return Object.fromEntries(subgraphs.map(({ name, url }) => [name, given[name] ?? url]));
}
