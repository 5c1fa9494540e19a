import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A subgraph request as a gateway sent it: its parsed JSON body. */
export type RecordedRequest = Record<string, any>;

export interface RecordingProxy {
  url: string;
  /** The bodies of the requests passed on so far, oldest first. */
  recorded: RecordedRequest[];
  stop(): Promise<void>;
}

/**
 * Passes every POST on to `target` unchanged and keeps its body: what someone on the network
 * between a gateway and a subgraph could capture.
 */
export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const recorded: RecordedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      recorded.push(JSON.parse(body) as RecordedRequest);
      fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
        .then(async (answer) => res.writeHead(answer.status, { 'content-type': 'application/json' }).end(await answer.text()))
        .catch(() => res.writeHead(502).end());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    recorded,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
