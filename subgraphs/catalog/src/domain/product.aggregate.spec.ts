import { Product, type NewProduct } from './product.aggregate';

const now = new Date('2026-01-01T00:00:00Z');

function newProduct(overrides: Partial<NewProduct> = {}): NewProduct {
  return {
    id: '7d2f1a52-0000-4000-8000-000000000001',
    sku: 'mug-001',
    name: '  Stoneware mug ',
    description: 'Holds coffee.',
    price: { amount: 1299, currency: 'EUR' },
    ...overrides,
  };
}

function created(overrides: Partial<NewProduct> = {}): Product {
  const result = Product.create(newProduct(overrides), now);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('Product', () => {
  it('is created active, with a normalised sku and name, and records ProductCreated', () => {
    const product = created();
    expect(product.snapshot()).toMatchObject({ sku: 'MUG-001', name: 'Stoneware mug', status: 'ACTIVE' });
    expect(product.pullEvents()).toEqual([expect.objectContaining({ type: 'ProductCreated', sku: 'MUG-001' })]);
  });

  it.each([
    [{ price: { amount: -1, currency: 'EUR' } }, 'NEGATIVE_PRICE', 'price.amount'],
    [{ price: { amount: 1.5, currency: 'EUR' } }, 'INVALID_PRICE', 'price.amount'],
    [{ price: { amount: 100, currency: 'EURO' } }, 'INVALID_CURRENCY', 'price.currency'],
    [{ price: { amount: 100, currency: 'XYZ' } }, 'INVALID_CURRENCY', 'price.currency'],
    [{ sku: 'a' }, 'INVALID_SKU', 'sku'],
    [{ name: '   ' }, 'INVALID_NAME', 'name'],
    [{ imageUrls: ['javascript:alert(1)'] }, 'INVALID_IMAGE_URL', 'imageUrls.0'],
  ])('refuses %j with %s on %s', (overrides, code, field) => {
    const result = Product.create(newProduct(overrides as Partial<NewProduct>), now);
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code, field }) });
  });

  it('records a price change only when the price really changes', () => {
    const product = created();
    product.pullEvents();
    expect(product.changePrice(1299, 'EUR', now).ok).toBe(true);
    expect(product.pullEvents()).toEqual([]);
    expect(product.changePrice(1499, 'EUR', now).ok).toBe(true);
    expect(product.pullEvents()).toEqual([
      expect.objectContaining({ type: 'ProductPriceChanged', previousPrice: { amount: 1299, currency: 'EUR' }, price: { amount: 1499, currency: 'EUR' } }),
    ]);
  });

  it('is frozen once discontinued, and discontinuing twice records one event', () => {
    const product = created();
    product.pullEvents();
    product.discontinue(now);
    product.discontinue(now);
    expect(product.pullEvents().map((e) => e.type)).toEqual(['ProductDiscontinued']);
    expect(product.changePrice(1, 'EUR', now)).toEqual({ ok: false, error: expect.objectContaining({ code: 'PRODUCT_DISCONTINUED' }) });
    expect(product.updateDetails({ name: 'New' }, now)).toEqual({ ok: false, error: expect.objectContaining({ code: 'PRODUCT_DISCONTINUED' }) });
  });

  it('leaves its details untouched when one change in a batch is invalid', () => {
    const product = created();
    const result = product.updateDetails({ name: 'Better mug', imageUrls: ['not a url'] }, now);
    expect(result.ok).toBe(false);
    expect(product.snapshot().name).toBe('Stoneware mug');
    expect(product.pullEvents().map((e) => e.type)).toEqual(['ProductCreated']);
  });

  it('tells others of a new name or category, and keeps its description to itself', () => {
    const category = '5c1e0000-0000-4000-8000-0000000000c1';
    const product = created();
    product.pullEvents();
    expect(product.updateDetails({ description: 'Holds tea.' }, now).ok).toBe(true);
    expect(product.updateDetails({ name: 'Stoneware mug' }, now).ok).toBe(true);
    expect(product.pullEvents()).toEqual([]);
    expect(product.updateDetails({ name: 'Better mug', categoryId: category }, now).ok).toBe(true);
    expect(product.pullEvents()).toEqual([{ type: 'ProductDetailsChanged', aggregateId: product.id, occurredAt: now, name: 'Better mug', categoryId: category }]);
  });

  it('says in ProductCreated which category the product is filed under', () => {
    const category = '5c1e0000-0000-4000-8000-0000000000c1';
    expect(created({ categoryId: category }).pullEvents()).toEqual([expect.objectContaining({ type: 'ProductCreated', categoryId: category })]);
  });
});
