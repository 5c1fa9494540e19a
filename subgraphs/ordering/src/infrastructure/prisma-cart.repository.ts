import { createHash } from 'node:crypto';
import { ConcurrentModificationError } from '@storefront/kernel';
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
    // Opening the cart and locking it are one step, so two first additions at once cannot both open one.
    await this.tx.$executeRaw`INSERT INTO carts (id, customer_id) VALUES (${id}::uuid, ${customerId}) ON CONFLICT (customer_id) DO NOTHING`;
    const rows = await this.tx.$queryRaw<{ currency: string | null; coupon: string | null; version: number }[]>`
      SELECT currency, coupon, version FROM carts WHERE id = ${id}::uuid FOR UPDATE`;
    const row = rows[0];
    if (!row) throw new Error(`The cart of ${customerId} vanished while it was being opened`);
    const lines = await this.tx.cartLine.findMany({ where: { cartId: id }, orderBy: { position: 'asc' }, select: { productId: true, quantity: true } });
    return Cart.restore({ id, customerId, lines, currency: row.currency, coupon: row.coupon, version: row.version });
  }

  async save(cart: Cart): Promise<void> {
    const state = cart.snapshot();
    const { count } = await this.tx.cart.updateMany({
      where: { id: state.id, version: state.version },
      data: { currency: state.currency, coupon: state.coupon, version: { increment: 1 }, updatedAt: new Date() },
    });
    if (count === 0) throw new ConcurrentModificationError('Cart', state.id);
    await this.tx.cartLine.deleteMany({ where: { cartId: state.id } });
    await this.tx.cartLine.createMany({ data: state.lines.map((line, position) => ({ cartId: state.id, productId: line.productId, quantity: line.quantity, position })) });
  }
}
