import { randomUUID } from 'node:crypto';
import { aCustomer, admin, startHarness } from './ordering-harness';
import {
  ADD_TO_CART,
  APPLY_COUPON,
  CART_ENTITIES,
  EMPTY_CART,
  REMOVE_COUPON,
  SET_TAX_RATE,
  UPDATE_CART_LINE,
  addToCart,
  myCart,
  promotionActivated,
  promotionEnded,
  send,
} from './checkout-operations';
import { startedForThisFile } from '../../../test/support/subgraph-harness';

const ordering = startedForThisFile(startHarness);

const eur = (amount: number) => ({ amount, currency: 'EUR' });

describe("a customer's cart", () => {
  it('adds products, more of one to its line, changes a quantity and removes a line at 0', async () => {
    const customer = aCustomer();
    const [mug, teapot] = await ordering.priceProducts({ name: 'Enamel mug' }, { name: 'Teapot', price: eur(3500) });
    await addToCart(ordering, customer, mug!, 2);
    await addToCart(ordering, customer, teapot!, 1);
    const added = await addToCart(ordering, customer, mug!.toUpperCase(), 1);
    expect(added.errors).toEqual([]);
    expect(added.cart.lines).toEqual([
      { product: { id: mug }, name: 'Enamel mug', quantity: 3, unitPrice: eur(1299), lineTotal: eur(3897) },
      { product: { id: teapot }, name: 'Teapot', quantity: 1, unitPrice: eur(3500), lineTotal: eur(3500) },
    ]);
    expect(added.cart.subtotal).toEqual(eur(7397));

    const changed = (await send(ordering, UPDATE_CART_LINE, { input: { productId: mug, quantity: 5 } }, customer)).updateCartLine;
    expect(changed.cart.lines.map((line: { quantity: number }) => line.quantity)).toEqual([5, 1]);
    const removed = (await send(ordering, UPDATE_CART_LINE, { input: { productId: teapot, quantity: 0 } }, customer)).updateCartLine;
    expect(removed.cart.lines.map((line: { product: { id: string } }) => line.product.id)).toEqual([mug]);
    const emptied = (await send(ordering, EMPTY_CART, {}, customer)).emptyCart;
    expect(emptied.cart).toMatchObject({ lines: [], subtotal: eur(0), coupon: null });
  });

  it('refuses what the cart rules forbid with typed errors, and keeps the cart as it was', async () => {
    const customer = aCustomer();
    const [mug, discontinued] = await ordering.priceProducts({}, {});
    await ordering.sql.query('UPDATE price_list SET discontinued_at = now() WHERE product_id = $1', [discontinued]);
    const [dollars] = await ordering.priceProducts({ price: { amount: 1000, currency: 'USD' } });
    await addToCart(ordering, customer, mug!, 1);
    const refusals = [
      [{ productId: mug, quantity: 1000 }, 'INVALID_QUANTITY', 'quantity'],
      [{ productId: mug, quantity: 0 }, 'INVALID_QUANTITY', 'quantity'],
      [{ productId: randomUUID(), quantity: 1 }, 'UNKNOWN_PRODUCT', 'productId'],
      [{ productId: 'not-a-uuid', quantity: 1 }, 'UNKNOWN_PRODUCT', 'productId'],
      [{ productId: discontinued, quantity: 1 }, 'PRODUCT_DISCONTINUED', 'productId'],
      [{ productId: dollars, quantity: 1 }, 'MIXED_CURRENCIES', 'productId'],
    ] as const;
    for (const [input, code, field] of refusals) {
      const { addToCart: reply } = await send(ordering, ADD_TO_CART, { input }, customer);
      expect(reply.errors).toEqual([{ code, field, message: expect.any(String) }]);
      expect(reply.cart.lines).toEqual([expect.objectContaining({ product: { id: mug }, quantity: 1 })]);
    }
  });

  it('holds at most 50 lines', async () => {
    const customer = aCustomer();
    const products = await ordering.priceProducts(...Array.from({ length: 51 }, () => ({})));
    for (const productId of products.slice(0, 50)) await addToCart(ordering, customer, productId);
    const reply = await addToCart(ordering, customer, products[50]!);
    expect(reply.errors).toEqual([expect.objectContaining({ code: 'TOO_MANY_LINES' })]);
    expect(reply.cart.lines).toHaveLength(50);
  });

  it('is its customer’s alone: another customer neither sees nor changes it', async () => {
    const alice = aCustomer();
    const bob = aCustomer();
    const [mug] = await ordering.priceProducts({});
    const alicesCart = (await addToCart(ordering, alice, mug!, 2)).cart;
    await send(ordering, EMPTY_CART, {}, bob);

    expect((await myCart(ordering, bob)).lines).toEqual([]);
    expect((await myCart(ordering, bob)).id).not.toBe(alicesCart.id);
    const asEntity = (caller: typeof alice | null) => send(ordering, CART_ENTITIES, { representations: [{ __typename: 'Cart', id: alicesCart.id }] }, caller);
    expect((await asEntity(bob))._entities).toEqual([null]);
    expect((await asEntity(null))._entities).toEqual([null]);
    expect((await asEntity(alice))._entities).toEqual([{ id: alicesCart.id, lines: [{ product: { id: mug }, quantity: 2 }] }]);
    expect((await myCart(ordering, alice)).lines).toEqual([expect.objectContaining({ quantity: 2 })]);

    const { body } = await ordering.request(ADD_TO_CART, { input: { productId: mug, quantity: 1 } }, null);
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('has an id for good, before the customer ever changes it', async () => {
    const customer = aCustomer();
    const before = await myCart(ordering, customer);
    expect(before).toMatchObject({ lines: [], subtotal: eur(0), total: eur(0) });
    const [mug] = await ordering.priceProducts({});
    expect((await addToCart(ordering, customer, mug!)).cart.id).toBe(before.id);
    const asEntity = await send(ordering, CART_ENTITIES, { representations: [{ __typename: 'Cart', id: before.id }] }, customer);
    expect(asEntity._entities[0].id).toBe(before.id);
  });

  it('applies an active coupon by its code, prices it, and takes it off again', async () => {
    const customer = aCustomer();
    const [mug] = await ordering.priceProducts({});
    const code = `SAVE${randomUUID().slice(0, 6).toUpperCase()}`;
    const coupon = promotionActivated({ code, description: '5 € off', kind: 'AMOUNT_OFF', percentOff: null, amountOff: eur(500), productIds: [mug!] });
    expect(await ordering.consumer.handle(coupon)).toBe('handled');
    expect(await ordering.consumer.handle(coupon)).toBe('duplicate');
    await addToCart(ordering, customer, mug!, 2);

    const unknown = (await send(ordering, APPLY_COUPON, { code: 'NOSUCHCODE' }, customer)).applyCoupon;
    expect(unknown.errors).toEqual([expect.objectContaining({ code: 'UNKNOWN_COUPON', field: 'code' })]);
    const applied = (await send(ordering, APPLY_COUPON, { code: ` ${code.toLowerCase()} ` }, customer)).applyCoupon;
    expect(applied.errors).toEqual([]);
    expect(applied.cart).toMatchObject({ coupon: code, subtotal: eur(2598), discount: eur(500), appliedPromotions: [{ code, description: '5 € off', amount: eur(500) }] });
    expect((await myCart(ordering, customer)).total).toEqual(eur(2098));

    const removed = (await send(ordering, REMOVE_COUPON, {}, customer)).removeCoupon;
    expect(removed.cart).toMatchObject({ coupon: null, discount: eur(0), appliedPromotions: [] });
  });

  it('prices automatic promotions for everyone until they end, and an end heard first keeps a late activation out', async () => {
    const customer = aCustomer();
    const [mug, lamp] = await ordering.priceProducts({}, {});
    const automatic = promotionActivated({ productIds: [mug!], description: '10 % off mugs' });
    await ordering.consumer.handle(automatic);
    await addToCart(ordering, customer, mug!, 1);
    expect((await myCart(ordering, customer)).discount).toEqual(eur(130));

    const ended = promotionEnded(automatic.payload.promotionId);
    expect(await ordering.consumer.handle(ended)).toBe('handled');
    expect(await ordering.consumer.handle(ended)).toBe('duplicate');
    expect((await myCart(ordering, customer)).discount).toEqual(eur(0));

    const early = promotionActivated({ productIds: [lamp!] });
    await ordering.consumer.handle(promotionEnded(early.payload.promotionId));
    await ordering.consumer.handle(early);
    await addToCart(ordering, customer, lamp!, 1);
    expect((await myCart(ordering, customer)).discount).toEqual(eur(0));
  });

  it('lets admins set a country’s tax rate, and refuses a bad rate', async () => {
    const set = (country: string, ratePercent: number) => send(ordering, SET_TAX_RATE, { country, ratePercent }, admin).then((data) => data.setTaxRate);
    expect(await set('at', 20)).toEqual({ taxRate: { country: 'AT', ratePercent: 20 }, errors: [] });
    expect(await set('LU', 16.5)).toEqual({ taxRate: { country: 'LU', ratePercent: 16.5 }, errors: [] });
    expect((await set('AT', 100.5)).errors).toEqual([{ code: 'INVALID_TAX_RATE', field: 'ratePercent' }]);
    expect((await set('Austria', 20)).errors).toEqual([{ code: 'INVALID_COUNTRY', field: 'country' }]);
    expect((await ordering.sql.query("SELECT basis_points FROM tax_rates WHERE country = 'AT'")).rows).toEqual([{ basis_points: 2000 }]);
    const { body } = await ordering.request(SET_TAX_RATE, { country: 'AT', ratePercent: 0 }, aCustomer());
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
