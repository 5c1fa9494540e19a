import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse } from 'graphql';
import { CONTEXT_NAME, contextEnvName, readContextDeclarations } from '@storefront/platform';
import { generateResolverTypes, resolverTypesFile } from '@storefront/schema-tools';

/** The template: the files of a new context, with `{{placeholders}}` in their paths and contents. */
const TEMPLATE_DIR = path.join(__dirname, 'template');
const TEMPLATE_SUFFIX = '.tmpl';

/** What the template's code needs at run time, at the versions the existing contexts use. */
const DEPENDENCIES = ['@prisma/adapter-pg', '@prisma/client', '@storefront/events', '@storefront/kernel', '@storefront/messaging', '@storefront/platform', 'graphql'];

/** Names the gateway's process and environment already use. */
const RESERVED = new Set(['gateway']);

export class RefusedContextName extends Error {
  override name = 'RefusedContextName';
}

const pascal = (kebab: string) => kebab.split('-').map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
const camel = (kebab: string) => pascal(kebab).charAt(0).toLowerCase() + pascal(kebab).slice(1);

/** Naive English singular of a kebab-case name's last word: reviews -> review, categories -> category, gift-cards -> gift-card. */
export function singular(kebab: string): string {
  const words = kebab.split('-');
  const last = words.pop()!;
  const one = last.endsWith('ies') ? `${last.slice(0, -3)}y` : /(ss|x|z|ch|sh)es$/.test(last) ? last.slice(0, -2) : /[^s]s$/.test(last) ? last.slice(0, -1) : last;
  return [...words, one].join('-');
}

/** Every placeholder of the template, for one new context. */
export function placeholders(name: string, port: number, dependencies: Record<string, string>, now: Date) {
  const aggregate = singular(name);
  const stamp = now.toISOString().replace(/\D/g, '').slice(0, 14);
  return {
    name,
    Context: pascal(name),
    context: camel(name),
    CONTEXT: contextEnvName(name),
    table: name.replace(/-/g, '_'),
    aggregate,
    Aggregate: pascal(aggregate),
    aggregateVar: camel(aggregate),
    aggregateWords: aggregate.replace(/-/g, ' '),
    port: String(port),
    migration: `${stamp}_init`,
    dependencies: JSON.stringify(dependencies, null, 4).replace(/\n}$/, '\n  }'),
  };
}

function render(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (match, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`The template uses an unknown placeholder ${match}`);
    return value;
  });
}

function templateFiles(dir: string = TEMPLATE_DIR): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? templateFiles(full) : full.endsWith(TEMPLATE_SUFFIX) ? [full] : [];
  });
}

/** The versions of DEPENDENCIES that the existing contexts' package.json files use. */
function dependencyVersions(root: string): Record<string, string> {
  const used = new Map<string, string>();
  for (const { name } of readContextDeclarations(root)) {
    const manifest = JSON.parse(readFileSync(path.join(root, 'subgraphs', name, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    for (const [dependency, version] of Object.entries(manifest.dependencies ?? {})) if (!used.has(dependency)) used.set(dependency, version);
  }
  return Object.fromEntries(
    DEPENDENCIES.map((dependency) => {
      const version = used.get(dependency);
      if (!version) throw new Error(`No existing context depends on ${dependency}: the template cannot pick its version`);
      return [dependency, version];
    }),
  );
}

/** Types and root fields the supergraph already has: a new context must not define them again. */
function supergraphNames(root: string): Set<string> {
  const file = path.join(root, 'gateway', 'supergraph.graphql');
  if (!existsSync(file)) return new Set();
  const names = new Set<string>();
  for (const definition of parse(readFileSync(file, 'utf8')).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.INPUT_OBJECT_TYPE_DEFINITION) continue;
    names.add(definition.name.value);
    if (definition.name.value === 'Query' || definition.name.value === 'Mutation') {
      for (const field of definition.fields ?? []) names.add(`${definition.name.value}.${field.name.value}`);
    }
  }
  return names;
}

/** Why `name` cannot become a new context in `root`, or null when it can. */
export function refusal(root: string, name: string | undefined): string | null {
  if (!name) return 'usage: pnpm context:new <name>   (lower-case kebab case, e.g. gift-cards)';
  if (!CONTEXT_NAME.test(name)) return `"${name}" is not lower-case kebab case (letters and digits in words joined by "-", starting with a letter, e.g. gift-cards)`;
  if (RESERVED.has(name)) return `"${name}" is reserved: the ${name} uses that name for its own settings`;
  for (const taken of [path.join('subgraphs', name), path.join('prisma', name)]) {
    if (existsSync(path.join(root, taken))) return `${taken} already exists: "${name}" is taken`;
  }
  const { Aggregate, aggregateVar } = placeholders(name, 0, {}, new Date());
  const existing = supergraphNames(root);
  const clashes = [Aggregate, `Create${Aggregate}Input`, `Create${Aggregate}Payload`, `Query.${aggregateVar}`, `Mutation.create${Aggregate}`].filter((n) => existing.has(n));
  if (clashes.length > 0) return `the supergraph already has ${clashes.join(', ')}: a context named "${name}" would define them again; choose another name`;
  return null;
}

/**
 * Writes a new context from the template: `subgraphs/<name>/` and `prisma/<name>/`, nothing else,
 * with its resolver types generated from its SDL as `pnpm schema:types` would. Refuses
 * (RefusedContextName, nothing written) a name that is taken or not kebab case. Returns the files
 * written, relative to `root`.
 */
export async function scaffoldContext(root: string, name: string | undefined, now: Date = new Date()): Promise<string[]> {
  const refused = refusal(root, name);
  if (refused !== null || name === undefined) throw new RefusedContextName(refused ?? 'no name');
  const port = Math.max(4000, ...readContextDeclarations(root).map((context) => context.port)) + 1;
  const values = placeholders(name, port, dependencyVersions(root), now);
  const files = templateFiles().map((file) => ({
    file: render(path.relative(TEMPLATE_DIR, file).slice(0, -TEMPLATE_SUFFIX.length), values),
    content: render(readFileSync(file, 'utf8'), values),
  }));
  const write = ({ file, content }: { file: string; content: string }) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content, { flag: 'wx' });
  };
  try {
    files.forEach(write);
    const resolverTypes = (await generateResolverTypes(root)).find((generated) => generated.file === resolverTypesFile(name));
    if (!resolverTypes) throw new Error(`No resolver types were generated for ${name}`);
    write(resolverTypes);
    files.push(resolverTypes);
  } catch (error) {
    for (const dir of ['subgraphs', 'prisma']) rmSync(path.join(root, dir, name), { recursive: true, force: true });
    throw error;
  }
  return files.map(({ file }) => file).sort();
}
