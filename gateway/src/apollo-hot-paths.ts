import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';

/**
 * Two of Apollo's library habits that cost the gateway CPU on every request, undone here before
 * `@apollo/gateway` and `@apollo/server` are used (graphql-server.ts imports this module first).
 * Each keeps the libraries' results exactly as they were; only how a function is reached changes.
 */
const fromGateway = createRequire(require.resolve('@apollo/gateway'));
const fromServer = createRequire(require.resolve('@apollo/server'));

/**
 * Apollo's federation library re-exports its hundreds of functions through getters (TypeScript's
 * `export *` compiled to CommonJS), on an object too large for V8 to keep in fast mode. The
 * gateway's result shaping calls them (`assert`, `isNonNullType`, …) for every field of every
 * entity it merges, each call a dictionary lookup and a getter call: about 6 % of the gateway's CPU
 * for a 100-product list. Every later `require` of the library gets one plain object holding the
 * same values. Safe because the library never rebinds an export after loading (its enums are filled
 * while it loads). A gateway whose `@apollo/gateway` was already loaded keeps the getters: slower,
 * the same answers.
 */
function federationExportsAsPlainObject(): void {
  const path = fromGateway.resolve('@apollo/federation-internals');
  const loaded = fromGateway('@apollo/federation-internals') as object;
  const cached = require.cache[path];
  if (!cached || cached.exports !== loaded) return;
  // Built by defining each property on a fresh object, which V8 keeps in fast mode (fixed places) at this size.
  const plain: Record<PropertyKey, unknown> = {};
  for (const key of Reflect.ownKeys(loaded)) {
    const { enumerable } = Object.getOwnPropertyDescriptor(loaded, key)!;
    Object.defineProperty(plain, key, { value: (loaded as Record<PropertyKey, unknown>)[key], enumerable, writable: false, configurable: false });
  }
  cached.exports = plain;
}

/**
 * Apollo Server hashes each request's query, and the gateway each operation's plan key, with
 * `@apollo/utils.createhash`, which calls `require("crypto")` on every hash. The gateway runs under
 * tsx, whose module resolver then runs twice per request (about 3 % of the CPU of a small query).
 * The same Node hash, reached directly; the libraries look the function up at each call.
 */
function hashWithoutRequire(): void {
  for (const from of [fromServer, fromGateway]) {
    const hashing = from('@apollo/utils.createhash') as { createHash: (kind: string) => ReturnType<typeof createHash> };
    hashing.createHash = (kind) => createHash(kind);
  }
}

federationExportsAsPlainObject();
hashWithoutRequire();
