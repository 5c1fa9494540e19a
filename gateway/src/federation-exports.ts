import { createRequire } from 'node:module';

/**
 * Apollo's federation library re-exports its hundreds of functions through getters (TypeScript's
 * `export *` compiled to CommonJS), on an object too large for V8 to keep in fast mode. The
 * gateway's result shaping calls them (`assert`, `isNonNullType`, …) for every field of every
 * entity it merges, each call a dictionary lookup and a getter call: about 6 % of the gateway's CPU
 * for a 100-product list. Loaded before `@apollo/gateway`, this module gives every later `require`
 * of the library one plain object holding the same values. Safe because the library never rebinds
 * an export after loading (its enums are filled while it loads). A gateway whose `@apollo/gateway`
 * was already loaded keeps the getters: slower, the same answers.
 */
const fromGateway = createRequire(require.resolve('@apollo/gateway'));
const path = fromGateway.resolve('@apollo/federation-internals');
const loaded = fromGateway('@apollo/federation-internals') as object;
const cached = require.cache[path];
if (cached && cached.exports === loaded) {
  // Built by defining each property on a fresh object, which V8 keeps in fast mode (fixed places) at this size.
  const plain: Record<PropertyKey, unknown> = {};
  for (const key of Reflect.ownKeys(loaded)) {
    const { enumerable } = Object.getOwnPropertyDescriptor(loaded, key)!;
    Object.defineProperty(plain, key, { value: (loaded as Record<PropertyKey, unknown>)[key], enumerable, writable: false, configurable: false });
  }
  cached.exports = plain;
}

