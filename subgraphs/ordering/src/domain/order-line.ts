import { fail, ok, type Result } from '@storefront/kernel';
import { MAX_AMOUNT, Money } from './money.value-object';
import type { RequestedLine } from './order-request';
import { isSellable, type PricedProduct } from './priced-product';

/** One product of an order, with its name and unit price as they were when the order was placed. */
export interface OrderLine {
  productId: string;
  name: string;
  quantity: number;
  unitPrice: Money;
}

export const lineTotal = (line: OrderLine): Money => line.unitPrice.times(line.quantity);

/**
 * Prices the requested lines from the price list as it is now: the snapshot the order keeps, and
 * its total, the sum of the lines. An order is paid in one currency, so a mix of them is refused.
 */
export function priceLines(requested: readonly RequestedLine[], priceList: readonly PricedProduct[]): Result<{ lines: OrderLine[]; total: Money }> {
  const products = new Map(priceList.map((product) => [product.productId, product]));
  const lines: OrderLine[] = [];
  for (const { productId, quantity, index } of requested) {
    const product = products.get(productId);
    const field = `lines.${index}.productId`;
    if (!product) return fail('UNKNOWN_PRODUCT', `There is no product ${productId} to order.`, field);
    if (!isSellable(product)) return fail('PRODUCT_DISCONTINUED', `${product.name} is no longer sold.`, field);
    const first = lines[0]?.unitPrice.currency ?? product.price.currency;
    if (product.price.currency !== first) {
      return fail('MIXED_CURRENCIES', `${product.name} is priced in ${product.price.currency}, the rest of the order in ${first}; order them separately.`, field);
    }
    lines.push({ productId, name: product.name, quantity, unitPrice: Money.of(product.price.amount, product.price.currency) });
  }
  const total = lines.reduce((sum, line) => sum.add(lineTotal(line)), Money.zero(lines[0]?.unitPrice.currency ?? 'EUR'));
  if (total.amount > MAX_AMOUNT) return fail('ORDER_TOO_LARGE', 'The order total is more than one order can hold; split it.', 'lines');
  return ok({ lines, total });
}
