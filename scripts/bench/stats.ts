/** Nearest-rank percentile of ascending samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export interface Distribution {
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

export function distribution(samples: readonly number[]): Distribution {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p90: percentile(sorted, 90), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? NaN };
}

export const ms = (value: number) => `${value.toFixed(1)} ms`;
export const perSecond = (value: number, unit: string) => `${Math.round(value).toLocaleString('en-US')} ${unit}/s`;
export const describeDistribution = (d: Distribution) => `p50 ${ms(d.p50)}  p90 ${ms(d.p90)}  p99 ${ms(d.p99)}  max ${ms(d.max)}`;

/** Rows of cells as aligned columns; a row of one cell is a section heading. A row's last cell is never padded, so it sets no width. */
export function table(rows: readonly (readonly string[])[]): string {
  const columns = Math.max(...rows.map((row) => row.length));
  const widths = Array.from({ length: columns }, (_, c) => Math.max(0, ...rows.filter((row) => c < row.length - 1).map((row) => row[c]!.length)));
  return rows.map((row) => (row.length === 1 ? row[0]! : row.map((cell, c) => (c === row.length - 1 ? cell : cell.padEnd(widths[c]!))).join('   '))).join('\n');
}
