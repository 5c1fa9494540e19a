import { randomUUID } from 'node:crypto';
import { eventually } from './event-bus';
import { graphql } from './graphql-client';
import { clientOperations } from './operations';

const ops = clientOperations('storefront');

export interface OrderView {
  id: string;
  status: string;
  statusReason: { code: string; message: string } | null;
  /** While it waits for another context: when it stops waiting (cancelled if still waiting then). */
  waitingUntil: string | null;
  total: { amount: number; currency: string };
  lines: { product: { id: string; name: string } | null; quantity: number; unitPrice: { amount: number }; lineTotal: { amount: number } }[];
  payment: { status: string; amount: { amount: number } } | null;
  shipment: { status: string; carrier: string | null; trackingNumber: string | null } | null;
}

/** The storefront's own operations, from clients/, driven as a shopper and the back office would. */
export class Storefront {
  constructor(
    private readonly endpoint: string,
    private readonly admin: string,
  ) {}

  /** A new product, learned by inventory and ordering, with `units` received in one warehouse. */
  async stockedProduct(sku: string, units: number, price = 1999): Promise<string> {
    const input = { sku, name: `Product ${sku}`, description: 'For an order.', price: { amount: price, currency: 'EUR' } };
    const created = await graphql(this.endpoint, ops.CreateProduct!, { input }, this.admin);
    const productId = created.data!.createProduct.product.id as string;
    await eventually(async () => {
      const received = await graphql(this.endpoint, ops.ReceiveStock!, { input: { productId, warehouseId: 'eu-central', quantity: units } }, this.admin);
      return received.data!.receiveStock.errors.length === 0 ? true : undefined;
    }, `inventory to learn of ${sku}`);
    return productId;
  }

  placeOrder(customer: string, lines: { productId: string; quantity: number }[], options: { paymentToken?: string; idempotencyKey?: string } = {}) {
    const input = {
      idempotencyKey: options.idempotencyKey ?? randomUUID(),
      lines,
      shippingAddress: { name: 'Ada Lovelace', line1: 'Hauptstraße 1', line2: null, city: 'Berlin', postalCode: '10115', country: 'DE' },
      contactEmail: 'ada@example.com',
      paymentToken: options.paymentToken ?? 'tok_visa',
    };
    return graphql(this.endpoint, ops.PlaceOrder!, { input }, customer);
  }

  /** Places an order once ordering's price list knows every product (it learns them from catalog's events). */
  async placeOrderOnceSellable(customer: string, lines: { productId: string; quantity: number }[], options: { paymentToken?: string } = {}): Promise<string> {
    return eventually(async () => {
      const placed = await this.placeOrder(customer, lines, options);
      if (!placed.data?.placeOrder) throw new Error(`placeOrder failed: ${JSON.stringify(placed.errors)}`);
      const errors = placed.data.placeOrder.errors as { code: string }[];
      if (errors.some((error) => error.code === 'UNKNOWN_PRODUCT')) return undefined;
      if (errors.length > 0) throw new Error(`placeOrder refused: ${JSON.stringify(errors)}`);
      return placed.data!.placeOrder.order.id as string;
    }, 'ordering to sell the products');
  }

  /**
   * A shopper's checkout through the storefront's own operations: the product into the cart (once
   * ordering sells it), the first shipping option quoted for `country`, then `Checkout` with the
   * total the cart showed. Returns the order's id.
   */
  async checkoutOnceSellable(customer: string, productId: string, quantity: number, country = 'DE'): Promise<string> {
    await eventually(async () => {
      const added = await graphql(this.endpoint, ops.AddToCart!, { input: { productId, quantity } }, customer);
      if (!added.data?.addToCart) throw new Error(`addToCart failed: ${JSON.stringify(added.errors)}`);
      const errors = added.data.addToCart.errors as { code: string }[];
      if (errors.some((error) => error.code === 'UNKNOWN_PRODUCT')) return undefined;
      if (errors.length > 0) throw new Error(`addToCart refused: ${JSON.stringify(errors)}`);
      return true;
    }, 'ordering to sell the product');
    const quoted = await graphql(this.endpoint, ops.Cart!, { country }, customer);
    const option = quoted.data?.me?.cart?.shippingOptions?.[0] as { id: string } | undefined;
    if (!option) throw new Error(`no shipping option for ${country}: ${JSON.stringify(quoted.errors ?? quoted.data)}`);
    const priced = await graphql(this.endpoint, ops.Cart!, { country, shippingOptionId: option.id }, customer);
    const expectedTotal = priced.data!.me.cart.total as { amount: number; currency: string };
    const input = {
      idempotencyKey: randomUUID(),
      shippingAddress: { name: 'Ada Lovelace', line1: 'Hauptstraße 1', line2: null, city: 'Berlin', postalCode: '10115', country },
      contactEmail: 'ada@example.com',
      paymentToken: 'tok_visa',
      shippingOptionId: option.id,
      expectedTotal: { amount: expectedTotal.amount, currency: expectedTotal.currency },
    };
    const placed = await graphql(this.endpoint, ops.Checkout!, { input }, customer);
    if (!placed.data?.checkout) throw new Error(`checkout failed: ${JSON.stringify(placed.errors)}`);
    if ((placed.data.checkout.errors as unknown[]).length > 0) throw new Error(`checkout refused: ${JSON.stringify(placed.data.checkout.errors)}`);
    return placed.data.checkout.order.id as string;
  }

  async order(id: string, token: string): Promise<OrderView | null> {
    const result = await graphql<{ order: OrderView | null }>(this.endpoint, ops.Order!, { id }, token);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!.order;
  }

  /** Polls the order as `token` sees it until `done` holds. */
  orderWhen(id: string, token: string, done: (order: OrderView) => boolean, what: string): Promise<OrderView> {
    return eventually(async () => {
      const order = await this.order(id, token);
      return order && done(order) ? order : undefined;
    }, what, 30_000);
  }

  async stockOf(productId: string): Promise<{ onHand: number; reserved: number; available: number }> {
    const detail = await graphql(this.endpoint, ops.ProductDetail!, { id: productId, country: 'DE' });
    return detail.data!.product.stock;
  }

  adminOperation(name: 'Dispatch' | 'Deliver' | 'Refund', variables: Record<string, unknown>) {
    return graphql(this.endpoint, ops[name]!, variables, this.admin);
  }

  myOrders(customer: string) {
    return graphql(this.endpoint, ops.MyOrders!, {}, customer);
  }

  cancel(id: string, customer: string) {
    return graphql(this.endpoint, ops.CancelOrder!, { id }, customer);
  }
}
