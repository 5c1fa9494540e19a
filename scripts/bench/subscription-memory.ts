import { Worker } from 'node:worker_threads';
import v8 from 'node:v8';
import { CONTEXTS } from '../system/contexts';
import { contextEnvName } from '@storefront/platform';
import { loadConfig } from '../../gateway/src/config';
import { startGateway } from '../../gateway/src/server';

// The subscribers run in a worker thread: its own V8 heap, so the main heap holds the gateway alone.
const SUBSCRIBERS = `
const { parentPort, workerData } = require('node:worker_threads');
const WebSocket = require('ws');
const { url, tokens, perConnection, query } = workerData;
const sockets = [];
let subscribed = 0;
for (const token of tokens) {
  const socket = new WebSocket(url, 'graphql-transport-ws');
  sockets.push(socket);
  socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: 'Bearer ' + token } })));
  socket.on('message', (data) => {
    if (JSON.parse(String(data)).type !== 'connection_ack') return;
    for (let i = 0; i < perConnection; i += 1) socket.send(JSON.stringify({ id: String(i), type: 'subscribe', payload: { query } }));
    subscribed += perConnection;
    if (subscribed === tokens.length * perConnection) parentPort.postMessage('open');
  });
}
parentPort.on('message', () => {
  for (const socket of sockets) socket.close();
  parentPort.postMessage('closed');
});
`;

const settle = async (): Promise<number> => {
  for (let i = 0; i < 3; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    (globalThis as { gc?: () => void }).gc?.();
  }
  return v8.getHeapStatistics().used_heap_size;
};

export interface SubscriptionMemory {
  subscriptions: number;
  connections: number;
  /** The gateway's JS heap after a full GC: idle, with the subscriptions open, after they closed. */
  heap: { idle: number; open: number; closed: number };
}

/**
 * The gateway's JS heap per open subscription: a gateway in this process (needs node's --expose-gc)
 * in front of a running storefront's subgraphs, as `pnpm dev` configures one from `env`, with
 * `tokens.length` connections of `perConnection` subscriptions each opened from a worker thread.
 */
export async function subscriptionMemory(env: NodeJS.ProcessEnv, tokens: readonly string[], perConnection: number, query: string): Promise<SubscriptionMemory> {
  if (!(globalThis as { gc?: unknown }).gc) throw new Error('run with NODE_OPTIONS=--expose-gc for the memory figure');
  const urls = Object.fromEntries(CONTEXTS.map(({ name }) => [`${contextEnvName(name)}_URL`, `http://127.0.0.1:${env[`${contextEnvName(name)}_PORT`]}/graphql`]));
  const gateway = await startGateway({ ...loadConfig({ ...env, ...urls }), port: 0, rateLimit: undefined });
  try {
    const idle = await settle();
    const worker = new Worker(SUBSCRIBERS, { eval: true, workerData: { url: gateway.url.replace(/^http/, 'ws'), tokens, perConnection, query } });
    const said = (what: string) => new Promise<void>((resolve) => worker.once('message', (message) => message === what && resolve()));
    await said('open');
    const expected = tokens.length * perConnection;
    while (gateway.liveOrders!().subscriptions < expected) await new Promise((resolve) => setTimeout(resolve, 50));
    const open = await settle();
    worker.postMessage('close');
    await said('closed');
    while (gateway.liveOrders!().subscriptions > 0) await new Promise((resolve) => setTimeout(resolve, 50));
    const closed = await settle();
    await worker.terminate();
    return { subscriptions: expected, connections: tokens.length, heap: { idle, open, closed } };
  } finally {
    await gateway.stop();
  }
}
