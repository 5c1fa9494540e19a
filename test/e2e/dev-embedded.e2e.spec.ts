import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { issueToken } from '../../gateway/src/auth/tokens';
import { contextEnvName } from '@storefront/platform';
import { CONTEXTS } from '../../scripts/system/contexts';
import { DevProcess } from '../support/dev-process';
import { Storefront } from '../support/storefront-customer';
import { freePort } from '../support/local-servers';

jest.setTimeout(400_000);

/**
 * `pnpm dev --embedded`, as on a laptop with neither PostgreSQL nor Redis: its own PostgreSQL from
 * npm, the queues and the rate limit in it, data kept between runs. Nothing here reaches the
 * machine's PostgreSQL or Redis: every address they would be found at is left unset.
 */
const JWT_SECRET = 'dev-embedded-test-jwt-secret-0123456789';
const ROOT = path.resolve(__dirname, '..', '..');
const dataParent = mkdtempSync(path.join(tmpdir(), 'storefront-embedded-'));
const runs: DevProcess[] = [];


async function embeddedDev(port: number): Promise<DevProcess> {
  const dev = new DevProcess(ROOT, CONTEXTS, {
    ...Object.fromEntries(CONTEXTS.map(({ name }) => [`${contextEnvName(name)}_DATABASE_URL`, ''])),
    REDIS_URL: '',
    EVENTS_BACKEND: '',
    EVENTS_DATABASE_URL: '',
    EMBEDDED_DATA_DIR: path.join(dataParent, 'postgres'),
    EMBEDDED_POSTGRES_PORT: String(port),
    JWT_SECRET,
    JWT_ISSUER: '',
    JWT_AUDIENCE: '',
  });
  runs.push(dev);
  await dev.start(180_000, ['--embedded']);
  return dev;
}

const answers = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => resolve(socket.destroy() === socket));
    socket.once('error', () => resolve(false));
  });

afterAll(async () => {
  for (const dev of runs) await dev.cleanUp();
  rmSync(dataParent, { recursive: true, force: true });
});

describe('pnpm dev --embedded', () => {
  it('serves the storefront on a PostgreSQL of its own with the queues in it, stops it with Ctrl-C, and keeps the data for the next start', async () => {
    const port = await freePort();
    const first = await embeddedDev(port);
    expect(first.output).toContain(`PostgreSQL: --embedded, so an embedded server on 127.0.0.1:${port} (created in`);
    expect(first.output).toContain("queues: BullMQ's PostgreSQL backend in storefront_events (--embedded)");
    expect(first.output).toContain(`GraphiQL: http://localhost:${first.base}/graphql`);

    const admin = await issueToken(JWT_SECRET, 'admin-1', ['customer', 'admin']);
    const ada = await issueToken(JWT_SECRET, 'customer-ada', ['customer']);
    const shop = new Storefront(first.gatewayUrl, admin);
    const lamp = await shop.stockedProduct('EMBEDDED-LAMP', 3, 4500);
    const id = await shop.placeOrderOnceSellable(ada, [{ productId: lamp, quantity: 1 }]);
    const confirmed = await shop.orderWhen(id, ada, (order) => order.status === 'CONFIRMED' && order.payment?.status === 'AUTHORIZED', 'the order to be confirmed');
    expect(confirmed.total.amount).toBeGreaterThanOrEqual(4500);

    expect(await first.interrupt()).toBe(0);
    expect(first.output).toContain('stopped');
    expect(await answers(port)).toBe(false);

    const second = await embeddedDev(port);
    expect(second.output).toContain(`an embedded server on 127.0.0.1:${port} (kept in`);
    const again = new Storefront(second.gatewayUrl, admin);
    expect(await again.order(id, ada)).toMatchObject({ id, status: 'CONFIRMED', payment: { status: 'AUTHORIZED' } });
    expect(await again.stockOf(lamp)).toEqual({ onHand: 3, reserved: 1, available: 2 });
    expect(await second.interrupt()).toBe(0);
    expect(await answers(port)).toBe(false);
  });
});
