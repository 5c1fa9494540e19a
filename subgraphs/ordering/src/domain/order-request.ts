import { fail, ok, type Result } from '@storefront/kernel';
import { parseShippingAddress, type ShippingAddress, type ShippingAddressInput } from './shipping-address.value-object';

/** The most units of one product in one order, and the most lines: a cart, not a warehouse transfer. */
export const MAX_QUANTITY = 1_000;
export const MAX_LINES = 100;
const MAX_KEY = 100;
const MAX_EMAIL = 254;
const MAX_TOKEN = 500;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What the customer asked for, as it arrives. */
export interface OrderRequest {
  idempotencyKey: string;
  lines: readonly { productId: string; quantity: number }[];
  shippingAddress: ShippingAddressInput;
  contactEmail: string;
  paymentToken: string;
}

/** A product asked for, with the position in the request its first line had (for errors naming the field). */
export interface RequestedLine {
  productId: string;
  quantity: number;
  index: number;
}

/** A request whose every part is well-formed; only the products remain to be looked up. */
export interface CheckedOrderRequest {
  idempotencyKey: string;
  lines: RequestedLine[];
  shippingAddress: ShippingAddress;
  contactEmail: string;
  paymentToken: string;
}

/** The customer's key for "this one order", however often the request is sent. */
export function checkIdempotencyKey(raw: string): Result<string> {
  const key = raw.trim();
  if (key.length === 0) return fail('IDEMPOTENCY_KEY_REQUIRED', 'Send an idempotency key, so that sending the order again cannot place it twice.', 'idempotencyKey');
  if (key.length > MAX_KEY) return fail('INVALID_IDEMPOTENCY_KEY', `An idempotency key has at most ${MAX_KEY} characters.`, 'idempotencyKey');
  return ok(key);
}

/**
 * Lines of one product are merged into one line with their quantities added: a cart holding the
 * same mug twice is an order for two mugs.
 */
function checkLines(lines: OrderRequest['lines']): Result<RequestedLine[]> {
  if (lines.length === 0) return fail('EMPTY_ORDER', 'An order needs at least one line.', 'lines');
  if (lines.length > MAX_LINES) return fail('TOO_MANY_LINES', `An order has at most ${MAX_LINES} lines.`, 'lines');
  const merged = new Map<string, RequestedLine>();
  for (const [index, { productId, quantity }] of lines.entries()) {
    if (!Number.isSafeInteger(quantity) || quantity <= 0 || quantity > MAX_QUANTITY) {
      return fail('INVALID_QUANTITY', `A quantity is a whole number from 1 to ${MAX_QUANTITY}, got ${quantity}.`, `lines.${index}.quantity`);
    }
    // Product ids are UUIDs, written in any case; the price list keeps them in lower case.
    const id = productId.trim().toLowerCase();
    const line = merged.get(id) ?? { productId: id, quantity: 0, index };
    line.quantity += quantity;
    if (line.quantity > MAX_QUANTITY) {
      return fail('INVALID_QUANTITY', `At most ${MAX_QUANTITY} units of one product per order.`, `lines.${index}.quantity`);
    }
    merged.set(id, line);
  }
  return ok([...merged.values()]);
}

export function checkContactEmail(raw: string): Result<string> {
  const email = raw.trim();
  if (email.length > MAX_EMAIL || !EMAIL.test(email)) return fail('INVALID_EMAIL', `"${raw}" is not an email address.`, 'contactEmail');
  return ok(email);
}

export function checkPaymentToken(raw: string): Result<string> {
  const token = raw.trim();
  if (token.length === 0) return fail('MISSING_PAYMENT_TOKEN', 'Send the payment token the payment form gave you.', 'paymentToken');
  if (token.length > MAX_TOKEN) return fail('INVALID_PAYMENT_TOKEN', `A payment token has at most ${MAX_TOKEN} characters.`, 'paymentToken');
  return ok(token);
}

/** Checks everything about a request that needs no lookup, in the order a form shows it. */
export function checkOrderRequest(request: OrderRequest): Result<CheckedOrderRequest> {
  const idempotencyKey = checkIdempotencyKey(request.idempotencyKey);
  if (!idempotencyKey.ok) return idempotencyKey;
  const lines = checkLines(request.lines);
  if (!lines.ok) return lines;
  const shippingAddress = parseShippingAddress(request.shippingAddress);
  if (!shippingAddress.ok) return shippingAddress;
  const contactEmail = checkContactEmail(request.contactEmail);
  if (!contactEmail.ok) return contactEmail;
  const paymentToken = checkPaymentToken(request.paymentToken);
  if (!paymentToken.ok) return paymentToken;
  return ok({
    idempotencyKey: idempotencyKey.value,
    lines: lines.value,
    shippingAddress: shippingAddress.value,
    contactEmail: contactEmail.value,
    paymentToken: paymentToken.value,
  });
}
