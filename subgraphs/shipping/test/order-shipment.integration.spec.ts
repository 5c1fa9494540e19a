import { ORDER_SHIPMENT, anOrderId, asOrders, confirmedOrder } from './order-events';
import { admin, customer, startHarness, type ShippingHarness } from './shipping-harness';
import { startedForThisFile } from '../../../test/support/subgraph-harness';

const shipping = startedForThisFile(startHarness);

async function shipmentsSeenBy(identity: Parameters<ShippingHarness['graphql']>[2], orderIds: string[]) {
  const { data, errors } = await shipping.graphql(ORDER_SHIPMENT, asOrders(orderIds), identity);
  expect(errors).toBeUndefined();
  return data!._entities.map((order: { shipment: { status: string } | null }) => order.shipment?.status ?? null);
}

describe('Order.shipment', () => {
  it("shows a shipment to the customer who ordered and to admins, to nobody else, as if there were none", async () => {
    const orderId = await confirmedOrder(shipping, { customerId: customer.subject });

    expect(await shipmentsSeenBy(customer, [orderId])).toEqual(['PENDING']);
    expect(await shipmentsSeenBy(admin, [orderId])).toEqual(['PENDING']);
    expect(await shipmentsSeenBy({ subject: 'customer-2', roles: ['customer'] }, [orderId])).toEqual([null]);
    expect(await shipmentsSeenBy(null, [orderId])).toEqual([null]);
  });

  it('is null for an order without a shipment, and for an id that is no order id', async () => {
    expect(await shipmentsSeenBy(admin, [anOrderId(), 'not-an-order-id'])).toEqual([null, null]);
  });

  it('resolves the shipments of 100 orders with one SQL query', async () => {
    const shipped = [];
    for (let i = 0; i < 10; i += 1) shipped.push(await confirmedOrder(shipping, { customerId: customer.subject }));
    const orderIds = [...shipped, ...Array.from({ length: 90 }, anOrderId)];

    shipping.server.sqlQueries.reset();
    const statuses = await shipmentsSeenBy(customer, orderIds);

    expect(shipping.server.sqlQueries.count).toBe(1);
    expect(statuses).toEqual([...Array(10).fill('PENDING'), ...Array(90).fill(null)]);
  });
});
