/**
 * Where use cases get the current time and new ids from, so that no domain or application code
 * reads the global clock: each context's main.ts hands in the system's, tests pin their own.
 */
export interface Environment {
  now(): Date;
  newId(): string;
}
