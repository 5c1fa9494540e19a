import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { dropDatabase, ensureDatabase, migrateContext } from '@storefront/db-tools';
import { contextEnvName, DEFAULT_GATEWAY_SECRET } from '@storefront/platform';
import { startService, stopService, waitUntilUp, type Exit, type Service } from '../../scripts/system/child-process';
import { CONTEXTS } from '../../scripts/system/contexts';
import { groupMembers } from '../../scripts/system/process-tree';
import { storefrontServices } from '../../scripts/system/services';
import type { ServiceSpec } from '../../scripts/system/supervisor';
import { eventually, removeEventKeys, testEventsConfig } from '../support/event-bus';
import { signedBody } from '../support/signed-requests';

jest.setTimeout(300_000);

/**
 * Every service started as `pnpm dev` and production start it (`tsx src/main.ts`, the environment
 * dev gives it; the gateway with its default rate limit, counted in Redis), asked to stop with
 * SIGTERM while a request is half received: the request is answered, and the process exits 0.
 */
const SERVER = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432';
const run = `s${randomBytes(3).toString('hex')}`;
const events = testEventsConfig();
const base = 20_000 + Math.floor(Math.random() * 12_000);
const databaseUrls = Object.fromEntries(CONTEXTS.map(({ name }) => [name, `${SERVER}/storefront_${run}_${name}`]));
const env: NodeJS.ProcessEnv = {
  ...process.env,
  LOG_LEVEL: 'info',
  PORT: String(base),
  EVENTS_PREFIX: events.prefix,
  RATE_LIMIT_KEY_PREFIX: `${events.prefix}:gateway:rate`,
  ...Object.fromEntries(CONTEXTS.flatMap(({ name, port }) => [
    [`${contextEnvName(name)}_PORT`, String(base + port - 4000)],
    [`${contextEnvName(name)}_DATABASE_URL`, databaseUrls[name]!],
  ])),
};
// As a person's shell has them: no rate-limit setting (the default budget, in Redis), and not
// jest's NODE_ENV=test, under which Apollo Server behaves differently on signals.
delete env.RATE_LIMIT_POINTS;
delete env.NODE_ENV;
const { subgraphs, gateway } = storefrontServices(env);
const started: { spec: ServiceSpec; service: Service; lines: string[] }[] = [];

beforeAll(async () => {
  for (const [context, databaseUrl] of Object.entries(databaseUrls)) {
    await ensureDatabase(databaseUrl);
    await migrateContext({ context, databaseUrl });
  }
  for (const [index, spec] of [...subgraphs, gateway].entries()) {
    const lines: string[] = [];
    started.push({ spec, service: startService(spec.name, spec.entry, spec.env, index, (line) => lines.push(line)), lines });
  }
  await Promise.all(started.map(({ spec, service }) => waitUntilUp(service, spec.readyUrl, 180_000)));
});

afterAll(async () => {
  await Promise.all(started.map(({ service }) => stopService(service, 1000)));
  await Promise.all(Object.values(databaseUrls).map((url) => dropDatabase(url)));
  await removeEventKeys(events);
});

/** Sends the headers and half the body of a POST, and finishes it when told to; resolves with the answer. */
function halfSentRequest(url: string, headers: Record<string, string>, body: string) {
  const { hostname, port, pathname } = new URL(url);
  let finish: () => void = () => {};
  let connected: () => void = () => {};
  const connection = new Promise<void>((resolve) => (connected = resolve));
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const request = http.request({ hostname, port, path: pathname, method: 'POST', headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) } }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
    request.on('error', reject);
    request.on('socket', (socket) => socket.once('connect', () => connected()));
    const half = Math.floor(body.length / 2);
    request.write(body.slice(0, half));
    request.flushHeaders();
    finish = () => request.end(body.slice(half));
  });
  return { answer, connected: connection, finish: () => finish() };
}

describe.each([...CONTEXTS.map(({ name }) => name), 'gateway'])('%s, started as pnpm dev starts it', (name) => {
  it('on SIGTERM finishes the request in flight, then exits 0 with nothing of it left', async () => {
    const { spec, service, lines } = started.find((entry) => entry.spec.name === name)!;
    const graphqlUrl = spec.readyUrl.replace(/\/ready$/, '/graphql');
    const [query, headers] =
      name === 'gateway'
        ? [{ query: '{ __typename }' }, { 'apollo-require-preflight': 'true' }]
        : [signedBody({ query: '{ _service { sdl } }' }, null, env.GATEWAY_SHARED_SECRET ?? DEFAULT_GATEWAY_SECRET), {}];
    const request = halfSentRequest(graphqlUrl, headers, JSON.stringify(query));
    await request.connected;
    // Time for the server to accept the connection and start reading the request (ordering, not a measurement).
    await new Promise((resolve) => setTimeout(resolve, 200));

    service.child.kill('SIGTERM');
    await eventually(async () => (lines.some((line) => line.includes('SIGTERM: stopping')) ? true : undefined), `${name} to say it is stopping`, 20_000);
    request.finish();

    const answer = await request.answer;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ data: expect.any(Object) });
    expect(JSON.parse(answer.body).errors).toBeUndefined();

    // Generous: this is about exiting at all (no hang), not about how fast.
    const exit = await Promise.race([service.exited, new Promise<Exit | 'still running'>((resolve) => setTimeout(() => resolve('still running'), 30_000).unref())]);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(groupMembers(service.child.pid!)).toEqual([]);
    expect(lines.filter((line) => /did not stop|failed to stop/.test(line))).toEqual([]);
  });
});
