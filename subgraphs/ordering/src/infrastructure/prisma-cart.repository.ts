import { createHash } from 'node:crypto';
import { readLocked } from '@storefront/platform';
import { Cart } from '../domain/cart.aggregate';
import type { CartRepository } from '../domain/cart.repository';
import type { Prisma } from './prisma/generated/client';

type Tx = Prisma.TransactionClient;

/**
 * A customer's cart id, the same for good: a UUID made from the customer id, so that a customer
 * who never added anything still has a cart (empty) with an id other subgraphs can refer to.
 */
export function cartIdOf(customerId: string): string {
  const hex = createHash('sha256').update(`ordering.cart:${customerId}`, 'utf8').digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Carts inside one transaction; the cart's row lock serialises every change to one customer's cart, checkout included. */
export class PrismaCartRepository implements CartRepository {
  constructor(private readonly tx: Tx) {}

  async forCustomer(customerId: string): Promise<Cart> {
    const id = cartIdOf(customerId);
    // Opened by insert-or-ignore, then locked: two first additions at once open one cart, and the second waits for the first.
    await this.tx.cart.createMany({ data: [{ id, customerId }], skipDuplicates: true });
    const cart = await readLocked(this.tx.$executeRaw`SELECT 1 FROM carts WHERE id = ${id}::uuid FOR UPDATE`, () =>
      this.tx.cart.findUniqueOrThrow({
        where: { id },
        select: { currency: true, coupon: true, version: true, lines: { orderBy: { position: 'asc' }, select: { productId: true, quantity: true } } },
      }),
    );
    if (!cart) throw new Error(`The cart of ${customerId} vanished while it was being opened`);
    return Cart.restore({ id, customerId, ...cart });
  }

  async save(cart: Cart): Promise<void> {
    const state = cart.snapshot();
    await this.tx.cart.update({
      where: { id: state.id },
      data: { currency: state.currency, coupon: state.coupon, version: { increment: 1 }, updatedAt: new Date() },
    });
    await this.tx.cartLine.deleteMany({ where: { cartId: state.id } });
    await this.tx.cartLine.createMany({ data: state.lines.map((line, position) => ({ cartId: state.id, productId: line.productId, quantity: line.quantity, position })) });
  }
}
