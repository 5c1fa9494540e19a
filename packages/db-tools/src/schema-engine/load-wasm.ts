import { readFile } from 'node:fs/promises';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';
import * as bindings from '@prisma/schema-engine-wasm/schema_engine_bg';

/** The engine class, once its WebAssembly module is running in this process. */
export type SchemaEngineClass = typeof SchemaEngine;

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
 * The bindings keep the instance in module state, so this happens once per process.
 */
export function loadSchemaEngine(): Promise<SchemaEngineClass> {
  loading ??= instantiate();
  return loading;
}

async function instantiate(): Promise<SchemaEngineClass> {
  installPanicRegistry();
  const { WebAssembly } = globalThis as unknown as { WebAssembly: WebAssemblyApi };
  const bindingsPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const bytes = await readFile(bindingsPath.replace(/\.js$/, '.wasm'));
  const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': withUnrefTimers(bindings) });
  bindings.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return bindings.SchemaEngine;
}

/**
 * The engine races some waits against timers (10 s for the migration advisory lock) and never
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
