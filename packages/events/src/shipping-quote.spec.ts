import { createHash, createHmac } from 'node:crypto';
import { DEFAULT_SHIPPING_QUOTE_SECRET, linesDigest, shippingQuoteSecret, signShippingQuote, verifyShippingQuote, type ShippingQuote } from './shipping-quote';

const SECRET = 'quote-test-secret';
const MUG = '6f1d3a52-3c1e-4a43-9d0b-2f4f0e1b7a10';
const TEAPOT = 'a0b6c8d2-91f4-4e7a-8a55-0c3d2e1f4b99';
const SIGNED_AT = new Date('2026-11-29T12:00:00.000Z');

function aQuote(overrides: Partial<ShippingQuote> = {}): ShippingQuote {
  return {
    country: 'DE',
    linesDigest: linesDigest([{ productId: MUG, quantity: 2 }]),
    carrier: 'DHL',
    price: { amount: 599, currency: 'EUR' },
    days: 2,
    expiresAt: new Date(SIGNED_AT.getTime() + 30 * 60_000).toISOString(),
    ...overrides,
  };
}

const minutesAfterSigning = (minutes: number) => new Date(SIGNED_AT.getTime() + minutes * 60_000);

describe('linesDigest', () => {
  it('is the SHA-256 of the sorted "productId:quantity" lines, whatever their order', () => {
    const lines = [{ productId: TEAPOT, quantity: 1 }, { productId: MUG, quantity: 2 }];
    expect(linesDigest(lines)).toBe(linesDigest([...lines].reverse()));
    expect(linesDigest(lines)).toMatch(/^[0-9a-f]{64}$/);
    expect(linesDigest(lines)).toBe(createHash('sha256').update(`${MUG}:2\n${TEAPOT}:1`).digest('hex'));
  });

  it('changes with a quantity or a product', () => {
    const digest = linesDigest([{ productId: MUG, quantity: 2 }]);
    expect(linesDigest([{ productId: MUG, quantity: 3 }])).not.toBe(digest);
    expect(linesDigest([{ productId: MUG, quantity: 2 }, { productId: TEAPOT, quantity: 1 }])).not.toBe(digest);
  });
});

describe('signed shipping quotes', () => {
  it('verify with the same secret before they expire, giving the quote back', () => {
    const quote = aQuote();
    expect(verifyShippingQuote(SECRET, signShippingQuote(SECRET, quote), minutesAfterSigning(29))).toEqual({ ok: true, quote });
  });

  it('are EXPIRED from their expiry on', () => {
    const token = signShippingQuote(SECRET, aQuote());
    expect(verifyShippingQuote(SECRET, token, minutesAfterSigning(30))).toEqual({ ok: false, reason: 'EXPIRED' });
    expect(verifyShippingQuote(SECRET, token, minutesAfterSigning(31))).toEqual({ ok: false, reason: 'EXPIRED' });
  });

  it('are INVALID when signed with another secret', () => {
    const token = signShippingQuote('another-shop', aQuote());
    expect(verifyShippingQuote(SECRET, token, SIGNED_AT)).toEqual({ ok: false, reason: 'INVALID' });
  });

  it('are INVALID when the payload was altered, even if the signature is kept', () => {
    const [, signature] = signShippingQuote(SECRET, aQuote()).split('.');
    const cheaper = Buffer.from(JSON.stringify(aQuote({ price: { amount: 1, currency: 'EUR' } }))).toString('base64url');
    expect(verifyShippingQuote(SECRET, `${cheaper}.${signature}`, SIGNED_AT)).toEqual({ ok: false, reason: 'INVALID' });
  });

  it.each(['', 'abc', 'a.b.c', 'not base64!.x', '.', 'eyJ9.'])('are INVALID when malformed: "%s"', (token) => {
    expect(verifyShippingQuote(SECRET, token, SIGNED_AT)).toEqual({ ok: false, reason: 'INVALID' });
  });

  it('are INVALID when correctly signed but not a quote', () => {
    const body = Buffer.from(JSON.stringify({ country: 'DE' })).toString('base64url');
    const signature = createHmac('sha256', SECRET).update(body).digest('base64url');
    expect(verifyShippingQuote(SECRET, `${body}.${signature}`, SIGNED_AT)).toEqual({ ok: false, reason: 'INVALID' });
  });

  it('refuse to sign what is not a quote', () => {
    expect(() => signShippingQuote(SECRET, aQuote({ country: 'Germany' }))).toThrow();
    expect(() => signShippingQuote('', aQuote())).toThrow(/secret/);
  });
});

describe('shippingQuoteSecret', () => {
  it('is SHIPPING_QUOTE_SECRET, or the published default outside production', () => {
    expect(shippingQuoteSecret({ SHIPPING_QUOTE_SECRET: 's3cret' })).toBe('s3cret');
    expect(shippingQuoteSecret({})).toBe(DEFAULT_SHIPPING_QUOTE_SECRET);
  });

  it('refuses the published default in production', () => {
    expect(() => shippingQuoteSecret({ NODE_ENV: 'production' })).toThrow(/SHIPPING_QUOTE_SECRET must be set/);
    expect(shippingQuoteSecret({ NODE_ENV: 'production', SHIPPING_QUOTE_SECRET: 's3cret' })).toBe('s3cret');
  });
});
