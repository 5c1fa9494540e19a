import { CREATE_PROMOTION, END_PROMOTION, PROMOTIONS, aCode, aPromotion, admin, customer, startHarness } from './promotions-harness';
import { startedForThisFile } from '../../../test/support/subgraph-harness';

const KITCHEN = 'c0ffee00-0000-4000-8000-000000000001';

const promotions = startedForThisFile(startHarness);

const outboxOf = (promotionId: string) =>
  promotions.db.outboxEvent.findMany({ where: { aggregateId: promotionId }, orderBy: { position: 'asc' }, select: { type: true, payload: true } });

describe('admin promotions', () => {
  it('creates a coupon and announces it in the same transaction', async () => {
    const code = aCode();
    const startsAt = new Date(Date.now() + 3_600_000).toISOString();
    const endsAt = new Date(Date.now() + 48 * 3_600_000).toISOString();
    const input = { code: code.toLowerCase(), description: '5 € off', kind: 'AMOUNT_OFF', value: 500, currency: 'EUR', minimumSubtotal: { amount: 2000, currency: 'EUR' }, startsAt, endsAt, usageLimit: 5, perCustomerLimit: 1 };

    const result = await promotions.graphql(CREATE_PROMOTION, { input }, admin);

    const { promotion, errors } = result.data!.createPromotion;
    expect(errors).toEqual([]);
    expect(promotion).toMatchObject({
      code, description: '5 € off', kind: 'AMOUNT_OFF', percentOff: null, amountOff: { amount: 500, currency: 'EUR', formatted: '€5.00' },
      productIds: [], categoryIds: [], minimumSubtotal: { amount: 2000, currency: 'EUR' }, startsAt, endsAt,
      usageLimit: 5, perCustomerLimit: 1, status: 'SCHEDULED', endedAt: null, redemptionCount: 0,
    });
    expect(await outboxOf(promotion.id)).toEqual([
      {
        type: 'promotions.promotion-activated.v1',
        payload: {
          promotionId: promotion.id, code, description: '5 € off', kind: 'AMOUNT_OFF', percentOff: null, amountOff: { amount: 500, currency: 'EUR' },
          productIds: [], categoryIds: [], minimumSubtotal: { amount: 2000, currency: 'EUR' }, startsAt, endsAt, limited: true,
        },
      },
    ]);
  });

  it('creates an automatic percentage off a category, active from now', async () => {
    const id = await aPromotion(promotions, { description: '10 % off the kitchen', kind: 'PERCENT_OFF', value: 10, categoryIds: [KITCHEN] });
    const [activated] = await outboxOf(id);
    expect(activated?.payload).toMatchObject({ code: null, kind: 'PERCENT_OFF', percentOff: 10, amountOff: null, categoryIds: [KITCHEN], endsAt: null, limited: false });
  });

  it.each([
    ['a percentage above 100', { kind: 'PERCENT_OFF', value: 150 }, 'INVALID_PERCENTAGE', 'value'],
    ['a negative amount', { kind: 'AMOUNT_OFF', value: -5, currency: 'EUR' }, 'INVALID_AMOUNT', 'value'],
    ['an end before the start', { kind: 'FREE_SHIPPING', startsAt: '2030-01-02T00:00:00Z', endsAt: '2030-01-01T00:00:00Z' }, 'INVALID_PERIOD', 'endsAt'],
    ['a limit without a code', { kind: 'FREE_SHIPPING', code: null, usageLimit: 5 }, 'LIMIT_NEEDS_CODE', 'usageLimit'],
  ])('refuses %s with a UserError naming the field, and writes nothing', async (_, overrides, code, field) => {
    const before = await promotions.db.promotion.count();
    const result = await promotions.graphql(CREATE_PROMOTION, { input: { code: aCode(), description: 'Nope', ...overrides } }, admin);
    expect(result.data!.createPromotion).toEqual({ promotion: null, errors: [expect.objectContaining({ code, field })] });
    expect(await promotions.db.promotion.count()).toBe(before);
  });

  it('refuses a code another running promotion has, also when two admins create it at once', async () => {
    const code = aCode();
    const input = { code, description: 'Twice', kind: 'FREE_SHIPPING' };
    const results = await Promise.all([1, 2, 3].map(() => promotions.graphql(CREATE_PROMOTION, { input }, admin)));
    const created = results.filter((r) => r.data!.createPromotion.promotion !== null);
    expect(created).toHaveLength(1);
    expect(results.flatMap((r) => r.data!.createPromotion.errors.map((e: { code: string }) => e.code))).toEqual(['DUPLICATE_CODE', 'DUPLICATE_CODE']);
    expect(await promotions.db.promotion.count({ where: { code } })).toBe(1);
  });

  it('ends a promotion once, announcing it; the code is free again afterwards', async () => {
    const code = aCode();
    const id = await aPromotion(promotions, { code, description: 'Short-lived', kind: 'FREE_SHIPPING' });

    const ended = await promotions.graphql(END_PROMOTION, { id }, admin);
    expect(ended.data!.endPromotion).toEqual({ promotion: { id, status: 'ENDED', endedAt: expect.any(String) }, errors: [] });
    expect((await outboxOf(id)).map((e) => e.type)).toEqual(['promotions.promotion-activated.v1', 'promotions.promotion-ended.v1']);
    expect((await outboxOf(id))[1]?.payload).toEqual({ promotionId: id });

    const again = await promotions.graphql(END_PROMOTION, { id }, admin);
    expect(again.data!.endPromotion).toEqual({ promotion: null, errors: [expect.objectContaining({ code: 'ALREADY_ENDED', field: 'id' })] });
    expect(await outboxOf(id)).toHaveLength(2);
    await aPromotion(promotions, { code, description: 'The code again', kind: 'FREE_SHIPPING' });
  });

  it('answers PROMOTION_NOT_FOUND for an id it does not know', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      const result = await promotions.graphql(END_PROMOTION, { id }, admin);
      expect(result.data!.endPromotion.errors).toEqual([expect.objectContaining({ code: 'PROMOTION_NOT_FOUND', field: 'id' })]);
    }
  });

  it('lists promotions newest first, page by page, with their redemption counts', async () => {
    const ids = [];
    for (let i = 0; i < 3; i += 1) ids.push(await aPromotion(promotions, { code: aCode(), description: `Page ${i}`, kind: 'FREE_SHIPPING' }));
    await promotions.db.promotion.update({ where: { id: ids[1] }, data: { redemptionCount: 4 } });

    const first = await promotions.graphql(PROMOTIONS, { first: 2 }, admin);
    const page1 = first.data!.promotions;
    expect(page1.edges.map((e: any) => e.node.id)).toEqual([ids[2], ids[1]]);
    expect(page1.edges[1].node).toMatchObject({ status: 'ACTIVE', redemptionCount: 4 });
    expect(page1.pageInfo.hasNextPage).toBe(true);

    const second = await promotions.graphql(PROMOTIONS, { first: 1, after: page1.pageInfo.endCursor }, admin);
    expect(second.data!.promotions.edges.map((e: any) => e.node.id)).toEqual([ids[0]]);
  });

  it('refuses a page too large and a cursor of another list', async () => {
    expect((await promotions.graphql(PROMOTIONS, { first: 101 }, admin)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect((await promotions.graphql(PROMOTIONS, { after: 'bm90LWEtY3Vyc29y' }, admin)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('is for admins only', async () => {
    const input = { code: aCode(), description: 'Mine', kind: 'FREE_SHIPPING' };
    expect((await promotions.graphql(CREATE_PROMOTION, { input }, customer)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await promotions.graphql(END_PROMOTION, { id: '00000000-0000-4000-8000-000000000000' }, null)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await promotions.graphql(PROMOTIONS, {}, customer)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
