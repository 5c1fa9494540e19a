import { formatMoney, requireRole, type Identity } from '@storefront/platform';
import type { Result } from '@storefront/kernel';
import type { DestinationCharges } from '../application/price-cart/cart-pricer';
import type { CartState } from '../domain/cart.aggregate';
import type { AppliedPromotion } from '../domain/cart-pricing';
import { cartIdOf } from '../infrastructure/prisma-cart.repository';
import type { CartLineView, CartView } from './cart-view';
import type { CartLineResolvers, CartResolvers, CustomerResolvers, MutationResolvers } from './generated/resolvers-types';
import { mayActFor } from '@storefront/platform';
import type { OrderingContext } from './ordering-context';

const money = (amount: number, currency: string) => ({ amount, currency, formatted: formatMoney(amount, currency) });

type CartParent = CartView;

const show = (state: CartState, ctx: OrderingContext): CartParent => ({ state, priced: ctx.carts.pricer.price(state), bills: new Map() });

/** The cart with this id, if the caller may see it: its customer, or an admin. */
async function visibleCart(id: string, ctx: OrderingContext): Promise<CartParent | null> {
  const state = await ctx.carts.queries.byId(id);
  if (state) return mayActFor(ctx.identity, state.customerId) ? show(state, ctx) : null;
  // A cart never changed is not stored; its customer still has it, empty.
  const own = ctx.identity && cartIdOf(ctx.identity.subject) === id.toLowerCase();
  return own ? show(await ctx.carts.queries.ofCustomer(ctx.identity!.subject), ctx) : null;
}

type Destination = { country?: string | null; shippingOptionId?: string | null };

/** The bill for a destination; `tax` and `total` asking for the same one share it. */
function charges(cart: CartParent, { country, shippingOptionId }: Destination, ctx: OrderingContext): Promise<DestinationCharges | null> {
  const destination = { country: (country ?? '').trim().toUpperCase(), shippingOptionId: shippingOptionId ?? null };
  const key = `${destination.country}|${destination.shippingOptionId ?? ''}`;
  let bill = cart.bills.get(key);
  if (!bill) {
    bill = cart.priced.then((priced) => ctx.carts.pricer.charge(priced, destination)).then((result) => (result.ok ? result.value : null));
    cart.bills.set(key, bill);
  }
  return bill;
}

/** A cart mutation's payload: the customer's cart as it is after the change (or as it was, when refused). */
async function cartPayload(identity: Identity, result: Result<unknown>, ctx: OrderingContext) {
  const cart = show(await ctx.carts.queries.ofCustomer(identity.subject), ctx);
  return { cart, errors: result.ok ? [] : [result.error] };
}

type LineInput = { input: { productId: string; quantity: number } };

export const cartResolvers = {
  Mutation: {
    addToCart: async (_: unknown, { input }: LineInput, ctx: OrderingContext) => {
      const customer = requireRole(ctx.identity, 'customer');
      return cartPayload(customer, await ctx.carts.change.add({ customerId: customer.subject, ...input }), ctx);
    },
    updateCartLine: async (_: unknown, { input }: LineInput, ctx: OrderingContext) => {
      const customer = requireRole(ctx.identity, 'customer');
      return cartPayload(customer, await ctx.carts.change.updateLine({ customerId: customer.subject, ...input }), ctx);
    },
    applyCoupon: async (_: unknown, { code }: { code: string }, ctx: OrderingContext) => {
      const customer = requireRole(ctx.identity, 'customer');
      return cartPayload(customer, await ctx.carts.change.applyCoupon(customer.subject, code), ctx);
    },
    removeCoupon: async (_: unknown, __: unknown, ctx: OrderingContext) => {
      const customer = requireRole(ctx.identity, 'customer');
      return cartPayload(customer, await ctx.carts.change.removeCoupon(customer.subject), ctx);
    },
    emptyCart: async (_: unknown, __: unknown, ctx: OrderingContext) => {
      const customer = requireRole(ctx.identity, 'customer');
      return cartPayload(customer, await ctx.carts.change.empty(customer.subject), ctx);
    },
    setTaxRate: async (_: unknown, { country, ratePercent }: { country: string; ratePercent: number }, ctx: OrderingContext) => {
      requireRole(ctx.identity, 'admin');
      const result = await ctx.carts.setTaxRate.execute(country, ratePercent);
      return result.ok ? { taxRate: result.value, errors: [] } : { taxRate: null, errors: [result.error] };
    },
  },
  Customer: {
    cart: async (customer: { id: string }, _: unknown, ctx: OrderingContext) =>
      mayActFor(ctx.identity, customer.id) ? show(await ctx.carts.queries.ofCustomer(customer.id), ctx) : null,
  },
  Cart: {
    __resolveReference: (ref: { id: string }, ctx: OrderingContext) => visibleCart(ref.id, ctx),
    id: (cart: CartParent) => cart.state.id,
    coupon: (cart: CartParent) => cart.state.coupon,
    lines: async (cart: CartParent) => {
      const { lines, items } = await cart.priced;
      return lines.map((line) => ({ ...line, currency: items.currency }));
    },
    subtotal: async (cart: CartParent) => {
      const { items } = await cart.priced;
      return money(items.subtotal, items.currency);
    },
    discount: async (cart: CartParent) => {
      const { items } = await cart.priced;
      return money(items.discount, items.currency);
    },
    appliedPromotions: async (cart: CartParent) => {
      const { items } = await cart.priced;
      const free = items.freeShipping ? [{ ...items.freeShipping, amount: 0 }] : [];
      return [...items.lineDiscounts, ...free].map((promotion: AppliedPromotion) => ({ ...promotion, amount: money(promotion.amount, items.currency) }));
    },
    tax: async (cart: CartParent, args: Destination, ctx: OrderingContext) => {
      const bill = await charges(cart, args, ctx);
      return bill && money(bill.tax, bill.currency);
    },
    total: async (cart: CartParent, args: Destination, ctx: OrderingContext) => {
      if (!args.country) {
        const { items } = await cart.priced;
        return money(items.subtotal - items.discount, items.currency);
      }
      const bill = await charges(cart, args, ctx);
      return bill && money(bill.total, bill.currency);
    },
  },
  CartLine: {
    product: (line: CartLineView) => ({ id: line.productId }),
    unitPrice: (line: CartLineView) => money(line.unitPrice, line.currency),
    lineTotal: (line: CartLineView) => money(line.unitPrice * line.quantity, line.currency),
  },
} satisfies {
  Mutation: MutationResolvers<OrderingContext>;
  Customer: CustomerResolvers<OrderingContext>;
  Cart: CartResolvers<OrderingContext>;
  CartLine: CartLineResolvers<OrderingContext>;
};
