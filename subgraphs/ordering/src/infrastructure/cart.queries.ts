import { isUuid } from '@storefront/platform';
import type { CartState } from '../domain/cart.aggregate';
import { cartIdOf } from './prisma-cart.repository';
import type { OrderingDb } from './ordering-database';

const WITH_LINES = { lines: { orderBy: { position: 'asc' }, select: { productId: true, quantity: true } } } as const;

type CartRow = { id: string; customerId: string; currency: string | null; coupon: string | null; version: number; lines: { productId: string; quantity: number }[] };

const toState = (row: CartRow): CartState => ({ id: row.id, customerId: row.customerId, lines: row.lines, currency: row.currency, coupon: row.coupon, version: row.version });

/** The read side of carts: no lock, for showing them. */
export class CartQueries {
  constructor(private readonly db: OrderingDb) {}

  /** The customer's cart; an empty one (with the id it will keep) when they never changed it. */
  async ofCustomer(customerId: string): Promise<CartState> {
    const row = await this.db.cart.findUnique({ where: { customerId }, include: WITH_LINES });
    return row ? toState(row) : { id: cartIdOf(customerId), customerId, lines: [], currency: null, coupon: null, version: 0 };
  }

  /** The cart with this id, or null when no cart was ever stored under it. */
  async byId(id: string): Promise<CartState | null> {
    if (!isUuid(id)) return null;
    const row = await this.db.cart.findUnique({ where: { id: id.toLowerCase() }, include: WITH_LINES });
    return row ? toState(row) : null;
  }
}
