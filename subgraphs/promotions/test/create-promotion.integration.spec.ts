import { admin, customer, startHarness, type PromotionsHarness } from './promotions-harness';

const CREATE = /* GraphQL */ `
  mutation ($input: CreatePromotionInput!) {
    createPromotion(input: $input) { promotion { id name createdAt } errors { code field } }
  }
`;
const BY_ID = /* GraphQL */ `query ($id: ID!) { promotion(id: $id) { id name } }`;
const ENTITIES = /* GraphQL */ `
  query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Promotion { id name } } }
`;

let harness: PromotionsHarness;

beforeAll(async () => {
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.stop();
});

describe('createPromotion', () => {
  it('stores a promotion that the query and entity resolution then find', async () => {
    const created = await harness.graphql(CREATE, { input: { name: ' Spring ' } }, admin);
    expect(created.errors).toBeUndefined();
    const { id } = created.data!.createPromotion.promotion;
    expect(created.data!.createPromotion).toEqual({ promotion: { id, name: 'Spring', createdAt: expect.any(String) }, errors: [] });

    expect((await harness.graphql(BY_ID, { id })).data).toEqual({ promotion: { id, name: 'Spring' } });
    expect((await harness.graphql(ENTITIES, { representations: [{ __typename: 'Promotion', id }] })).data).toEqual({ _entities: [{ id, name: 'Spring' }] });
  });

  it('answers null for an id it does not know, well-formed or not', async () => {
    const unknown = await harness.graphql(BY_ID, { id: '00000000-0000-4000-8000-000000000000' });
    const malformed = await harness.graphql(BY_ID, { id: 'not-a-uuid' });

    expect([unknown.data, malformed.data]).toEqual([{ promotion: null }, { promotion: null }]);
  });

  it('returns a refused name as an error naming the field, and stores nothing', async () => {
    const before = await harness.db.promotion.count();

    const refused = await harness.graphql(CREATE, { input: { name: '  ' } }, admin);

    expect(refused.data!.createPromotion).toEqual({ promotion: null, errors: [{ code: 'NAME_REQUIRED', field: 'name' }] });
    await expect(harness.db.promotion.count()).resolves.toBe(before);
  });

  it('is for admins only', async () => {
    const anonymous = await harness.graphql(CREATE, { input: { name: 'Spring' } });
    const asCustomer = await harness.graphql(CREATE, { input: { name: 'Spring' } }, customer);

    expect([anonymous.errors?.[0]?.extensions?.code, asCustomer.errors?.[0]?.extensions?.code]).toEqual(['UNAUTHENTICATED', 'FORBIDDEN']);
  });
});
