import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { money } from './shared-schemas';

/**
 * Shipping's signed quote: what one shipping option costs for one cart's lines to one country, until
 * it expires. Shipping signs it (the token is `ShippingOption.id`); ordering verifies it at checkout
 * on its own, without calling shipping, and then compares the country and the lines digest with the
 * order it is about to place. Both sides hold SHIPPING_QUOTE_SECRET. See docs/adr/0006.
 */
export const shippingQuoteSchema = z.object({
  /** ISO 3166-1 alpha-2 destination. */
  country: z.string().regex(/^[A-Z]{2}$/),
  /** `linesDigest(lines)` of the lines the price was computed for. */
  linesDigest: z.string().regex(/^[0-9a-f]{64}$/),
  carrier: z.string().min(1),
  price: money,
  /** Working days to deliver. */
  days: z.number().int().nonnegative(),
  /** ISO 8601 instant after which the quote no longer holds. */
  expiresAt: z.iso.datetime({ offset: true }),
});

export type ShippingQuote = z.infer<typeof shippingQuoteSchema>;

/** How long a quote holds from the moment shipping signs it. */
export const SHIPPING_QUOTE_LIFETIME_MS = 30 * 60_000;

/** Development default only, published in the README: production must set SHIPPING_QUOTE_SECRET. */
export const DEFAULT_SHIPPING_QUOTE_SECRET = 'dev-only-shipping-quote-secret-change-me';

/**
 * The secret quotes are signed and verified with: SHIPPING_QUOTE_SECRET, or the published
 * development default; in production (NODE_ENV=production) the default is refused, so a quote
 * anybody could forge never prices a real order.
 */
export function shippingQuoteSecret(env: Record<string, string | undefined> = process.env): string {
  const secret = env.SHIPPING_QUOTE_SECRET || DEFAULT_SHIPPING_QUOTE_SECRET;
  if (env.NODE_ENV === 'production' && secret === DEFAULT_SHIPPING_QUOTE_SECRET) {
    throw new Error('SHIPPING_QUOTE_SECRET must be set in production (the development default is public)');
  }
  return secret;
}

/**
 * The fingerprint of the lines a quote prices: SHA-256 (hex) of the lines written as
 * "productId:quantity", sorted, joined by "\n". The order of the lines does not matter; a product
 * or a quantity more or less does.
 */
export function linesDigest(lines: readonly { productId: string; quantity: number }[]): string {
  const text = lines.map(({ productId, quantity }) => `${productId}:${quantity}`).sort().join('\n');
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function hmac(secret: string, body: string): Buffer {
  if (!secret) throw new Error('A shipping quote needs a non-empty secret');
  return createHmac('sha256', secret).update(body, 'utf8').digest();
}

/** The quote as a token: `base64url(JSON payload).base64url(HMAC-SHA256(secret, first part))`. */
export function signShippingQuote(secret: string, quote: ShippingQuote): string {
  const body = Buffer.from(JSON.stringify(shippingQuoteSchema.parse(quote)), 'utf8').toString('base64url');
  return `${body}.${hmac(secret, body).toString('base64url')}`;
}

/**
 * A token's quote: INVALID when it is malformed or was not signed with this secret (forged,
 * altered, or from another shop), EXPIRED when it was but `now` is at or past its expiry. The
 * caller still checks that the quote's country and lines digest are those of its order.
 */
export type ShippingQuoteVerdict = { ok: true; quote: ShippingQuote } | { ok: false; reason: 'INVALID' | 'EXPIRED' };

const BASE64URL = /^[A-Za-z0-9_-]+$/;

export function verifyShippingQuote(secret: string, token: string, now: Date): ShippingQuoteVerdict {
  const invalid = { ok: false, reason: 'INVALID' } as const;
  const [body, signature, ...rest] = token.split('.');
  if (!body || !signature || rest.length > 0 || !BASE64URL.test(body) || !BASE64URL.test(signature)) return invalid;
  const expected = hmac(secret, body);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return invalid;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return invalid;
  }
  const parsed = shippingQuoteSchema.safeParse(json);
  if (!parsed.success) return invalid;
  if (now.getTime() >= Date.parse(parsed.data.expiresAt)) return { ok: false, reason: 'EXPIRED' };
  return { ok: true, quote: parsed.data };
}
