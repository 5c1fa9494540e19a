import { Money, CurrencyMismatchError } from './money.value-object';
import { applyCatalogChange, markDiscontinued } from '@storefront/kernel';
import { changeDetails, isSellable, reprice, type PricedProduct } from './priced-product';
import { aPricedProduct, now } from './order.test-builders';

const later = new Date('2026-11-22T10:00:00.000Z');

// What KeepPriceListCurrent applies under the entry's lock, each guarded by the catalog version.
const changePrice = (product: PricedProduct, price: PricedProduct['price'], catalogVersion: number) =>
  applyCatalogChange(product, catalogVersion, (current) => reprice(current, price));
const rename = (product: PricedProduct, details: { name: string; categoryId: string | null }, catalogVersion: number) =>
  applyCatalogChange(product, catalogVersion, (current) => changeDetails(current, details));
const discontinue = (product: PricedProduct, catalogVersion: number, at: Date) =>
  applyCatalogChange(product, catalogVersion, (current) => markDiscontinued(current, at));

describe('the price list entry', () => {
  it('takes a newer catalog price and version', () => {
    const product = aPricedProduct({ catalogVersion: 1 });
    expect(changePrice(product, { amount: 1499, currency: 'EUR' }, 2)).toEqual({ ...product, price: { amount: 1499, currency: 'EUR' }, catalogVersion: 2 });
  });

  it.each([1, 0])('ignores a price of catalog version %p when it knows version 1', (version) => {
    const product = aPricedProduct({ catalogVersion: 1 });
    expect(changePrice(product, { amount: 1, currency: 'EUR' }, version)).toBe(product);
  });

  it('takes a newer catalog name and category, and ignores an older one', () => {
    const product = aPricedProduct({ catalogVersion: 1 });
    const category = '5c1e0000-0000-4000-8000-0000000000c1';
    expect(rename(product, { name: 'Stoneware mug', categoryId: category }, 2)).toEqual({ ...product, name: 'Stoneware mug', categoryId: category, catalogVersion: 2 });
    expect(rename(product, { name: 'Old name', categoryId: null }, 1)).toBe(product);
  });

  it('stops selling a product on a newer discontinuation, keeping the first date', () => {
    const product = aPricedProduct({ catalogVersion: 1 });
    const discontinued = discontinue(product, 2, now);
    expect(discontinued).toEqual({ ...product, catalogVersion: 2, discontinuedAt: now });
    expect(isSellable(discontinued)).toBe(false);
    expect(discontinue(discontinued, 3, later).discontinuedAt).toBe(now);
    expect(discontinue(discontinued, 2, later)).toBe(discontinued);
  });

  it('keeps a discontinued product discontinued when a newer price arrives', () => {
    const discontinued = discontinue(aPricedProduct(), 1, now);
    expect(changePrice(discontinued, { amount: 1, currency: 'EUR' }, 2)).toMatchObject({ discontinuedAt: now, price: { amount: 1 } });
  });
});

describe('money', () => {
  it('adds and multiplies in one currency only', () => {
    expect(Money.of(1299, 'EUR').times(3).add(Money.of(1, 'EUR')).toJSON()).toEqual({ amount: 3898, currency: 'EUR' });
    expect(() => Money.of(1, 'EUR').add(Money.of(1, 'USD'))).toThrow(CurrencyMismatchError);
  });

  it.each([[-1, 'EUR'], [1.5, 'EUR'], [1, 'eur']])('refuses %p %p as a bug', (amount, currency) => {
    expect(() => Money.of(amount as number, currency as string)).toThrow(RangeError);
  });
});
