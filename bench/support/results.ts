/**
 * Result rows for `npm run bench`'s closing table: each benchmark records its goal rows (and a few reported
 * figures) as JSON lines into the file named by BENCH_RESULTS, which scripts/bench.js reads at the end. Run
 * alone (no BENCH_RESULTS), a benchmark records nothing and prints its own table as before.
 */
import { appendFileSync } from 'node:fs';

export interface ResultRow {
  /** The benchmark file's short name, e.g. `validations`. */
  bench: string;
  /** `sqlite`, `postgres`, `postgres ×2`…; omitted when the engine does not matter. */
  engine?: string;
  metric: string;
  /** As printed, with its unit (e.g. `2,310/s`, `4.21 ms`, `182 MB`). */
  value: string;
  /** The baseline measured in the same run, as printed; `—` when the metric has none. */
  baseline?: string;
  /** value / baseline (or the inverse for times: the benchmark says which reads better). */
  ratio?: number | null;
  /** The goal in words, e.g. `≤ 10 ms`; `—` when only reported. */
  goal?: string;
  /** Whether the goal was met; null when there is no goal. */
  met?: boolean | null;
}

export function recordResult(row: ResultRow): void {
  const file = process.env.BENCH_RESULTS;
  if (!file) return;
  // One line per write: appends of a few hundred bytes from several processes do not interleave.
  appendFileSync(file, `${JSON.stringify(row)}\n`);
}

/** Formats for values: numbers grouped, milliseconds with two decimals, megabytes whole. */
export const fmt = {
  n: (x: number) => x.toLocaleString('en', { maximumFractionDigits: 0 }),
  ms: (x: number) => `${x.toFixed(2)} ms`,
  s: (x: number) => `${x.toFixed(2)} s`,
  mb: (x: number) => `${x.toFixed(0)} MB`,
  perSecond: (x: number) => `${x.toLocaleString('en', { maximumFractionDigits: 0 })}/s`,
};
