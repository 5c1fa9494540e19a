import { InFlightDeduplication, type Fetcher } from './in-flight-deduplication';

type FetcherResponse = Awaited<ReturnType<Fetcher>>;

/** A subgraph that answers only when told to, counting what it was sent. */
function heldSubgraph() {
  const sent: string[] = [];
  const pending: ((status: number) => void)[] = [];
  const fetcher: Fetcher = (_url, init) => {
    sent.push(String(init?.body));
    return new Promise<FetcherResponse>((resolve) => {
      pending.push((status) => resolve(new Response(`{"data":{"n":${sent.length}}}`, { status, headers: { 'content-type': 'application/json' } }) as unknown as FetcherResponse));
    });
  };
  return { sent, fetcher, answerAll: (status = 200) => pending.splice(0).forEach((answer) => answer(status)) };
}

const init = (query: string) => ({ method: 'POST', body: JSON.stringify({ query }) });
const CATALOG = 'http://catalog/graphql';

describe('InFlightDeduplication', () => {
  it('sends identical reads of one audience once while the first is in flight, and gives each caller its own copy', async () => {
    const subgraph = heldSubgraph();
    const dedup = new InFlightDeduplication();
    const fetch = dedup.around(subgraph.fetcher);
    const answers = Array.from({ length: 5 }, () => dedup.sharing({ audience: '' }, () => fetch(CATALOG, init('{ a }'))));
    await Promise.resolve();
    subgraph.answerAll();
    const responses = await Promise.all(answers);
    expect(subgraph.sent).toHaveLength(1);
    expect(dedup.counts).toEqual({ sent: 1, shared: 4 });
    const bodies = await Promise.all(responses.map((response) => response.json()));
    expect(bodies).toEqual(Array(5).fill({ data: { n: 1 } }));
    expect(new Set(responses).size).toBe(5);
  });

  it('sends again once the first has been answered', async () => {
    const subgraph = heldSubgraph();
    const dedup = new InFlightDeduplication();
    const fetch = dedup.around(subgraph.fetcher);
    const first = dedup.sharing({ audience: '' }, () => fetch(CATALOG, init('{ a }')));
    subgraph.answerAll();
    await first;
    const second = dedup.sharing({ audience: '' }, () => fetch(CATALOG, init('{ a }')));
    subgraph.answerAll();
    await second;
    expect(subgraph.sent).toHaveLength(2);
  });

  it('never shares between audiences, bodies, or outside a sharing scope (a mutation)', async () => {
    const subgraph = heldSubgraph();
    const dedup = new InFlightDeduplication();
    const fetch = dedup.around(subgraph.fetcher);
    const calls = [
      dedup.sharing({ audience: 'alice' }, () => fetch(CATALOG, init('{ me }'))),
      dedup.sharing({ audience: 'bob' }, () => fetch(CATALOG, init('{ me }'))),
      dedup.sharing({ audience: 'alice' }, () => fetch(CATALOG, init('{ other }'))),
      fetch(CATALOG, init('mutation { m }')),
      fetch(CATALOG, init('mutation { m }')),
    ];
    await Promise.resolve();
    subgraph.answerAll();
    await Promise.all(calls);
    expect(subgraph.sent).toHaveLength(5);
    expect(dedup.counts.shared).toBe(0);
  });

  it('hands an error answer to everyone who waited for it, as an answer with its status', async () => {
    const subgraph = heldSubgraph();
    const dedup = new InFlightDeduplication();
    const fetch = dedup.around(subgraph.fetcher);
    const answers = Array.from({ length: 3 }, () => dedup.sharing({ audience: '' }, () => fetch(CATALOG, init('{ a }'))));
    await Promise.resolve();
    subgraph.answerAll(503);
    expect((await Promise.all(answers)).map((response) => response.status)).toEqual([503, 503, 503]);
    expect(subgraph.sent).toHaveLength(1);
  });
});
