#!/usr/bin/env node
// `npm run bench [-- --pg] [-- --quick] [-- --only validations,cold-start]`: runs every bench/*.bench.ts in
// turn (each prints its own table with ratios to a baseline measured in the same run), then one table of
// every benchmark's goal rows, which each records into the JSON-lines file BENCH_RESULTS
// (bench/support/results.ts). See bench/README.md.
//
// --pg: the benchmarks that run the app on a database run on PostgreSQL (BENCH_POSTGRES_URL, default
//   127.0.0.1:5432), the validations benchmark with two app instances behind one load generator; the
//   SQLite-only ones (CLI on a SQLite file, PDF rendering) are skipped.
// --quick: small sizes (set only where the environment does not set them), to try the whole run in minutes.
const { spawnSync } = require('node:child_process');
const { mkdtempSync, readdirSync, readFileSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const root = join(__dirname, '..');
const dir = join(root, 'bench');
const argv = process.argv.slice(2);
const pg = argv.includes('--pg');
const quick = argv.includes('--quick');
const onlyAt = argv.indexOf('--only');
const only = onlyAt >= 0 ? (argv[onlyAt + 1] ?? '').split(',').filter(Boolean) : null;
const unknown = argv.filter(
  (a, i) => !['--pg', '--quick', '--only'].includes(a) && (onlyAt < 0 || i !== onlyAt + 1),
);
if (unknown.length || (onlyAt >= 0 && !only.length)) {
  console.error(`usage: npm run bench [-- --pg] [--quick] [--only name,name]; unknown: ${unknown.join(' ')}`);
  process.exit(2);
}

/** The benchmarks that run the app on either engine (BENCH_ENGINES); the others use SQLite files or none. */
const ENGINE_AWARE = ['catalogue', 'cold-start', 'validations'];
const QUICK = {
  BENCH_CARDS: '100000',
  BENCH_SAMPLE: '2000',
  BENCH_DURATION_MS: '3000',
  BENCH_OPEN_LOOP_MS: '3000',
  BENCH_REDEMPTIONS: '1000',
  BENCH_PARTNERS: '1300',
  BENCH_OUTLETS: '3500',
  BENCH_OFFERS: '6000',
  BENCH_SAMPLES: '50',
  BENCH_APPLICATIONS: '50000',
  BENCH_IMPORT_FAMILIES: '10000',
  BENCH_CARD_PDF_CARDS: '10000',
  BENCH_CARD_PDF_SECONDS: '1',
  BENCH_CARD_PRINT_CARDS: '10000',
  BENCH_COLD_FAMILIES: '20000',
  BENCH_COLD_RUNS: '2',
};

const results = mkdtempSync(join(tmpdir(), 'fc-bench-results-'));
const env = {
  ...process.env,
  TS_NODE_PROJECT: join(root, 'tsconfig.json'),
  BENCH_RESULTS: join(results, 'results.jsonl'),
  // Built below: app servers run the compiled app, so their memory and CPU are not ts-node's.
  BENCH_APP_DIST: process.env.BENCH_APP_DIST ?? '1',
  BENCH_ENGINES: process.env.BENCH_ENGINES ?? (pg ? 'postgres' : 'sqlite'),
  ...(pg ? { BENCH_INSTANCES: process.env.BENCH_INSTANCES ?? '2' } : {}),
};
if (quick) for (const [name, value] of Object.entries(QUICK)) env[name] ??= value;

// Some benchmarks run the compiled app or CLI, as operators do.
const build = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit', cwd: root });
if (build.status !== 0) process.exit(1);

const started = Date.now();
const failed = [];
const skipped = [];
const ran = [];
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort()) {
  const name = file.replace('.bench.ts', '');
  if (only && !only.includes(name)) continue;
  if (pg && !ENGINE_AWARE.includes(name)) {
    skipped.push(name);
    continue;
  }
  console.log(`\n### ${file}`);
  const run = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', join(dir, file)], {
    stdio: 'inherit',
    env,
  });
  if (run.status !== 0) failed.push(name);
  else ran.push(name);
}

let rows = [];
try {
  rows = readFileSync(env.BENCH_RESULTS, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
} catch {
  // No benchmark recorded anything (all failed or were skipped).
}
rmSync(results, { recursive: true, force: true });

const cell = (x) => String(x ?? '—').replace(/\|/g, '\\|');
console.log(
  `\n## All benchmarks (${pg ? `PostgreSQL, ${env.BENCH_INSTANCES} app instances for validations` : env.BENCH_ENGINES}` +
    `${quick ? ', --quick sizes' : ''}; ${((Date.now() - started) / 60_000).toFixed(1)} min)\n`,
);
console.log('| benchmark | engine | metric | value | baseline (same run) | ratio | goal | |');
console.log('|---|---|---|---:|---:|---:|---|---|');
for (const r of rows)
  console.log(
    `| ${cell(r.bench)} | ${cell(r.engine)} | ${cell(r.metric)} | ${cell(r.value)} | ${cell(r.baseline)} | ` +
      `${typeof r.ratio === 'number' && Number.isFinite(r.ratio) ? r.ratio.toFixed(2) : '—'} | ${cell(r.goal)} | ` +
      `${r.met === true ? 'met' : r.met === false ? 'NOT met' : ''} |`,
  );
const goals = rows.filter((r) => typeof r.met === 'boolean');
// A benchmark that exits 0 without recording a row ended early without saying why: not a pass.
const silent = ran.filter((name) => !rows.some((r) => r.bench === name));
console.log(
  `\n${goals.filter((r) => r.met).length} of ${goals.length} goals met` +
    (failed.length ? `; failed: ${failed.join(', ')}` : '') +
    (silent.length ? `; ended without recording a result: ${silent.join(', ')}` : '') +
    (skipped.length ? `; skipped (SQLite or no database only): ${skipped.join(', ')}` : '') +
    '.',
);
process.exit(failed.length || silent.length ? 1 : 0);
