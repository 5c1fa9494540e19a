import { encodeCursor } from '@storefront/platform';
import { AWAITING_MEASUREMENT, SET_PARCEL_PROFILE, admin, customer, learnProducts, startHarness } from './shipping-harness';
import { startedForThisFile } from '../../../test/support/subgraph-harness';

// A database of its own: the list is everything awaiting measurement, so no other test may add to it.
const shipping = startedForThisFile(startHarness);

beforeEach(async () => {
  await shipping.db.parcelProfile.deleteMany();
  await shipping.db.shippableProduct.deleteMany();
});

interface Edge {
  cursor: string;
  waitingSince: string;
  node: { id: string; parcelStatus: string | null };
}

const minutesAfterNine = (minutes: number) => new Date(Date.UTC(2026, 10, 20, 9, minutes));

async function page(first: number | null, after: string | null = null) {
  const result = await shipping.graphql(AWAITING_MEASUREMENT, { first, after }, admin);
  expect(result.errors).toBeUndefined();
  return result.data!.productsAwaitingMeasurement as { edges: Edge[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

async function everyPage(first: number): Promise<Edge[]> {
  const edges: Edge[] = [];
  let after: string | null = null;
  for (;;) {
    const next = await page(first, after);
    edges.push(...next.edges);
    if (!next.pageInfo.hasNextPage) return edges;
    after = next.pageInfo.endCursor;
  }
}

describe('productsAwaitingMeasurement', () => {
  it('lists the learned products without a parcel profile that are still sold, longest waiting first, page by page', async () => {
    const [oldest, tiedA, tiedB, newest] = ['0a', '1b', '1c', '2d'].map((prefix) => `${prefix}000000-0000-4000-8000-000000000000`) as [string, string, string, string];
    // Learned out of order; two at the same instant are ordered by id.
    await learnProducts(
      shipping.db,
      { productId: newest, learnedAt: minutesAfterNine(30) },
      { productId: tiedB, learnedAt: minutesAfterNine(20) },
      { productId: oldest, learnedAt: minutesAfterNine(5) },
      { productId: tiedA, learnedAt: minutesAfterNine(20) },
    );
    const [measured] = await learnProducts(shipping.db, { learnedAt: minutesAfterNine(1) });
    await shipping.db.parcelProfile.create({ data: { productId: measured!, weightGrams: 500, lengthMm: 100, widthMm: 100, heightMm: 100 } });
    await learnProducts(shipping.db, { learnedAt: minutesAfterNine(2), discontinuedAt: minutesAfterNine(3), catalogVersion: 1 });

    const first = await page(2);
    expect(first.edges.map((edge) => edge.node)).toEqual([
      { id: oldest, parcelStatus: 'AWAITING_MEASUREMENT' },
      { id: tiedA, parcelStatus: 'AWAITING_MEASUREMENT' },
    ]);
    expect(first.edges[0]!.waitingSince).toBe('2026-11-20T09:05:00.000Z');
    expect(first.pageInfo).toEqual({ hasNextPage: true, endCursor: first.edges[1]!.cursor });

    const all = await everyPage(1);
    expect(all.map((edge) => edge.node.id)).toEqual([oldest, tiedA, tiedB, newest]);
    expect((await page(4)).pageInfo).toEqual({ hasNextPage: false, endCursor: all[3]!.cursor });
    expect(await page(0)).toEqual({ edges: [], pageInfo: { hasNextPage: true, endCursor: null } });
  });

  it('drops a product from the list once an admin sets its parcel profile', async () => {
    const [productId] = await learnProducts(shipping.db, {});
    expect((await page(10)).edges.map((edge) => edge.node.id)).toEqual([productId]);

    const input = { productId, weightGrams: 850, lengthMm: 250, widthMm: 180, heightMm: 120 };
    expect((await shipping.graphql(SET_PARCEL_PROFILE, { input }, admin)).data!.setParcelProfile.errors).toEqual([]);

    expect(await page(10)).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it('reads a full page of 100, statuses included, with one SQL query', async () => {
    await learnProducts(shipping.db, ...Array.from({ length: 120 }, (_, index) => ({ learnedAt: minutesAfterNine(index % 50) })));

    shipping.server.sqlQueries.reset();
    const full = await page(100);
    expect(shipping.server.sqlQueries.count).toBe(1);
    expect(full.edges).toHaveLength(100);
    expect(full.edges.every((edge) => edge.node.parcelStatus === 'AWAITING_MEASUREMENT')).toBe(true);
    expect(full.pageInfo.hasNextPage).toBe(true);
    // Products learned at the same instant straddle the pages: none is lost or listed twice.
    expect(new Set((await everyPage(30)).map((edge) => edge.node.id)).size).toBe(120);
  });

  it('is for admins only', async () => {
    const asCustomer = await shipping.graphql(AWAITING_MEASUREMENT, {}, customer);
    expect(asCustomer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await shipping.graphql(AWAITING_MEASUREMENT, {}, null);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it.each([
    ['more than 100 at once', { first: 101 }, 'first'],
    ['a negative page size', { first: -1 }, 'first'],
    ['a cursor that is not one', { after: 'not a cursor' }, 'after'],
    ["another list's cursor", { after: encodeCursor('catalog.products', 'MUG-1') }, 'after'],
    ['a cursor without an instant', { after: encodeCursor('shipping.awaiting-measurement', 'yesterday|some-product') }, 'after'],
    ['a cursor without a product', { after: encodeCursor('shipping.awaiting-measurement', '2026-11-20T09:05:00.000Z|') }, 'after'],
  ])('answers %s with BAD_USER_INPUT naming %s', async (_, variables, field) => {
    const result = await shipping.graphql(AWAITING_MEASUREMENT, variables, admin);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});
