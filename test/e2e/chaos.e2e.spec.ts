import { spawn } from 'node:child_process';
import path from 'node:path';

jest.setTimeout(1_200_000);

/**
 * A small `pnpm chaos`: a hundred orders and one fault of each kind (three subgraphs killed, the
 * provider down for 1.5 × the retry budget + 5 s), with the default event settings. Its audit must
 * pass; the deadlines are generous, for a loaded machine.
 */
describe('pnpm chaos, a small run', () => {
  it('keeps every invariant through each kind of fault, and says so line by line', async () => {
    const root = path.resolve(__dirname, '..', '..');
    const child = spawn(path.join(root, 'node_modules', '.bin', 'tsx'), ['scripts/chaos.ts'], {
      cwd: root,
      env: {
        ...process.env,
        CHAOS_ORDERS: '100',
        CHAOS_CUSTOMERS: '12',
        CHAOS_ROUNDS: '1',
        CHAOS_KILLS_PER_ROUND: '3',
        CHAOS_SETTLE_SECONDS: '600',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));

    if (code !== 0) console.log(output);
    expect(output).toMatch(/orders placed: 100 /);
    for (const kind of ['subgraph-killed', 'redis-restarted', 'redis-unreachable', 'postgres-sessions-terminated', 'payment-provider-outage']) {
      expect(output).toMatch(new RegExp(`${kind}\\s+[1-9]\\d*×`));
    }
    expect(output).toMatch(/supervisor restarts: [3-9]/);
    expect(output).toMatch(/dispatch and cancellation sent together: [1-9]\d* orders/);
    expect(output).not.toMatch(/^FAIL /m);
    expect(output).toMatch(/^PASS {2}events: no job in any failed set/m);
    expect(output).toMatch(/\d+ audit lines passed, 0 failed/);
    expect(code).toBe(0);
  });
});
