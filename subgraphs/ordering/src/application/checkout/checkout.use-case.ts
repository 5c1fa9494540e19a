import { fail, ok, type DomainError, type Environment, type Result, type Transactions } from '@storefront/kernel';
import type { CartRepository } from '../../domain/cart.repository';
import { MAX_AMOUNT, Money } from '../../domain/money.value-object';
import { Order } from '../../domain/order.aggregate';
import { fromCart } from '../../domain/order-charges';
import { checkContactEmail, checkIdempotencyKey, checkPaymentToken } from '../../domain/order-request';
import { IdempotencyKeyTakenError, type OrderRepository, type OrdersByIdempotencyKey } from '../../domain/order.repository';
import { parseShippingAddress, type ShippingAddressInput } from '../../domain/shipping-address.value-object';
import type { CartPricer } from '../price-cart/cart-pricer';

export interface CheckoutCommand {
  /** The caller: the signed-in customer, whose cart is checked out. */
  customerId: string;
  idempotencyKey: string;
  shippingAddress: ShippingAddressInput;
  contactEmail: string;
  paymentToken: string;
  /** The shipping option chosen: shipping's signed quote for this cart and country. */
  shippingOptionId: string;
  /** The total the shopper saw and agreed to. */
  expectedTotal: { amount: number; currency: string };
}

/** TOTAL_CHANGED carries the total as it is now, for the shopper to confirm instead. */
export interface CheckoutError extends DomainError {
  readonly total?: { amount: number; currency: string };
}

/** What checkout reads and writes, all in one transaction. */
export interface CheckoutUnit {
  carts: CartRepository;
  orders: OrderRepository;
  ordersByKey: OrdersByIdempotencyKey;
  pricer: CartPricer;
}

type CheckoutResult = Result<{ orderId: string }, CheckoutError>;

/**
 * Turns the customer's cart into an order: priced as the cart shows it, with the shipping fee of
 * the verified quote and the destination's tax. The order (with its order-placed event in the
 * outbox) and the emptied cart commit together, or nothing does. Under the cart's row lock, the
 * same idempotency key finds the order a concurrent request placed, instead of an emptied cart.
 */
export class Checkout {
  constructor(
    private readonly transactions: Transactions<CheckoutUnit>,
    private readonly env: Environment,
    private readonly formatMoney: (amount: number, currency: string) => string,
  ) {}

  async execute(command: CheckoutCommand): Promise<CheckoutResult> {
    const key = checkIdempotencyKey(command.idempotencyKey);
    if (!key.ok) return key;
    const shippingAddress = parseShippingAddress(command.shippingAddress);
    if (!shippingAddress.ok) return shippingAddress;
    const contactEmail = checkContactEmail(command.contactEmail);
    if (!contactEmail.ok) return contactEmail;
    const paymentToken = checkPaymentToken(command.paymentToken);
    if (!paymentToken.ok) return paymentToken;
    const { customerId } = command;
    try {
      return await this.transactions.run(async ({ carts, orders, ordersByKey, pricer }): Promise<CheckoutResult> => {
        const cart = await carts.forCustomer(customerId);
        const earlier = await ordersByKey.find(customerId, key.value);
        if (earlier) return ok({ orderId: earlier.id });
        if (cart.isEmpty) return fail('EMPTY_CART', 'The cart is empty: add something to check out.', 'cart');
        const priced = await pricer.price(cart.snapshot());
        const unsellable = priced.lines.find((line) => !line.sellable);
        if (unsellable) return fail('PRODUCT_DISCONTINUED', `${unsellable.name} is no longer sold: take it out of the cart.`, 'cart');
        const charges = await pricer.charge(priced, { country: shippingAddress.value.country, shippingOptionId: command.shippingOptionId });
        if (!charges.ok) return charges;
        const { currency } = charges.value;
        if (charges.value.subtotal > MAX_AMOUNT) return fail('ORDER_TOO_LARGE', 'The cart is worth more than one order can hold; split it.', 'cart');
        const expected = command.expectedTotal;
        if (charges.value.total !== expected.amount || currency !== expected.currency) {
          const now = this.formatMoney(charges.value.total, currency);
          const total = { amount: charges.value.total, currency };
          return { ok: false, error: { code: 'TOTAL_CHANGED', message: `The total changed to ${now}: check the cart and confirm the new total.`, field: 'expectedTotal', total } };
        }
        const { charges: orderCharges, total } = fromCart(charges.value, charges.value.shippingOption);
        const order = Order.checkOut({
          id: this.env.newId(),
          customerId,
          idempotencyKey: key.value,
          lines: priced.lines.map((line) => ({ productId: line.productId, name: line.name, quantity: line.quantity, unitPrice: Money.of(line.unitPrice, currency) })),
          charges: orderCharges,
          total,
          contactEmail: contactEmail.value,
          shippingAddress: shippingAddress.value,
          paymentToken: paymentToken.value,
          now: this.env.now(),
        });
        await orders.add(order);
        cart.empty();
        await carts.save(cart);
        return ok({ orderId: order.id });
      });
    } catch (error) {
      // placeOrder took the key meanwhile (it does not lock the cart): its order is the answer.
      if (!(error instanceof IdempotencyKeyTakenError)) throw error;
      return this.transactions.run(async ({ ordersByKey }) => {
        const first = await ordersByKey.find(customerId, key.value);
        if (!first) throw error;
        return ok({ orderId: first.id });
      });
    }
  }
}
