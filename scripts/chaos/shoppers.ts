import { randomUUID } from 'node:crypto';
import { clientOperations } from '../../test/support/operations';
import type { OrderStatusWatcher } from './order-status-watcher';

const ops = clientOperations('storefront');
const COUNTRY = 'DE';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What a customer means to do with an order once it is placed. */
export type Plan = 'keep' | 'cancel-at-once' | 'cancel-once-confirmed' | 'dispatch' | 'dispatch-and-deliver' | 'dispatch-and-cancel';

export interface ChaosOrder {
  id: string;
  customer: string;
  idempotencyKey: string;
  paymentToken: string;
  plan: Plan;
  /** Every order id the checkout answered with for this key (retries and deliberate repeats). */
  answers: string[];
  /** Follow-up steps that did not happen (the order had gone elsewhere, or a step gave up). */
  notes: string[];
  /** Its dispatch and its cancellation were sent together, once it was confirmed. */
  raced?: boolean;
}

export interface LoadSettings {
  gatewayUrl: string;
  token(subject: string, roles?: readonly string[]): Promise<string>;
  run: string;
  orders: number;
  customers: number;
  /** Products that have stock, and some that have none (orders for those are rejected by inventory). */
  inStock: readonly string[];
  outOfStock: readonly string[];
  watcher: OrderStatusWatcher;
  /** How long one step may keep being retried through faults before the customer gives up on it. */
  stepDeadlineMs: number;
  /** How long a customer waits for the saga to confirm, reject or cancel an order (faults included). */
  sagaDeadlineMs: number;
}

export interface LoadOutcome {
  orders: ChaosOrder[];
  /** Checkouts that never produced an order, by reason. */
  abandoned: Map<string, number>;
  /** Requests that failed (transport, 5xx, GraphQL errors) and were tried again. */
  retriedRequests: number;
  startedAt: number;
  placedAllAt: number;
  followedUpAt: number;
}

class GaveUp extends Error {}

/**
 * Many customers at once, each placing orders through the gateway with the storefront's own
 * operations (cart, shipping option, checkout) and then doing what it planned with them (cancel,
 * or the back office dispatching and delivering). Requests that fail during a fault are tried
 * again as a client would, a checkout always with the same idempotency key.
 */
export class Shoppers {
  private retried = 0;
  private claimed = 0;
  private readonly orders: ChaosOrder[] = [];
  private readonly abandoned = new Map<string, number>();
  private readonly followUps: Promise<void>[] = [];
  private admin = '';
  /** Orders the customers may place so far: the run releases them in tranches, between faults. */
  private allowance = Number.POSITIVE_INFINITY;

  constructor(private readonly settings: LoadSettings) {}

  get placed(): number {
    return this.orders.length;
  }

  /** From now on, customers place orders only up to `orders` in all (until allowed more). */
  allow(orders: number): void {
    this.allowance = orders;
  }

  async run(): Promise<LoadOutcome> {
    this.admin = await this.settings.token(`chaos-${this.settings.run}-admin`, ['admin']);
    const startedAt = Date.now();
    await Promise.all(Array.from({ length: this.settings.customers }, (_, worker) => this.customer(worker)));
    const placedAllAt = Date.now();
    await Promise.all(this.followUps);
    return { orders: this.orders, abandoned: this.abandoned, retriedRequests: this.retried, startedAt, placedAllAt, followedUpAt: Date.now() };
  }

  private async customer(worker: number): Promise<void> {
    for (let n = 0; this.claimed < this.settings.orders; n += 1) {
      // A storefront that refuses every checkout would keep customers trying for ever: enough is enough.
      if ([...this.abandoned.values()].reduce((sum, n) => sum + n, 0) > this.settings.orders) return;
      if (this.claimed >= this.allowance) {
        await sleep(100);
        continue;
      }
      this.claimed += 1;
      const subject = `chaos-${this.settings.run}-${worker}-${n}`;
      const token = await this.settings.token(subject);
      try {
        const order = await this.checkout(subject, token);
        this.orders.push(order);
        this.followUps.push(this.followUp(order, token));
      } catch (error) {
        this.claimed -= 1;
        const reason = error instanceof GaveUp ? error.message : `unexpected: ${(error as Error).message}`;
        this.abandoned.set(reason, (this.abandoned.get(reason) ?? 0) + 1);
      }
    }
  }

  /** One GraphQL operation, tried again through transport errors, 5xx and GraphQL errors until the step's deadline. */
  private async request<T>(operation: string, variables: Record<string, unknown>, token: string, deadline: number): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      let problem: string;
      try {
        const response = await fetch(this.settings.gatewayUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: ops[operation]!, variables }),
          signal: AbortSignal.timeout(30_000),
        });
        const body = (await response.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
        if (response.ok && !body.errors && body.data) return body.data;
        problem = `${operation}: HTTP ${response.status} ${body.errors?.map((error) => error.extensions?.code ?? error.message).join(',') ?? ''}`;
        // A request the storefront refuses as malformed stays refused: asking again would change nothing.
        if (response.status === 400) throw new GaveUp(problem);
      } catch (error) {
        if (error instanceof GaveUp) throw error;
        problem = `${operation}: ${(error as Error).message}`;
      }
      if (Date.now() > deadline) throw new GaveUp(problem);
      this.retried += 1;
      await sleep(Math.min(2000, 100 * 2 ** attempt) * (0.5 + Math.random()));
    }
  }

  private pickLines(): { productId: string; quantity: number }[] {
    const { inStock, outOfStock } = this.settings;
    const lines = new Map<string, number>();
    const count = 1 + Math.floor(Math.random() * 2);
    while (lines.size < count) lines.set(inStock[Math.floor(Math.random() * inStock.length)]!, 1 + Math.floor(Math.random() * 2));
    if (outOfStock.length > 0 && Math.random() < 0.05) lines.set(outOfStock[Math.floor(Math.random() * outOfStock.length)]!, 1);
    return [...lines].map(([productId, quantity]) => ({ productId, quantity }));
  }

  private async checkout(customer: string, token: string): Promise<ChaosOrder> {
    const deadline = Date.now() + this.settings.stepDeadlineMs;
    for (const line of this.pickLines()) {
      const added = await this.request<{ addToCart: { errors: { code: string }[] } }>('AddToCart', { input: line }, token, deadline);
      if (added.addToCart.errors.length > 0) throw new GaveUp(`addToCart: ${added.addToCart.errors[0]!.code}`);
    }
    const idempotencyKey = randomUUID();
    const paymentToken = Math.random() < 0.1 ? 'tok_chargeDeclined' : 'tok_visa';
    for (;;) {
      const cart = (await this.request<{ me: { cart: { shippingOptions: { id: string }[] } } }>('Cart', { country: COUNTRY }, token, deadline)).me.cart;
      const option = cart.shippingOptions[0];
      if (!option) throw new GaveUp('no shipping option');
      const priced = (await this.request<{ me: { cart: { total: { amount: number; currency: string } } } }>('Cart', { country: COUNTRY, shippingOptionId: option.id }, token, deadline)).me.cart;
      const input = {
        idempotencyKey,
        shippingAddress: { name: 'Chaos Shopper', line1: 'Hauptstraße 1', line2: null, city: 'Berlin', postalCode: '10115', country: COUNTRY },
        contactEmail: 'shopper@example.com',
        paymentToken,
        shippingOptionId: option.id,
        expectedTotal: { amount: priced.total.amount, currency: priced.total.currency },
      };
      type CheckoutAnswer = { checkout: { order: { id: string } | null; errors: { code: string }[] } };
      const answer = await this.request<CheckoutAnswer>('Checkout', { input }, token, deadline);
      const codes = answer.checkout.errors.map((error) => error.code);
      if (answer.checkout.order) {
        const order: ChaosOrder = { id: answer.checkout.order.id, customer, idempotencyKey, paymentToken, plan: plan(), answers: [answer.checkout.order.id], notes: [] };
        // Some customers press the button twice: the same key must give the same order.
        if (Math.random() < 0.1) {
          const again = await this.request<CheckoutAnswer>('Checkout', { input }, token, deadline);
          if (again.checkout.order) order.answers.push(again.checkout.order.id);
          else order.notes.push(`repeated checkout answered ${again.checkout.errors.map((error) => error.code).join(',')}`);
        }
        return order;
      }
      // A quote that expired or a total that moved while a fault held things up: look at the cart again.
      if (!codes.every((code) => ['TOTAL_CHANGED', 'SHIPPING_QUOTE_EXPIRED', 'SHIPPING_QUOTE_STALE'].includes(code)) || Date.now() > deadline) {
        throw new GaveUp(`checkout: ${codes.join(',')}`);
      }
    }
  }

  private async followUp(order: ChaosOrder, token: string): Promise<void> {
    const deadline = () => Date.now() + this.settings.stepDeadlineMs;
    try {
      if (order.plan === 'keep') return;
      if (order.plan === 'cancel-at-once') {
        await this.cancel(order, token, deadline());
        return;
      }
      // Waits as long as the saga takes, faults included: a provider outage can hold payment for minutes.
      const status = await this.settings.watcher.until(order.id, ['CONFIRMED', 'REJECTED', 'CANCELLED'], this.settings.sagaDeadlineMs);
      if (status !== 'CONFIRMED') {
        order.notes.push(`never confirmed (${status ?? 'still waiting'})`);
        return;
      }
      if (order.plan === 'cancel-once-confirmed') {
        await this.cancel(order, token, deadline());
        return;
      }
      if (order.plan === 'dispatch-and-cancel') {
        await this.dispatchWhileCancelling(order, token, deadline());
        return;
      }
      await this.backOffice(order, 'Dispatch', 'dispatchShipment', deadline());
      if (order.plan === 'dispatch-and-deliver') await this.backOffice(order, 'Deliver', 'confirmDelivery', deadline());
    } catch (error) {
      order.notes.push(`follow-up gave up: ${(error as Error).message}`);
    }
  }

  private async cancel(order: ChaosOrder, token: string, deadline: number): Promise<void> {
    const answer = await this.request<{ cancelOrder: { errors: { code: string }[] } }>('CancelOrder', { id: order.id }, token, deadline);
    if (answer.cancelOrder.errors.length > 0) order.notes.push(`cancel refused: ${answer.cancelOrder.errors.map((error) => error.code).join(',')}`);
  }

  /**
   * The back office dispatches a confirmed order while its customer cancels it, the cancellation 0
   * to 1,050 ms after the dispatch (as test/e2e/cancel-dispatch-race.e2e.spec.ts does): ordering
   * lets exactly one of them win, and the audit checks every context followed the winner.
   */
  private async dispatchWhileCancelling(order: ChaosOrder, token: string, deadline: number): Promise<void> {
    order.raced = true;
    const cancelling = sleep(Math.random() * 1050).then(() => this.cancel(order, token, deadline));
    const dispatching = (async () => {
      for (;;) {
        const answer = await this.request<{ dispatchShipment: { errors: { code: string }[] } }>('Dispatch', { orderId: order.id }, this.admin, deadline);
        const codes = answer.dispatchShipment.errors.map((error) => error.code);
        if (codes.length === 0) return;
        // A refusal (the cancellation won) is an answer; a shipment shipping has not created yet is asked for again.
        if (!codes.includes('SHIPMENT_NOT_FOUND') || Date.now() > deadline) {
          order.notes.push(`dispatch refused: ${codes.join(',')}`);
          return;
        }
        await sleep(500);
      }
    })();
    await Promise.all([cancelling, dispatching]);
  }

  /**
   * Dispatch or deliver as the back office does: asked again through faults (the mutations answer
   * a repeat with the shipment as it is), and while shipping is not there yet (a shipment not
   * created yet, a delivery before ordering agreed to the dispatch).
   */
  private async backOffice(order: ChaosOrder, operation: 'Dispatch' | 'Deliver', field: string, deadline: number): Promise<void> {
    for (;;) {
      const answer = await this.request<Record<string, { errors: { code: string }[] }>>(operation, { orderId: order.id }, this.admin, deadline);
      const codes = answer[field]!.errors.map((error) => error.code);
      if (codes.length === 0) return;
      if (Date.now() > deadline) {
        order.notes.push(`${operation} refused: ${codes.join(',')}`);
        throw new GaveUp(`${operation}: ${codes.join(',')}`);
      }
      await sleep(500);
    }
  }
}

function plan(): Plan {
  const roll = Math.random();
  if (roll < 0.1) return 'cancel-at-once';
  if (roll < 0.2) return 'cancel-once-confirmed';
  if (roll < 0.42) return 'dispatch';
  if (roll < 0.7) return 'dispatch-and-deliver';
  if (roll < 0.8) return 'dispatch-and-cancel';
  return 'keep';
}
