import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * What a bounded context says about itself in `subgraphs/<name>/context.json`: the one place its
 * name and default port are written. Everything that needs the list of contexts reads these files
 * (never a context's code), so a new context is one new folder.
 */
export interface ContextDeclaration {
  /** Lower-case kebab case, the same as its folder. */
  name: string;
  /** Its subgraph's default port; composition reaches it at http://127.0.0.1:<port>/graphql. */
  port: number;
  /** It has an outbox relay. */
  publishes: boolean;
  /** It has `src/infrastructure/events/<name>-subscriptions.ts` exporting `subscriptions`. */
  consumes: boolean;
  /** It has `src/infrastructure/demo-data.ts` exporting `seedDemoData(databaseUrl, demo)`. */
  demoData: boolean;
}

/** The repository root: this file lives in packages/platform/src. */
const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..', '..');

export const CONTEXT_DECLARATION_FILE = 'context.json';
export const CONTEXT_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Where a context's declaration lives, relative to the repository root. */
export const contextDeclarationFile = (name: string): string => path.join('subgraphs', name, CONTEXT_DECLARATION_FILE);

/** The composition URL of a declared context: its default port on loopback. */
export const declaredSubgraphUrl = (context: Pick<ContextDeclaration, 'port'>): string => `http://127.0.0.1:${context.port}/graphql`;

/** Validates one parsed `context.json`; `folder` is the folder it was found in. */
export function parseContextDeclaration(value: unknown, folder: string): ContextDeclaration {
  const where = contextDeclarationFile(folder);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${where}: expected an object`);
  const { name, port, publishes, consumes, demoData, ...rest } = value as Record<string, unknown>;
  const unknownKeys = Object.keys(rest);
  if (unknownKeys.length > 0) throw new Error(`${where}: unknown field(s) ${unknownKeys.join(', ')}`);
  if (typeof name !== 'string' || !CONTEXT_NAME.test(name)) throw new Error(`${where}: "name" must be lower-case kebab case, got ${JSON.stringify(name)}`);
  if (name !== folder) throw new Error(`${where}: "name" is "${name}" but the folder is "${folder}"`);
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`${where}: "port" must be a port number, got ${JSON.stringify(port)}`);
  for (const [field, flag] of Object.entries({ publishes, consumes, demoData })) {
    if (typeof flag !== 'boolean') throw new Error(`${where}: "${field}" must be true or false, got ${JSON.stringify(flag)}`);
  }
  return { name, port, publishes: publishes as boolean, consumes: consumes as boolean, demoData: demoData as boolean };
}

/**
 * Every declared context, sorted by port: the folders of `subgraphs/` that hold a `context.json`.
 * Throws, naming the file, on a declaration that is malformed or on two contexts sharing a port.
 */
export function readContextDeclarations(root: string = REPOSITORY_ROOT): ContextDeclaration[] {
  const subgraphsDir = path.join(root, 'subgraphs');
  if (!existsSync(subgraphsDir)) return [];
  const declarations = readdirSync(subgraphsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(root, contextDeclarationFile(entry.name))))
    .map((entry) => {
      const file = path.join(root, contextDeclarationFile(entry.name));
      let parsed: unknown;
      try {
        parsed = JSON.parse(readFileSync(file, 'utf8'));
      } catch (error) {
        throw new Error(`${contextDeclarationFile(entry.name)}: ${error instanceof Error ? error.message : String(error)}`);
      }
      return parseContextDeclaration(parsed, entry.name);
    })
    .sort((a, b) => a.port - b.port || a.name.localeCompare(b.name));
  for (const [index, declaration] of declarations.entries()) {
    const previous = declarations[index - 1];
    if (previous?.port === declaration.port) throw new Error(`contexts ${previous.name} and ${declaration.name} both declare port ${declaration.port}`);
  }
  return declarations;
}
