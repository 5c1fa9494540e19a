import { CATALOG, check, edit, findingsOf, fixtureRepo, INVENTORY, operationNames, recompose, removeFixtureRepos } from './fixture-repo';

afterAll(removeFixtureRepos);

/** Edits the catalog or inventory SDL of a fresh fixture, recomposes, and checks against the fixture. */
async function afterChange(file: string, from: string, to: string) {
  const root = fixtureRepo();
  edit(root, file, from, to);
  recompose(root);
  const result = await check(root);
  const api = findingsOf(result, 'api');
  return { result, api, breaking: api.filter((finding) => finding.classification === 'breaking') };
}

describe('API changes against the base', () => {
  it('passes a nullable field added to a type, as a safe change', async () => {
    const { result, api } = await afterChange(CATALOG, '  legacyCode: String\n', '  legacyCode: String\n  subtitle: String\n');
    expect(api).toEqual([expect.objectContaining({ code: 'FIELD_ADDED', path: 'Product.subtitle', classification: 'safe', severity: 'info' })]);
    expect(result.exitCode).toBe(0);
  });

  it('fails a removed field and names the client operations that select it', async () => {
    const { result, breaking } = await afterChange(CATALOG, '  id: ID!\n  sku: String!\n', '  id: ID!\n');
    expect(breaking).toEqual([expect.objectContaining({ code: 'FIELD_REMOVED', path: 'Product.sku', severity: 'error' })]);
    expect(operationNames(breaking[0])).toEqual(['CreateProduct', 'ProductList']);
    const invalid = findingsOf(result, 'operations').filter((finding) => finding.code === 'INVALID_OPERATION');
    expect(invalid.map((finding) => finding.operations?.[0]?.name).sort()).toEqual(['CreateProduct', 'ProductList']);
    expect(result.exitCode).toBe(1);
  });

  it('still fails a removed field that no client operation uses, saying none here breaks', async () => {
    const { result, breaking } = await afterChange(CATALOG, '  "Kept for an old importer; no client here reads it."\n  legacyCode: String\n', '');
    expect(breaking).toEqual([expect.objectContaining({ code: 'FIELD_REMOVED', path: 'Product.legacyCode', operations: [] })]);
    expect(findingsOf(result, 'operations')).toEqual([]);
    expect(result.exitCode).toBe(1);
  });

  it('fails an argument made required, naming every operation that calls the field', async () => {
    const { result, breaking } = await afterChange(CATALOG, 'status: ProductStatus)', 'status: ProductStatus!)');
    expect(breaking).toEqual([expect.objectContaining({ code: 'FIELD_ARGUMENT_TYPE_CHANGED', path: 'Query.products.status' })]);
    expect(operationNames(breaking[0])).toEqual(['ProductList']);
    expect(result.exitCode).toBe(1);
  });

  it('fails an enum value removed, naming the operations that send or receive the enum', async () => {
    const { result, breaking } = await afterChange(CATALOG, '  DRAFT\n', '');
    expect(breaking).toEqual([expect.objectContaining({ code: 'ENUM_VALUE_REMOVED', path: 'ProductStatus.DRAFT' })]);
    // ProductList passes $status: ProductStatus; ProductPage reads status through a fragment.
    expect(operationNames(breaking[0])).toEqual(['ProductList', 'ProductPage']);
    expect(result.exitCode).toBe(1);
  });

  it("fails a field's type change in another subgraph", async () => {
    const { result, breaking } = await afterChange(INVENTORY, '  stock: Int\n', '  stock: String\n');
    expect(breaking).toEqual([expect.objectContaining({ code: 'FIELD_TYPE_CHANGED', path: 'Product.stock', classification: 'breaking' })]);
    expect(operationNames(breaking[0])).toEqual(['ProductPage']);
    expect(result.exitCode).toBe(1);
  });

  it('reports a new enum value as dangerous: a warning that passes', async () => {
    const { result, api } = await afterChange(CATALOG, '  DRAFT\n', '  DRAFT\n  ARCHIVED\n');
    expect(api).toEqual([expect.objectContaining({ code: 'ENUM_VALUE_ADDED', classification: 'dangerous', severity: 'warning' })]);
    expect(result.exitCode).toBe(0);
  });

  it('warns about deprecated fields that client operations still use', async () => {
    const { result } = await afterChange(CATALOG, '  name: String!\n  "Kept', '  name: String! @deprecated(reason: "Use title.")\n  "Kept');
    const deprecated = findingsOf(result, 'operations').filter((finding) => finding.code === 'DEPRECATED_USAGE');
    expect(deprecated.map((finding) => finding.operations?.[0]?.name).sort()).toEqual(['ProductList', 'ProductPage']);
    expect(deprecated.every((finding) => finding.severity === 'warning')).toBe(true);
    expect(result.exitCode).toBe(0);
  });

  it('judges the API schema: an @inaccessible field is no change to clients', async () => {
    const root = fixtureRepo();
    edit(root, CATALOG, 'import: ["@key", "@shareable"]', 'import: ["@key", "@shareable", "@inaccessible"]');
    edit(root, CATALOG, '  legacyCode: String\n', '  legacyCode: String\n  costPrice: Money @inaccessible\n');
    recompose(root);
    const result = await check(root);
    expect(findingsOf(result, 'api')).toEqual([]);
    expect(result.exitCode).toBe(0);
  });

  it('skips the comparison with a note when the base has no supergraph', async () => {
    const root = fixtureRepo();
    const result = await check(root, { baseSupergraph: null });
    expect(findingsOf(result, 'api')).toEqual([expect.objectContaining({ code: 'SKIPPED', severity: 'info' })]);
    expect(result.exitCode).toBe(0);
  });
});
