import { aCustomer, startHarness } from './ordering-harness';
import { aPlacedOrder } from './ordering-operations';
import { startedForThisFile } from '../../../test/support/subgraph-harness';

const ordering = startedForThisFile(startHarness);

/** What the database itself refuses, whatever the code above it does (or an operator types). */
describe("ordering's database", () => {
  it.each([
    ['UPDATE order_lines SET quantity = 0 WHERE order_id = $1', 'order_lines_quantity_check'],
    ['UPDATE order_lines SET unit_price_amount = -1 WHERE order_id = $1', 'order_lines_unit_price_amount_check'],
    ['UPDATE orders SET total_amount = -1 WHERE id = $1', expect.stringMatching(/^orders_(total_amount|charges)_check$/)],
    ['UPDATE orders SET discount_amount = subtotal_amount + 1, total_amount = 0, tax_amount = 1 WHERE id = $1', 'orders_charges_check'],
    ['UPDATE orders SET tax_amount = tax_amount + 1 WHERE id = $1', 'orders_charges_check'],
    ["UPDATE orders SET status = 'CANCELLED' WHERE id = $1", 'orders_status_reason_check'],
    ["UPDATE orders SET status_reason_code = 'PAYMENT_DECLINED', status_reason_message = 'x' WHERE id = $1", 'orders_status_reason_check'],
  ])('refuses %s', async (update, constraint) => {
    const orderId = await aPlacedOrder(ordering, aCustomer());
    await expect(ordering.sql.query(update, [orderId])).rejects.toMatchObject({ code: '23514', constraint });
  });

  it('refuses a negative price in the price list', async () => {
    const [productId] = await ordering.priceProducts({});
    await expect(ordering.sql.query('UPDATE price_list SET price_amount = -1 WHERE product_id = $1', [productId])).rejects.toMatchObject({
      code: '23514',
      constraint: 'price_list_price_amount_check',
    });
  });

  it('refuses a tax rate above 100 % and a cart line of more than 1,000 units', async () => {
    await expect(ordering.sql.query("INSERT INTO tax_rates (country, basis_points) VALUES ('XA', 10001)")).rejects.toMatchObject({ code: '23514', constraint: 'tax_rates_basis_points_check' });
    const [productId] = await ordering.priceProducts({});
    await ordering.sql.query("INSERT INTO carts (id, customer_id) VALUES (gen_random_uuid(), 'constraint-check')");
    const line = "INSERT INTO cart_lines (cart_id, product_id, quantity, position) SELECT id, $1, 1001, 0 FROM carts WHERE customer_id = 'constraint-check'";
    await expect(ordering.sql.query(line, [productId])).rejects.toMatchObject({ code: '23514', constraint: 'cart_lines_quantity_check' });
  });

  it('holds one order per customer and idempotency key', async () => {
    const customer = aCustomer();
    const orderId = await aPlacedOrder(ordering, customer, { idempotencyKey: 'only-once' });
    const copy = `INSERT INTO orders SELECT gen_random_uuid(), customer_id, idempotency_key, status, total_amount, currency, contact_email,
      ship_to_name, ship_to_line1, ship_to_line2, ship_to_city, ship_to_postal_code, ship_to_country, status_reason_code,
      status_reason_message, carrier, tracking_number, placed_at, updated_at, version, awaiting_redemption, discount_amount,
      shipping_amount, shipping_carrier, shipping_days, subtotal_amount, tax_amount FROM orders WHERE id = $1`;
    await expect(ordering.sql.query(copy, [orderId])).rejects.toMatchObject({ code: '23505', constraint: 'orders_customer_id_idempotency_key_key' });
  });
});
