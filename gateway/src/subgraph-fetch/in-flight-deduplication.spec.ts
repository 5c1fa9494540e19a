import { InFlightDeduplication } from './in-flight-deduplication';

/** A subgraph that answers only when told to, counting what it was sent. */
function heldSubgraph() {
  const sent: string[] = [];
  const pending: ((status: number) => void)[] = [];
  const send = (body: string) => () => {
    sent.push(body);
    return new Promise<{ status: number; body: string }>((resolve) => {
      pending.push((status) => resolve({ status, body: `{"data":{"n":${sent.length}}}` }));
    });
  };
  return { sent, send, answerAll: (status = 200) => pending.splice(0).forEach((answer) => answer(status)) };
}

const key = (audience: string, query: string) => `http://catalog/graphql\n${audience}\n${JSON.stringify({ query })}`;

describe('InFlightDeduplication', () => {
  it('sends identical reads of one audience once while the first is in flight, and hands everyone that answer', async () => {
    const subgraph = heldSubgraph();
    const dedup = new InFlightDeduplication();
    const answers = Array.from({ length: 5 }, () => dedup.share(key('', '{ a }'), subgraph.send('{ a }')));
    await Promise.resolve();
    subgraph.answerAll();
    const bodies = (await Promise.all(answers)).map((answer) => JSON.parse(answer.body) as unknown);
    expect(subgraph.sent).toHaveLength(1);
    expect(dedup.counts).toEqual({ sent: 1, shared: 4 });
    expect(bodies).toEqual(Array(5).fill({ data: { n: 1 } }));
  });

  it('sends again once the first has been answered', async () => {
    const subgraph = heldSubgraph();
    const dedup = new InFlightDeduplication();
    const first = dedup.share(key('', '{ a }'), subgraph.send('{ a }'));
    subgraph.answerAll();
    await first;
    const second = dedup.share(key('', '{ a }'), subgraph.send('{ a }'));
    subgraph.answerAll();
    await second;
    expect(subgraph.sent).toHaveLength(2);
  });

  it('never shares between audiences or bodies', async () => {
    const subgraph = heldSubgraph();
    const dedup = new InFlightDeduplication();
    const calls = [
      dedup.share(key('alice', '{ me }'), subgraph.send('{ me }')),
      dedup.share(key('bob', '{ me }'), subgraph.send('{ me }')),
      dedup.share(key('alice', '{ other }'), subgraph.send('{ other }')),
    ];
    await Promise.resolve();
    subgraph.answerAll();
    await Promise.all(calls);
    expect(subgraph.sent).toHaveLength(3);
    expect(dedup.counts.shared).toBe(0);
  });

  it('hands an error answer to everyone who waited for it, as an answer with its status', async () => {
    const subgraph = heldSubgraph();
    const dedup = new InFlightDeduplication();
    const answers = Array.from({ length: 3 }, () => dedup.share(key('', '{ a }'), subgraph.send('{ a }')));
    await Promise.resolve();
    subgraph.answerAll(503);
    expect((await Promise.all(answers)).map((answer) => answer.status)).toEqual([503, 503, 503]);
    expect(subgraph.sent).toHaveLength(1);
  });

  it('hands a failed call to everyone who waited for it, and sends the next read afresh', async () => {
    const dedup = new InFlightDeduplication();
    let calls = 0;
    const failing = () => {
      calls += 1;
      return Promise.reject(new Error('ECONNREFUSED'));
    };
    const results = await Promise.allSettled([dedup.share('k', failing), dedup.share('k', failing)]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    await expect(dedup.share('k', failing)).rejects.toThrow('ECONNREFUSED');
    expect(calls).toBe(2);
  });
});
