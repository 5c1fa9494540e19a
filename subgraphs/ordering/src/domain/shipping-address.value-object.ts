import { fail, ok, type Result } from '@storefront/kernel';

/** Where the parcel goes, as the customer typed it (trimmed); the country is an ISO 3166-1 alpha-2 code. */
export interface ShippingAddress {
  name: string;
  line1: string;
  line2: string | null;
  city: string;
  postalCode: string;
  country: string;
}

export type ShippingAddressInput = { [K in keyof ShippingAddress]?: string | null };

const FIELD = 'shippingAddress';
const MAX_LENGTH = 200;
const MAX_POSTAL_CODE = 20;
/** Codes Intl names that are regions, not countries a parcel can go to. */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'ZZ']);
const regions = new Intl.DisplayNames(['en'], { type: 'region' });

function required(input: ShippingAddressInput, key: 'name' | 'line1' | 'city' | 'postalCode', max = MAX_LENGTH): Result<string> {
  const value = (input[key] ?? '').trim();
  if (value.length === 0) return fail('INVALID_ADDRESS', `The shipping address needs a ${label(key)}.`, `${FIELD}.${key}`);
  if (value.length > max) return fail('INVALID_ADDRESS', `A ${label(key)} has at most ${max} characters.`, `${FIELD}.${key}`);
  return ok(value);
}

function label(key: keyof ShippingAddress): string {
  return { name: 'name', line1: 'first address line', line2: 'second address line', city: 'city', postalCode: 'postal code', country: 'country' }[key];
}

/** A country a parcel can be sent to: two letters, in any case, naming a country ISO 3166-1 knows. */
export function parseCountry(raw: string | null | undefined): Result<string> {
  const code = (raw ?? '').trim().toUpperCase();
  const known = /^[A-Z]{2}$/.test(code) && !NOT_COUNTRIES.has(code) && regions.of(code) !== code;
  if (!known) return fail('INVALID_COUNTRY', `"${raw ?? ''}" is not a country code: use ISO 3166-1 alpha-2, e.g. "DE".`, `${FIELD}.country`);
  return ok(code);
}

export function parseShippingAddress(input: ShippingAddressInput): Result<ShippingAddress> {
  const name = required(input, 'name');
  if (!name.ok) return name;
  const line1 = required(input, 'line1');
  if (!line1.ok) return line1;
  const line2 = (input.line2 ?? '').trim();
  if (line2.length > MAX_LENGTH) return fail('INVALID_ADDRESS', `A ${label('line2')} has at most ${MAX_LENGTH} characters.`, `${FIELD}.line2`);
  const city = required(input, 'city');
  if (!city.ok) return city;
  const postalCode = required(input, 'postalCode', MAX_POSTAL_CODE);
  if (!postalCode.ok) return postalCode;
  const country = parseCountry(input.country);
  if (!country.ok) return country;
  return ok({ name: name.value, line1: line1.value, line2: line2 || null, city: city.value, postalCode: postalCode.value, country: country.value });
}
