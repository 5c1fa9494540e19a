import path from 'node:path';
import { CONTEXTS } from '../../scripts/system/contexts';
import { DevProcess } from '../support/dev-process';
import { graphql } from '../support/graphql-client';
import { clientOperations } from '../support/operations';

jest.setTimeout(120_000);

const dev = new DevProcess(path.resolve(__dirname, '..', '..'), CONTEXTS);

afterAll(async () => {
  await dev.cleanUp();
});

describe('pnpm dev', () => {
  it('creates, migrates and seeds the databases, starts every process, serves the storefront, and stops cleanly', async () => {
    await dev.start();
    expect(dev.output).toContain(`GraphiQL: http://localhost:${dev.base}/graphql`);
    for (const name of [...CONTEXTS.map((context) => context.name), 'gateway']) expect(dev.output).toContain(`${name.padEnd(13)}| `);

    const result = await graphql(dev.gatewayUrl, clientOperations('storefront').ProductList!, { first: 60, country: 'DE' });
    expect(result.errors).toBeUndefined();
    expect(result.data!.products.edges).toHaveLength(60);
    expect(result.data!.products.edges[0].node).toMatchObject({ stock: { available: expect.any(Number) }, shippingEstimate: { days: expect.any(Number) } });

    expect(await dev.interrupt()).toBe(0);
    expect(dev.output).toContain('stopped');
    await expect(fetch(`http://127.0.0.1:${dev.base}/health`)).rejects.toThrow();
  });
});
