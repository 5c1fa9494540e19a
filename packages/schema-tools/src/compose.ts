import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { GraphQLError, parse, Source, type DocumentNode } from 'graphql';
import { composeServices } from '@apollo/composition';
import { declaredSubgraphUrl, readContextDeclarations } from '@storefront/platform';
import { describeNodes, type IssueNode } from './locate';

/** A subgraph as composition sees it: its name, where the gateway reaches it, and its SDL file. */
export interface SubgraphSource {
  name: string;
  url: string;
  sdlPath: string;
}

export type SubgraphEndpoint = Omit<SubgraphSource, 'sdlPath'>;

/** Every declared context (`subgraphs/<name>/context.json`) in the repository at `root`, at its declared port. */
export function declaredSubgraphs(root?: string): SubgraphEndpoint[] {
  return readContextDeclarations(root).map((context) => ({ name: context.name, url: declaredSubgraphUrl(context) }));
}

/** The composed supergraph the gateway serves, committed, relative to the repository root. */
export const SUPERGRAPH_FILE = path.join('gateway', 'supergraph.graphql');

/** Where a subgraph's SDL lives, relative to the repository root. */
export const subgraphSdlFile = (name: string): string => path.join('subgraphs', name, 'src', 'graphql', 'schema.graphql');

export function subgraphSources(root: string, endpoints: readonly SubgraphEndpoint[] = declaredSubgraphs(root)): SubgraphSource[] {
  return endpoints.map((source) => ({ ...source, sdlPath: path.join(root, subgraphSdlFile(source.name)) }));
}

/**
 * An error or hint of composition, with what a subgraph team needs to find it: the subgraphs, the
 * types or fields (schema coordinates) and the SDL lines involved.
 */
export interface CompositionIssue {
  code: string;
  message: string;
  subgraphs: string[];
  coordinates: string[];
  locations: string[];
}

export type CompositionOutcome =
  | { ok: true; supergraphSdl: string; hints: CompositionIssue[] }
  | { ok: false; errors: CompositionIssue[]; hints: CompositionIssue[] };

interface ParsedSubgraph {
  name: string;
  url: string;
  file: string;
  document: DocumentNode;
}

/** Reads and parses every subgraph's SDL; a missing file or a syntax error is an issue, not a throw. */
function parseSubgraphs(root: string, sources: readonly SubgraphSource[]): { parsed: ParsedSubgraph[]; errors: CompositionIssue[] } {
  const parsed: ParsedSubgraph[] = [];
  const errors: CompositionIssue[] = [];
  for (const source of sources) {
    const file = path.relative(root, source.sdlPath);
    const issue = { subgraphs: [source.name], coordinates: [], locations: [file] };
    if (!existsSync(source.sdlPath)) {
      errors.push({ ...issue, code: 'SDL_NOT_FOUND', message: `[${source.name}] ${file} does not exist` });
      continue;
    }
    try {
      // The file name travels with every AST node, so errors can point at file:line.
      parsed.push({ ...source, file, document: parse(new Source(readFileSync(source.sdlPath, 'utf8'), file)) });
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      const line = error.locations?.[0]?.line;
      errors.push({ ...issue, code: 'INVALID_GRAPHQL_SYNTAX', message: `[${source.name}] ${error.message}`, locations: [line ? `${file}:${line}` : file] });
    }
  }
  return { parsed, errors };
}

/**
 * Composes the subgraphs' SDL into a supergraph with Apollo's own composition (no network).
 * `root` only makes the file names in issues relative; it defaults to the working directory.
 */
export function composeSupergraph(sources: readonly SubgraphSource[], root = process.cwd()): CompositionOutcome {
  const { parsed, errors: parseErrors } = parseSubgraphs(root, sources);
  if (parseErrors.length > 0) return { ok: false, errors: parseErrors, hints: [] };
  const documents = new Map(parsed.map((subgraph) => [subgraph.name, subgraph.document]));
  const result = composeServices(parsed.map((subgraph) => ({ name: subgraph.name, url: subgraph.url, typeDefs: subgraph.document })));

  const hints = (result.hints ?? []).map((hint) => {
    const described = describeNodes((hint.nodes ?? []) as readonly IssueNode[], documents);
    const coordinates = hint.coordinate ? [hint.coordinate] : described.coordinates;
    return { code: hint.definition.code, message: hint.message, ...described, coordinates };
  });
  if (result.errors || !result.supergraphSdl) {
    const errors = (result.errors ?? []).map((error) => ({
      code: String(error.extensions.code ?? 'COMPOSITION_ERROR'),
      message: error.message,
      ...describeNodes((error.nodes ?? []) as readonly IssueNode[], documents, error.message),
    }));
    return { ok: false, errors, hints };
  }
  return { ok: true, supergraphSdl: result.supergraphSdl, hints };
}

/**
 * One composition error or hint: its code with the coordinates and subgraphs involved, then the
 * message, then the SDL lines. `full: false` keeps only the message's first line (long hints).
 */
export function compositionIssueLines(issue: CompositionIssue, full = true): string[] {
  const where = [issue.coordinates.join(', '), issue.subgraphs.length > 0 ? `[subgraphs: ${issue.subgraphs.join(', ')}]` : ''].filter(Boolean).join(' ');
  const message = full ? issue.message.split('\n') : [issue.message.split('\n')[0] ?? ''];
  const lines = [`${issue.code}${where ? ` ${where}` : ''}`, ...message];
  if (issue.locations.length > 0) lines.push(`at ${issue.locations.join(', ')}`);
  return lines;
}

/** The committed form of a supergraph: exactly one trailing newline. */
export const supergraphFileText = (sdl: string): string => `${sdl.trimEnd()}\n`;
