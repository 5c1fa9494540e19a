import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import { issueToken } from '../../gateway/src/auth/tokens';
import { CONTEXTS } from '../../scripts/system/contexts';
import { DevProcess } from '../support/dev-process';
import { startPostgresServer, startRedisCluster, type LocalServer } from '../support/local-servers';
import { Storefront } from '../support/storefront-customer';

jest.setTimeout(240_000);

/**
 * The system as a bigger installation runs it: every queue (and the gateway's rate limit) on a
 * three-master Redis Cluster, and payments' database on a PostgreSQL server of its own, each named
 * by the same settings production uses (`REDIS_URL`, `PAYMENTS_DATABASE_URL`), through `pnpm dev`.
 */
const JWT_SECRET = 'bigger-deployment-test-jwt-secret-0123';
let cluster: LocalServer & { ports: number[] };
let secondServer: LocalServer;
let dev: DevProcess;
let paymentsUrl: string;

beforeAll(async () => {
  cluster = await startRedisCluster(3);
  secondServer = await startPostgresServer();
  paymentsUrl = `${secondServer.url}/storefront_payments`;
  dev = new DevProcess(path.resolve(__dirname, '..', '..'), CONTEXTS, {
    REDIS_URL: cluster.url,
    PAYMENTS_DATABASE_URL: paymentsUrl,
    JWT_SECRET,
    JWT_ISSUER: '',
    JWT_AUDIENCE: '',
  });
  await dev.start(150_000);
});

afterAll(async () => {
  await dev?.cleanUp();
  await cluster?.stop();
  await secondServer?.stop();
});

/** Every key of the run's prefix on one cluster master. */
function keysOn(port: number): string[] {
  return execFileSync('redis-cli', ['-p', String(port), '--scan', '--pattern', `${dev.events.prefix}:*`], { encoding: 'utf8' }).split('\n').filter(Boolean);
}

describe('a bigger installation', () => {
  it('runs the order saga with its events on a Redis Cluster and payments on a second PostgreSQL server', async () => {
    expect(dev.output).toContain(`GraphiQL: http://localhost:${dev.base}/graphql`);
    const admin = await issueToken(JWT_SECRET, 'admin-1', ['customer', 'admin']);
    const ada = await issueToken(JWT_SECRET, 'customer-ada', ['customer']);
    const shop = new Storefront(dev.gatewayUrl, admin);

    const kettle = await shop.stockedProduct('CLUSTER-KETTLE', 5, 3499);
    const id = await shop.placeOrderOnceSellable(ada, [{ productId: kettle, quantity: 2 }]);
    const confirmed = await shop.orderWhen(id, ada, (order) => order.status === 'CONFIRMED' && order.shipment?.status === 'PENDING', 'the order to be confirmed');
    expect(confirmed.payment).toMatchObject({ status: 'AUTHORIZED', amount: { amount: confirmed.total.amount } });
    expect(await shop.stockOf(kettle)).toEqual({ onHand: 5, reserved: 2, available: 3 });

    const dispatched = await shop.adminOperation('Dispatch', { orderId: id });
    expect(dispatched.errors).toBeUndefined();
    const shipped = await shop.orderWhen(id, ada, (order) => order.status === 'SHIPPED' && order.payment?.status === 'CAPTURED', 'the order to ship and its payment to be captured');
    expect(shipped.shipment?.trackingNumber).toEqual(expect.any(String));

    // Payments wrote its payment on the second server, and has no database on the machine's.
    const payments = new Client({ connectionString: paymentsUrl });
    await payments.connect();
    try {
      const { rows } = await payments.query<{ status: string }>('SELECT status FROM payments WHERE order_id = $1', [id]);
      expect(rows.map((row) => row.status)).toEqual(['CAPTURED']);
    } finally {
      await payments.end();
    }
    const machine = new Client({ connectionString: dev.databaseUrls.ordering });
    await machine.connect();
    try {
      const { rows } = await machine.query('SELECT 1 FROM pg_database WHERE datname = $1', [new URL(dev.databaseUrls.payments!).pathname.slice(1)]);
      expect(rows).toHaveLength(0);
    } finally {
      await machine.end();
    }

    // Each queue's keys share one slot (so one master), and the queues spread over the masters.
    const queueOf = (key: string) => /:\{([^}]+)\}:/.exec(key)?.[1];
    const mastersOfQueue = new Map<string, Set<number>>();
    for (const port of cluster.ports) {
      for (const key of keysOn(port)) {
        const queue = queueOf(key);
        expect(queue).toBeDefined();
        mastersOfQueue.set(queue!, (mastersOfQueue.get(queue!) ?? new Set()).add(port));
      }
    }
    expect([...mastersOfQueue.keys()].sort()).toEqual(expect.arrayContaining(['inventory', 'notifications', 'ordering', 'payments', 'shipping']));
    for (const masters of mastersOfQueue.values()) expect(masters.size).toBe(1);
    expect(new Set([...mastersOfQueue.values()].map((masters) => [...masters][0])).size).toBeGreaterThan(1);
  });
});
