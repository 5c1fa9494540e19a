import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  GraphQLError,
  Kind,
  parse,
  Source,
  visit,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';
import type { Finding, OperationRef } from './findings';

export const CLIENTS_DIR = 'clients';

/** One operation of a client, as a document with the fragments it needs, ready to validate alone. */
export interface ClientOperation extends OperationRef {
  document: DocumentNode;
}

function graphqlFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return graphqlFiles(full);
    return /\.(graphql|gql)$/.test(entry.name) ? [full] : [];
  });
}

function spreadNames(node: OperationDefinitionNode | FragmentDefinitionNode): string[] {
  const names: string[] = [];
  visit(node, { FragmentSpread: (spread) => void names.push(spread.name.value) });
  return names;
}

/** The operation and, transitively, every fragment it spreads; unknown fragments are left to validation. */
function withFragments(operation: OperationDefinitionNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): DocumentNode {
  const needed = new Map<string, FragmentDefinitionNode>();
  const pending = spreadNames(operation);
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    const fragment = fragments.get(name);
    if (!fragment || needed.has(name)) continue;
    needed.set(name, fragment);
    pending.push(...spreadNames(fragment));
  }
  return { kind: Kind.DOCUMENT, definitions: [operation, ...needed.values()] };
}

/**
 * Every operation under clients/<client>/ (any depth). Fragments are shared within a client, as a
 * code generator would see them; a file that does not parse is an error finding, not a throw.
 */
export function loadClientOperations(root: string): { operations: ClientOperation[]; problems: Finding[] } {
  const operations: ClientOperation[] = [];
  const problems: Finding[] = [];
  const clientsDir = path.join(root, CLIENTS_DIR);
  if (!existsSync(clientsDir)) return { operations, problems };
  const clients = readdirSync(clientsDir, { withFileTypes: true }).filter((entry) => entry.isDirectory());
  for (const client of clients.map((entry) => entry.name).sort()) {
    const fragments = new Map<string, FragmentDefinitionNode>();
    const found: { file: string; operation: OperationDefinitionNode }[] = [];
    for (const full of graphqlFiles(path.join(clientsDir, client)).sort()) {
      const file = path.relative(root, full);
      try {
        for (const definition of parse(new Source(readFileSync(full, 'utf8'), file)).definitions) {
          if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
          if (definition.kind === Kind.OPERATION_DEFINITION) found.push({ file, operation: definition });
        }
      } catch (error) {
        if (!(error instanceof GraphQLError)) throw error;
        const line = error.locations?.[0]?.line;
        problems.push({ check: 'operations', severity: 'error', code: 'INVALID_GRAPHQL_SYNTAX', message: error.message, locations: [line ? `${file}:${line}` : file] });
      }
    }
    for (const { file, operation } of found) {
      const name = operation.name?.value ?? `(anonymous ${operation.operation})`;
      operations.push({ client, file, name, document: withFragments(operation, fragments) });
    }
  }
  return { operations, problems };
}

export const operationRef = ({ client, file, name }: OperationRef): OperationRef => ({ client, file, name });
