import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse, print, visit, type DefinitionNode, type DocumentNode, type FragmentDefinitionNode } from 'graphql';

/** The operations the frontends ship, each by the sha256 of its printed document. */
export interface TrustedDocumentRegistry {
  byHash: ReadonlyMap<string, string>;
  documents: ReadonlySet<string>;
}

export function documentHash(document: string): string {
  return createHash('sha256').update(document).digest('hex');
}

function graphqlFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.graphql'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** An operation with the fragments it spreads, directly or through other fragments. */
function standalone(operation: DefinitionNode, fragments: Map<string, FragmentDefinitionNode>): DocumentNode {
  const needed = new Map<string, FragmentDefinitionNode>();
  const collect = (node: DefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const fragment = fragments.get(spread.name.value);
        if (fragment && !needed.has(spread.name.value)) {
          needed.set(spread.name.value, fragment);
          collect(fragment);
        }
      },
    });
  collect(operation);
  return { kind: Kind.DOCUMENT, definitions: [operation, ...needed.values()] };
}

/** Reads every `.graphql` file under `directory` (the repository's `clients/`). */
export function loadTrustedDocuments(directory: string): TrustedDocumentRegistry {
  const byHash = new Map<string, string>();
  for (const file of graphqlFiles(directory)) {
    const definitions = parse(readFileSync(file, 'utf8')).definitions;
    const fragments = new Map(definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
    for (const definition of definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
      const document = print(standalone(definition, fragments));
      byHash.set(documentHash(document), document);
    }
  }
  return { byHash, documents: new Set(byHash.values()) };
}
