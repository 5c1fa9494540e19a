import { ok, type Result, type Transactions } from '@storefront/kernel';
import type { Cart } from '../../domain/cart.aggregate';
import type { CartRepository } from '../../domain/cart.repository';
import type { PricedProduct, PriceList } from '../../domain/priced-product';
import type { PromotionCatalog } from '../../domain/promotion';

export interface CartLineCommand {
  customerId: string;
  productId: string;
  quantity: number;
}

/** Product ids are UUIDs, written in any case; the price list keeps them in lower case. */
const normaliseId = (productId: string): string => productId.trim().toLowerCase();

/** The signed-in customer changes their cart: one aggregate method under the cart's row lock, then saved. */
export class ChangeCart {
  constructor(
    private readonly transactions: Transactions<CartRepository>,
    private readonly priceList: PriceList,
    private readonly promotions: PromotionCatalog,
  ) {}

  async add({ customerId, productId, quantity }: CartLineCommand): Promise<Result<{ cartId: string }>> {
    const id = normaliseId(productId);
    const product = await this.product(id);
    return this.change(customerId, (cart) => cart.add(id, quantity, product));
  }

  async updateLine({ customerId, productId, quantity }: CartLineCommand): Promise<Result<{ cartId: string }>> {
    const id = normaliseId(productId);
    const product = quantity === 0 ? null : await this.product(id);
    return this.change(customerId, (cart) => cart.updateLine(id, quantity, product));
  }

  async applyCoupon(customerId: string, code: string): Promise<Result<{ cartId: string }>> {
    const promotion = code.trim() ? await this.promotions.withCode(code) : null;
    return this.change(customerId, (cart) => cart.applyCoupon(code, promotion));
  }

  removeCoupon(customerId: string): Promise<Result<{ cartId: string }>> {
    return this.change(customerId, (cart) => (cart.removeCoupon(), ok(undefined)));
  }

  empty(customerId: string): Promise<Result<{ cartId: string }>> {
    return this.change(customerId, (cart) => (cart.empty(), ok(undefined)));
  }

  private async product(productId: string): Promise<PricedProduct | null> {
    const [product] = await this.priceList.findMany([productId]);
    return product ?? null;
  }

  private change(customerId: string, apply: (cart: Cart) => Result<void>): Promise<Result<{ cartId: string }>> {
    return this.transactions.run(async (carts) => {
      const cart = await carts.forCustomer(customerId);
      const changed = apply(cart);
      if (!changed.ok) return changed;
      await carts.save(cart);
      return ok({ cartId: cart.id });
    });
  }
}
