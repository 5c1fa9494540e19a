import { parsePgbenchTps, parseRedisBenchmark } from './ceilings';
import { distribution, percentile, table } from './stats';

describe('reading the ceilings', () => {
  it('takes requests per second from redis-benchmark -q, past its progress lines', () => {
    const output =
      '\rSET: rps=0.0 (overall: -nan) avg_msec=-nan (overall: -nan)\r                                   \r' +
      'SET: 22471.91 requests per second, p50=1.023 msec\n\rLPUSH: 19417.48 requests per second, p50=0.911 msec\n\n';
    expect(parseRedisBenchmark(output)).toEqual(new Map([['SET', 22471.91], ['LPUSH', 19417.48]]));
  });

  it('takes tps without the initial connection time from pgbench', () => {
    const output = 'number of transactions actually processed: 5380\nlatency average = 5.947 ms\ninitial connection time = 9.312 ms\ntps = 672.604711 (without initial connection time)\n';
    expect(parsePgbenchTps(output)).toBe(672.604711);
    expect(() => parsePgbenchTps('pgbench: error: connection refused')).toThrow(/no tps/);
  });
});

describe('latency figures', () => {
  it('are nearest-rank percentiles', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(distribution(samples)).toEqual({ p50: 50, p90: 90, p99: 99, max: 100 });
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it('print as aligned columns, headings and last cells unpadded', () => {
    expect(table([['heading'], ['a', '1 s', 'x'], ['longer', '10 s'], ['b', '2 s', 'y']]).split('\n')).toEqual([
      'heading',
      'a        1 s   x',
      'longer   10 s',
      'b        2 s   y',
    ]);
  });
});
