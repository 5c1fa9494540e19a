import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { composeServices } from '@apollo/composition';

/** A subgraph as composition sees it: its name, where the gateway reaches it, and its SDL file. */
export interface SubgraphSource {
  name: string;
  url: string;
  sdlPath: string;
}

export const SUBGRAPH_SOURCES: readonly Omit<SubgraphSource, 'sdlPath'>[] = [
  { name: 'catalog', url: 'http://127.0.0.1:4001/graphql' },
  { name: 'inventory', url: 'http://127.0.0.1:4002/graphql' },
  { name: 'shipping', url: 'http://127.0.0.1:4005/graphql' },
];

export function subgraphSources(root: string): SubgraphSource[] {
  return SUBGRAPH_SOURCES.map((source) => ({
    ...source,
    sdlPath: path.join(root, 'subgraphs', source.name, 'src', 'graphql', 'schema.graphql'),
  }));
}

export interface CompositionIssue {
  code: string;
  message: string;
}

export type CompositionOutcome =
  | { ok: true; supergraphSdl: string; hints: CompositionIssue[] }
  | { ok: false; errors: CompositionIssue[]; hints: CompositionIssue[] };

/** Composes the subgraphs' SDL into a supergraph with Apollo's own composition (no network). */
export function composeSupergraph(sources: readonly SubgraphSource[]): CompositionOutcome {
  const result = composeServices(
    sources.map((source) => ({ name: source.name, url: source.url, typeDefs: parse(readFileSync(source.sdlPath, 'utf8')) })),
  );
  const hints = (result.hints ?? []).map((hint) => ({ code: hint.definition.code, message: hint.message }));
  if (result.errors || !result.supergraphSdl) {
    return {
      ok: false,
      hints,
      errors: (result.errors ?? []).map((error) => ({ code: String(error.extensions.code ?? 'COMPOSITION_ERROR'), message: error.message })),
    };
  }
  return { ok: true, supergraphSdl: result.supergraphSdl, hints };
}
