import { changeAggregate, type AggregateStore } from './aggregate-store';
import { fail, ok, type Result } from './result';

class Counter {
  constructor(
    readonly id: string,
    public value: number,
  ) {}

  add(amount: number): Result<void> {
    if (amount <= 0) return fail('NOT_POSITIVE', 'Add at least one.', 'amount');
    this.value += amount;
    return ok(undefined);
  }
}

class InMemoryCounters implements AggregateStore<Counter> {
  readonly locked: string[] = [];
  readonly saved: Counter[] = [];

  constructor(private readonly stored: Map<string, number>) {}

  async lockFor(id: string): Promise<Counter | null> {
    this.locked.push(id);
    const value = this.stored.get(id);
    return value === undefined ? null : new Counter(id, value);
  }

  async save(counter: Counter): Promise<void> {
    this.saved.push(counter);
    this.stored.set(counter.id, counter.value);
  }
}

const notFound = (id: string) => fail('NOT_FOUND', `There is no counter ${id}.`, 'id');

describe('changeAggregate', () => {
  it('loads the aggregate locked, lets its method decide and saves it', async () => {
    const counters = new InMemoryCounters(new Map([['a', 1]]));
    const changed = await changeAggregate(counters, 'a', (counter) => counter.add(2), notFound);
    expect(changed).toEqual({ ok: true, value: expect.objectContaining({ value: 3 }) });
    expect(counters.locked).toEqual(['a']);
    expect(counters.saved).toHaveLength(1);
  });

  it('saves nothing when the method refuses, and answers with its failure', async () => {
    const counters = new InMemoryCounters(new Map([['a', 1]]));
    const changed = await changeAggregate(counters, 'a', (counter) => counter.add(0), notFound);
    expect(changed).toEqual({ ok: false, error: expect.objectContaining({ code: 'NOT_POSITIVE', field: 'amount' }) });
    expect(counters.saved).toHaveLength(0);
  });

  it('answers for a missing aggregate with what `missing` says', async () => {
    const counters = new InMemoryCounters(new Map());
    const changed = await changeAggregate(counters, 'b', (counter) => counter.add(1), notFound);
    expect(changed).toEqual({ ok: false, error: expect.objectContaining({ code: 'NOT_FOUND' }) });
    expect(counters.saved).toHaveLength(0);
  });
});
