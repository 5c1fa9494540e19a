import path from 'node:path';
import { CONTEXTS } from '../../scripts/system/contexts';
import { isAlive, parentOf } from '../../scripts/system/process-tree';
import { DevProcess } from '../support/dev-process';
import { eventually } from '../support/event-bus';
import { graphql } from '../support/graphql-client';
import { clientOperations } from '../support/operations';

jest.setTimeout(180_000);

const dev = new DevProcess(path.resolve(__dirname, '..', '..'), CONTEXTS);

afterAll(async () => {
  await dev.cleanUp();
});

async function productList() {
  return graphql(dev.gatewayUrl, clientOperations('storefront').ProductList!, { first: 60, country: 'DE' });
}

describe('pnpm dev', () => {
  it('creates, migrates and seeds the databases, starts every process and serves the storefront', async () => {
    await dev.start();
    expect(dev.output).toContain(`GraphiQL: http://localhost:${dev.base}/graphql`);
    for (const name of [...CONTEXTS.map((context) => context.name), 'gateway']) expect(dev.output).toContain(`${name.padEnd(13)}| `);

    const result = await productList();
    expect(result.errors).toBeUndefined();
    expect(result.data!.products.edges).toHaveLength(60);
    expect(result.data!.products.edges[0].node).toMatchObject({ stock: { available: expect.any(Number) }, shippingEstimate: { days: expect.any(Number) } });
  });

  it('starts a service again when it dies: its node process killed, or the tsx process above it', async () => {
    const inventory = dev.serviceProcess('inventory')!;
    const shipping = dev.serviceProcess('shipping')!;
    expect(inventory).toBeDefined();
    expect(shipping).toBeDefined();
    const shippingTsx = parentOf(shipping);
    expect(shippingTsx).toBeDefined();

    process.kill(inventory, 'SIGKILL');
    // The node process under it is left running without its parent, holding the port: the supervisor ends it too.
    process.kill(shippingTsx!, 'SIGKILL');

    await eventually(async () => (dev.output.includes('inventory is back (restart 1)') ? true : undefined), 'inventory to be restarted', 120_000);
    await eventually(async () => (dev.output.includes('shipping is back (restart 1)') ? true : undefined), 'shipping to be restarted', 120_000);
    expect(dev.output).toMatch(/inventory exited unexpectedly \(.*\); restart 1 in \d+ ms/);
    expect(dev.serviceProcess('inventory')).not.toBe(inventory);
    expect(dev.serviceProcess('shipping')).not.toBe(shipping);
    expect(isAlive(shipping)).toBe(false);

    const result = await productList();
    expect(result.errors).toBeUndefined();
    expect(result.data!.products.edges[0].node).toMatchObject({ stock: { available: expect.any(Number) }, shippingEstimate: { days: expect.any(Number) } });
  });

  it('stops on Ctrl-C, and says "stopped" only once none of its processes is left', async () => {
    const processes = dev.processes();
    expect(processes.length).toBeGreaterThan(2 * (CONTEXTS.length + 1));
    // Each service runs in a process group of its own, so nothing but pnpm dev itself ends them:
    // any still running once it has exited would have been running when it said "stopped".
    expect(await dev.interrupt()).toBe(0);
    expect(dev.output).toContain('| stopped');
    expect(processes.filter(isAlive)).toEqual([]);
    await expect(fetch(`http://127.0.0.1:${dev.base}/health`)).rejects.toThrow();
  });
});
