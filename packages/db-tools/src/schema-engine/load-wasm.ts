import { readFile } from 'node:fs/promises';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';
import type * as BindingsModule from '@prisma/schema-engine-wasm/schema_engine_bg';

/** The engine class, once its WebAssembly module is running in this process. */
export type SchemaEngineClass = typeof SchemaEngine;

const BINDINGS = '@prisma/schema-engine-wasm/schema_engine_bg';
type Bindings = typeof BindingsModule;

/** The slice of the WebAssembly global used here (Node has it; @types/node leaves it to lib.dom). */
interface WebAssemblyApi {
  instantiate(
    bytes: Uint8Array,
    imports: Record<string, object>,
  ): Promise<{ instance: { exports: { __wbindgen_start(): void } } }>;
}

let loading: Promise<SchemaEngineClass> | undefined;

/**
 * The package is built for bundlers (its entry imports the .wasm file as a module), which plain
 * Node cannot load: instantiate the module ourselves and hand it to the generated bindings.
 * The bindings keep the instance in their own state, so this happens once per process.
 */
export function loadSchemaEngine(): Promise<SchemaEngineClass> {
  loading ??= instantiate();
  return loading;
}

async function instantiate(): Promise<SchemaEngineClass> {
  installPanicRegistry();
  const bindingsPath = require.resolve(BINDINGS);
  const bindings = evaluateBindings(await readFile(bindingsPath, 'utf8'));
  const bytes = await readFile(bindingsPath.replace(/\.js$/, '.wasm'));
  const { WebAssembly } = globalThis as unknown as { WebAssembly: WebAssemblyApi };
  const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': withUnrefTimers(bindings) });
  bindings.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return bindings.SchemaEngine;
}

/**
 * The bindings are an ES module, which jest's CommonJS runtime cannot require (and every
 * workspace test that migrates a database comes through here). They are plain wasm-bindgen
 * output, top-level `export function` / `export class` and no imports: run as a function body
 * returning those names, they are the same module under tsx and jest alike. Prisma's CLI bundle
 * does the equivalent at build time.
 */
function evaluateBindings(source: string): Bindings {
  const names: string[] = [];
  const body = source.replace(/^export (function|class) ([\w$]+)/gm, (_match, kind: string, name: string) => {
    names.push(name);
    return `${kind} ${name}`;
  });
  if (/^\s*(export|import)\b/m.test(body)) {
    throw new Error(`${BINDINGS} has module syntax this loader does not handle: check its pinned version`);
  }
  // `module` is what the bindings' `module.require` reaches for (Node's crypto, for random bytes).
  const evaluate = new Function('module', `'use strict';\n${body}\nreturn { ${names.join(', ')} };`);
  return evaluate(module) as Bindings;
}

/**
 * The engine races some waits against timers (10 s around the migration advisory lock) and never
 * clears them, so each command would keep Node alive 10 s after it finished. Unreferenced timers
 * still fire while anything else is pending: while the engine waits, its database socket is.
 */
function withUnrefTimers(imports: object): Record<string, unknown> {
  const patched: Record<string, unknown> = { ...imports };
  for (const name of Object.keys(patched).filter((key) => key.startsWith('__wbg_setTimeout_'))) {
    patched[name] = (callback: () => void, ms: number) => setTimeout(callback, ms >>> 0).unref();
  }
  return patched;
}

/**
 * On a Rust panic the engine hands its message to this global, then traps with a bare
 * "RuntimeError: unreachable". Prisma's CLI installs the same registry; print the message so the
 * reason is not lost.
 */
function installPanicRegistry(): void {
  const host = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void } };
  host.PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message: (message) => process.stderr.write(`Prisma schema engine panicked: ${message}\n`),
  };
}
