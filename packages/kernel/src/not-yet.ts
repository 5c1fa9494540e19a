/**
 * An event that arrived before one it depends on was recorded (news of an order not stored yet, a
 * saga step ahead of the one it follows). Nothing is wrong with it: the event is delivered again a
 * little later without using up its attempts, until what it waits for has arrived or it has waited
 * longer than any saga step may (then it is retried and fails like any other error). Each context
 * says "not yet" with a subclass that names what is missing.
 */
export class NotYetError extends Error {
  override name = 'NotYetError';
}
