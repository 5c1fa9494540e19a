/** Where use cases get new ids and the current time from, so tests can pin both. */
export interface Environment {
  newId(): string;
  now(): Date;
}
