import { checkOrderRequest, type OrderRequest } from './order-request';
import { MUG, TEAPOT } from './order.test-builders';

function aRequest(overrides: Partial<OrderRequest> = {}): OrderRequest {
  return {
    idempotencyKey: ' key-1 ',
    lines: [{ productId: MUG, quantity: 2 }],
    shippingAddress: { name: ' Ada Lovelace ', line1: '1 Analytical Way', line2: '  ', city: 'London', postalCode: 'N1 9GU', country: 'gb' },
    contactEmail: ' ada@example.com ',
    paymentToken: 'tok_visa',
    ...overrides,
  };
}

const address = (change: Record<string, string | null>) => ({ shippingAddress: { ...aRequest().shippingAddress, ...change } });

describe('checking an order request', () => {
  it('trims what was typed, capitalises the country, and drops a blank second address line', () => {
    expect(checkOrderRequest(aRequest())).toEqual({
      ok: true,
      value: {
        idempotencyKey: 'key-1',
        lines: [{ productId: MUG, quantity: 2, index: 0 }],
        shippingAddress: { name: 'Ada Lovelace', line1: '1 Analytical Way', line2: null, city: 'London', postalCode: 'N1 9GU', country: 'GB' },
        contactEmail: 'ada@example.com',
        paymentToken: 'tok_visa',
      },
    });
  });

  it('merges lines of one product into one, adding their quantities, at the first line’s position', () => {
    const lines = [
      { productId: MUG, quantity: 1 },
      { productId: TEAPOT, quantity: 1 },
      { productId: ` ${MUG.toUpperCase()} `, quantity: 3 },
    ];
    const checked = checkOrderRequest(aRequest({ lines }));
    expect(checked.ok && checked.value.lines).toEqual([
      { productId: MUG, quantity: 4, index: 0 },
      { productId: TEAPOT, quantity: 1, index: 1 },
    ]);
  });

  it.each([
    ['a blank idempotency key', { idempotencyKey: '   ' }, 'IDEMPOTENCY_KEY_REQUIRED', 'idempotencyKey'],
    ['a 101-character idempotency key', { idempotencyKey: 'k'.repeat(101) }, 'INVALID_IDEMPOTENCY_KEY', 'idempotencyKey'],
    ['no lines', { lines: [] }, 'EMPTY_ORDER', 'lines'],
    ['101 lines', { lines: Array.from({ length: 101 }, () => ({ productId: MUG, quantity: 1 })) }, 'TOO_MANY_LINES', 'lines'],
    ['a quantity of zero', { lines: [{ productId: MUG, quantity: 1 }, { productId: TEAPOT, quantity: 0 }] }, 'INVALID_QUANTITY', 'lines.1.quantity'],
    ['a negative quantity', { lines: [{ productId: MUG, quantity: -1 }] }, 'INVALID_QUANTITY', 'lines.0.quantity'],
    ['half a unit', { lines: [{ productId: MUG, quantity: 1.5 }] }, 'INVALID_QUANTITY', 'lines.0.quantity'],
    ['1001 units on one line', { lines: [{ productId: MUG, quantity: 1001 }] }, 'INVALID_QUANTITY', 'lines.0.quantity'],
    ['1001 units over merged lines', { lines: [{ productId: MUG, quantity: 1000 }, { productId: MUG, quantity: 1 }] }, 'INVALID_QUANTITY', 'lines.1.quantity'],
    ['an address without a name', address({ name: ' ' }), 'INVALID_ADDRESS', 'shippingAddress.name'],
    ['an address without a street', address({ line1: '' }), 'INVALID_ADDRESS', 'shippingAddress.line1'],
    ['an address without a city', address({ city: '' }), 'INVALID_ADDRESS', 'shippingAddress.city'],
    ['an address without a postal code', address({ postalCode: '' }), 'INVALID_ADDRESS', 'shippingAddress.postalCode'],
    ['a 21-character postal code', address({ postalCode: '1'.repeat(21) }), 'INVALID_ADDRESS', 'shippingAddress.postalCode'],
    ['a 201-character second line', address({ line2: 'x'.repeat(201) }), 'INVALID_ADDRESS', 'shippingAddress.line2'],
    ['a three-letter country', address({ country: 'DEU' }), 'INVALID_COUNTRY', 'shippingAddress.country'],
    ['a country that does not exist', address({ country: 'XX' }), 'INVALID_COUNTRY', 'shippingAddress.country'],
    ['a region that is not a country', address({ country: 'EU' }), 'INVALID_COUNTRY', 'shippingAddress.country'],
    ['an email without @', { contactEmail: 'ada.example.com' }, 'INVALID_EMAIL', 'contactEmail'],
    ['an email without a domain', { contactEmail: 'ada@example' }, 'INVALID_EMAIL', 'contactEmail'],
    ['an email with a space', { contactEmail: 'ada love@example.com' }, 'INVALID_EMAIL', 'contactEmail'],
    ['a blank payment token', { paymentToken: ' ' }, 'MISSING_PAYMENT_TOKEN', 'paymentToken'],
    ['a 501-character payment token', { paymentToken: 't'.repeat(501) }, 'INVALID_PAYMENT_TOKEN', 'paymentToken'],
  ])('refuses %s', (_, change, code, field) => {
    expect(checkOrderRequest(aRequest(change as Partial<OrderRequest>))).toEqual({ ok: false, error: { code, field, message: expect.any(String) } });
  });
});
