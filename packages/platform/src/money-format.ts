/** How many digits a currency's minor unit has (2 for EUR, 0 for JPY), per ISO 4217 as Intl knows it. */
export function minorUnitDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Renders integer minor units for display, e.g. 1999 EUR -> "€19.99". */
export function formatMoney(amount: number, currency: string, locale = 'en-US'): string {
  const digits = minorUnitDigits(currency);
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount / 10 ** digits);
}
