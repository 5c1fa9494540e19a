import { createHash } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a string is a UUID: ids of another shape name nothing in a uuid column, so skip the query. */
export const isUuid = (value: string): boolean => UUID.test(value);

/** A deterministic UUID (version 5 layout) from a name, so that seeding twice names the same rows. */
export function stableUuid(name: string): string {
  const hex = createHash('sha1').update(`storefront-demo:${name}`).digest('hex').slice(0, 32).split('');
  hex[12] = '5';
  hex[16] = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
