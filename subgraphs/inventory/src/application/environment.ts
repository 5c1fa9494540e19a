/** Where use cases get the current time from, so tests can pin it. */
export interface Environment {
  now(): Date;
}
