/**
 * The same text as json-stable-stringify (keys sorted by code unit, no spaces, `toJSON` honoured,
 * `undefined` and functions left out of objects and written `null` in arrays), written directly.
 * The gateway signs every subgraph request with it and each subgraph checks it, over variables that
 * hold up to a hundred entity representations a list; the library's generic walk (its options,
 * bound array methods and the replacer called on every value) cost more than the HMAC itself.
 * The text must stay byte for byte what Hive Gateway signs (ADR 0012): see canonical-json.spec.ts.
 */
export function canonicalJson(value: unknown): string | undefined {
  return write(value, []);
}

/** Strings JSON.stringify would escape (quotes, backslashes, control characters, U+2028/9, surrogates); the rest it writes as they are. */
const NEEDS_ESCAPING = /["\\\u0000-\u001f\u2028\u2029\ud800-\udfff]/;
const quoted = (text: string): string => (NEEDS_ESCAPING.test(text) ? JSON.stringify(text) : `"${text}"`);
/** The default sort's order (UTF-16 code units) without its conversion of every key to a string again. */
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function write(value: unknown, parents: object[]): string | undefined {
  if (typeof value === 'string') return quoted(value);
  let node = value;
  if (node && typeof (node as { toJSON?: unknown }).toJSON === 'function') node = (node as { toJSON: () => unknown }).toJSON();
  if (typeof node !== 'object' || node === null) return JSON.stringify(node);
  if (Array.isArray(node)) {
    let text = '[';
    for (let i = 0; i < node.length; i += 1) text += (i === 0 ? '' : ',') + (write(node[i], parents) || 'null');
    return text + ']';
  }
  if (parents.includes(node)) throw new TypeError('Converting circular structure to JSON');
  parents.push(node);
  const keys = Object.keys(node);
  if (keys.length > 1) keys.sort(byCodeUnits);
  let text = '{';
  let first = true;
  for (const key of keys) {
    const written = write((node as Record<string, unknown>)[key], parents);
    if (!written) continue;
    text += (first ? '' : ',') + quoted(key) + ':' + written;
    first = false;
  }
  parents.pop();
  return text + '}';
}
