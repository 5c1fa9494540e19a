// Building an Intl.NumberFormat costs far more than formatting with one (a 100-product list spent
// a fifth of catalog's CPU building them): one per locale and currency, built once.
const formats = new Map<string, Intl.NumberFormat>();
const digits = new Map<string, number>();

function currencyFormat(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formats.set(key, format);
  }
  return format;
}

/** How many digits a currency's minor unit has (2 for EUR, 0 for JPY), per ISO 4217 as Intl knows it. */
export function minorUnitDigits(currency: string): number {
  let known = digits.get(currency);
  if (known === undefined) {
    known = currencyFormat('en', currency).resolvedOptions().maximumFractionDigits ?? 2;
    digits.set(currency, known);
  }
  return known;
}

// Formatting with one is still the costliest part of a price on a 100-product page, and a catalog's
// prices repeat: each rendered text is kept, up to a bound (then they start again), so that no
// stream of distinct amounts makes the process grow.
const RENDERED_LIMIT = 10_000;
const rendered = new Map<string, string>();

/** Renders integer minor units for display, e.g. 1999 EUR -> "€19.99". */
export function formatMoney(amount: number, currency: string, locale = 'en-US'): string {
  const key = `${amount} ${currency} ${locale}`;
  let text = rendered.get(key);
  if (text === undefined) {
    text = currencyFormat(locale, currency).format(amount / 10 ** minorUnitDigits(currency));
    if (rendered.size >= RENDERED_LIMIT) rendered.clear();
    rendered.set(key, text);
  }
  return text;
}
