import path from 'node:path';
import { contextDatabaseUrl, readContextDeclarations, type ContextDeclaration } from '@storefront/platform';

/** Every bounded context, as declared in `subgraphs/<name>/context.json`, sorted by port. */
export const CONTEXTS: readonly ContextDeclaration[] = readContextDeclarations();

/** One value per context, keyed by its name. */
export type ContextUrls = Record<string, string>;

/** Each context's database URL from the environment (`<CONTEXT>_DATABASE_URL`) or its default. */
export function contextDatabaseUrls(env: Record<string, string | undefined> = process.env): ContextUrls {
  return Object.fromEntries(CONTEXTS.map(({ name }) => [name, contextDatabaseUrl(name, env)]));
}

/** The file of a context's module at its conventional path (`main`, `infrastructure/demo-data`, ...), for `require`. */
export const contextModule = (context: string, module: string): string => path.resolve(__dirname, '..', '..', 'subgraphs', context, 'src', module);

/** One context's entry of a per-context record; a name no context declares is a mistake, said as such. */
export function ofContext<T>(byContext: Readonly<Record<string, T>>, name: string): T {
  const value = byContext[name];
  if (value === undefined) throw new Error(`No context named "${name}" here (declared: ${Object.keys(byContext).join(', ')})`);
  return value;
}
