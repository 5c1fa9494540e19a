import { graphql } from '../support/graphql-client';
import { clientOperations } from '../support/operations';
import { startSystem, type RunningSystem } from '../support/system';

jest.setTimeout(60_000);

const ops = clientOperations('back-office');
let system: RunningSystem;
let endpoint: string;
let admin: string;
let customer: string;

beforeAll(async () => {
  system = await startSystem();
  endpoint = `${system.gatewayUrl}/graphql`;
  admin = await system.token('admin-1', ['customer', 'admin']);
  customer = await system.token('customer-1');
});
afterAll(() => system?.stop());

interface PromotionNode {
  id: string;
  code: string | null;
  kind: string;
  percentOff: number | null;
  amountOff: { amount: number; currency: string; formatted: string } | null;
  status: string;
  redemptionCount: number;
}

const listPromotions = async (first = 50) => {
  const result = await graphql<{ promotions: { edges: { node: PromotionNode }[] } }>(endpoint, ops.Promotions!, { first }, admin);
  expect(result.errors).toBeUndefined();
  return result.data!.promotions.edges.map((edge) => edge.node);
};

describe("the back office's promotions through the gateway", () => {
  it('lists the demo promotions: an automatic 10 % off one category and the coupon WELCOME5, 5 € off', async () => {
    const promotions = await listPromotions();
    expect(promotions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: null, kind: 'PERCENT_OFF', percentOff: 10, status: 'ACTIVE', redemptionCount: 0 }),
        expect.objectContaining({ code: 'WELCOME5', kind: 'AMOUNT_OFF', amountOff: { amount: 500, currency: 'EUR', formatted: '€5.00' }, status: 'ACTIVE' }),
      ]),
    );
  });

  it('creates a coupon, lists it first, and ends it, with the operations as committed', async () => {
    const input = { code: 'SPRING25', description: '25 % off in spring', kind: 'PERCENT_OFF', value: 25, usageLimit: 100, perCustomerLimit: 1 };
    const created = await graphql(endpoint, ops.CreatePromotion!, { input }, admin);
    expect(created.errors).toBeUndefined();
    const { promotion, errors } = created.data!.createPromotion;
    expect(errors).toEqual([]);
    expect(promotion).toMatchObject({ code: 'SPRING25', kind: 'PERCENT_OFF', percentOff: 25, usageLimit: 100, perCustomerLimit: 1, status: 'ACTIVE', redemptionCount: 0 });
    expect((await listPromotions(1)).map((p) => p.id)).toEqual([promotion.id]);

    const duplicate = await graphql(endpoint, ops.CreatePromotion!, { input }, admin);
    expect(duplicate.data!.createPromotion.errors).toEqual([expect.objectContaining({ code: 'DUPLICATE_CODE', field: 'code' })]);

    const ended = await graphql(endpoint, ops.EndPromotion!, { id: promotion.id }, admin);
    expect(ended.data!.endPromotion).toEqual({ promotion: { id: promotion.id, status: 'ENDED', endedAt: expect.any(String) }, errors: [] });
  });

  it('answers bad input with a UserError naming the field', async () => {
    const input = { description: 'Too generous', kind: 'PERCENT_OFF', value: 150 };
    const refused = await graphql(endpoint, ops.CreatePromotion!, { input }, admin);
    expect(refused.data!.createPromotion).toEqual({ promotion: null, errors: [expect.objectContaining({ code: 'INVALID_PERCENTAGE', field: 'value' })] });
  });

  it('is for admins only', async () => {
    const input = { code: 'MINE', description: 'Mine', kind: 'FREE_SHIPPING' };
    const asCustomer = await graphql(endpoint, ops.CreatePromotion!, { input }, customer);
    const anonymous = await graphql(endpoint, ops.Promotions!, { first: 5 });
    expect([asCustomer.errors?.[0]?.extensions?.code, anonymous.errors?.[0]?.extensions?.code]).toEqual(['FORBIDDEN', 'UNAUTHENTICATED']);
  });
});
