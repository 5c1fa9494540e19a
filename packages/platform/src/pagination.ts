import { badUserInput } from './errors';
import { isUuid } from './ids';

export const MAX_PAGE_SIZE = 100;

/** Validates a Relay `first` argument: a page holds 0 to MAX_PAGE_SIZE items. */
export function pageSize(first: number | null | undefined, fallback = 20): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw badUserInput(`"first" must be between 0 and ${MAX_PAGE_SIZE}, got ${size}.`, 'first');
  }
  return size;
}

/**
 * Cursors are opaque to clients but stable: the encoded sort key of the edge, versioned and
 * namespaced so that a cursor from one connection is refused by another.
 */
export function encodeCursor(namespace: string, key: string): string {
  return Buffer.from(`${namespace}:v1:${key}`, 'utf8').toString('base64url');
}

export function decodeCursor(namespace: string, cursor: string, isValidKey: (key: string) => boolean): string {
  const prefix = `${namespace}:v1:`;
  const decoded = /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const key = decoded.startsWith(prefix) ? decoded.slice(prefix.length) : '';
  if (!key || !isValidKey(key)) throw badUserInput(`"after" is not a cursor of this list: ${cursor}`, 'after');
  return key;
}

/** An edge's place in a list ordered by an instant, then an id. */
export interface InstantPosition {
  at: Date;
  id: string;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * The cursors of a list ordered by an instant, then an id (keyset pagination): `encode` writes an
 * edge's place, `decode` reads a client's `after` back to it and refuses anything else.
 */
export function instantCursors(namespace: string, isValidId: (id: string) => boolean = isUuid) {
  const fromKey = (key: string): InstantPosition | null => {
    const separator = key.indexOf('|');
    const instant = key.slice(0, separator);
    const id = key.slice(separator + 1);
    if (separator < 0 || !ISO_INSTANT.test(instant) || !isValidId(id)) return null;
    const at = new Date(instant);
    return Number.isNaN(at.getTime()) ? null : { at, id };
  };
  return {
    encode: ({ at, id }: InstantPosition): string => encodeCursor(namespace, `${at.toISOString()}|${id}`),
    decode: (cursor: string | null | undefined): InstantPosition | null =>
      cursor ? fromKey(decodeCursor(namespace, cursor, (key) => fromKey(key) !== null)) : null,
  };
}
