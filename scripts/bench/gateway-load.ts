import autocannon from 'autocannon';

/** One kind of request the bench sends: a body per request (varied or not; signed as the gateway signs it, for a subgraph). */
export interface Scenario {
  name: string;
  body: () => string;
}

export interface LoadFigures {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  /** Answers other than 2xx, connection errors and timeouts. */
  failures: number;
}

/**
 * `connections` clients sending `scenario` back to back for `seconds` (autocannon; each client
 * sends its next request when its previous answer has arrived).
 */
export async function load(url: string, scenario: Scenario, connections: number, seconds: number): Promise<LoadFigures> {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => ({ ...request, body: scenario.body(), headers: { ...request.headers, 'content-type': 'application/json' } }),
      },
    ],
  });
  const requests = result.requests.total;
  return {
    requests,
    perSecond: requests / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

const pick = <T>(values: readonly T[]): T => values[Math.floor(Math.random() * values.length)]!;
const COUNTRIES = ['DE', 'FR', 'IT', 'ES', 'NL', 'AT', 'BE', 'PL', 'US', 'GB'];
export const SINGLE_SUBGRAPH = 'query ProductPrice($id: ID!) { product(id: $id) { id name price { amount currency formatted } } }';

/** The bench's requests, from the storefront's own operations and what the demo catalog holds. */
export function scenarios(operations: Record<string, string>, catalog: { ids: readonly string[]; pageCursors: readonly (string | null)[] }): Scenario[] {
  const json = (query: string, variables: Record<string, unknown>) => JSON.stringify({ query, variables });
  const identical = json(operations.ProductList!, { first: 100, country: 'DE' });
  const single = json(SINGLE_SUBGRAPH, { id: catalog.ids[0] });
  return [
    { name: 'ProductList(first: 100), identical', body: () => identical },
    { name: 'ProductList(first: 25), varied page and country', body: () => json(operations.ProductList!, { first: 25, after: pick(catalog.pageCursors), country: pick(COUNTRIES) }) },
    { name: 'ProductDetail, varied product and country', body: () => json(operations.ProductDetail!, { id: pick(catalog.ids), country: pick(COUNTRIES) }) },
    { name: 'product(id) { id name price }, catalog only', body: () => single },
  ];
}

/**
 * One request at a time, taking turns between the targets request by request (so that a busy
 * moment of the shared machine falls on all of them alike), timed to the microsecond: autocannon's
 * latencies are whole milliseconds, too coarse for a gateway's overhead of about one.
 */
export async function interleavedLatencies(
  targets: readonly { name: string; url: string; scenario: Scenario }[],
  times: number,
): Promise<Map<string, number[]>> {
  const samples = new Map(targets.map((target) => [target.name, [] as number[]]));
  const send = async (target: (typeof targets)[number]) => {
    const response = await fetch(target.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: target.scenario.body() });
    await response.arrayBuffer();
  };
  for (const target of targets) for (let i = 0; i < 20; i += 1) await send(target);
  for (let i = 0; i < times; i += 1) {
    for (let t = 0; t < targets.length; t += 1) {
      const target = targets[(i + t) % targets.length]!;
      const started = performance.now();
      await send(target);
      samples.get(target.name)!.push(performance.now() - started);
    }
  }
  return samples;
}
