/** Where use cases get the current time and new ids from, so tests can pin them. */
export interface Environment {
  now(): Date;
  newId(): string;
}
