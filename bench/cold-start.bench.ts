/**
 * Cold start to healthy: the compiled app (`node dist/main.js`, as operators start it; BENCH_APP_MAIN to
 * change) spawned, and the time until `GET /health` first answers 200, polled every 10 ms. Goal: ≤ 3 s.
 * - on a fresh data folder (SQLite) or an empty database (PostgreSQL): migrations, programme, signing key,
 *   the first administrator;
 * - on an existing seeded one: a national-scale database from `npm run bench:seed` named by
 *   BENCH_SEEDED_DATA (its data folder) and, on PostgreSQL, BENCH_SEEDED_DATABASE_URL; otherwise one seeded
 *   here with bench/seed.ts, BENCH_COLD_FAMILIES families (default 200,000) and a year of checks scaled to
 *   them.
 * Baseline in the same run: a bare `node -e` that starts an HTTP server, timed the same way.
 * BENCH_COLD_RUNS (3) starts of each; the median is recorded, the slowest shown. BENCH_ENGINES as elsewhere.
 */
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { fmt, recordResult } from './support/results';

const RUNS = Math.max(1, Number(process.env.BENCH_COLD_RUNS ?? 3));
const FAMILIES = Number(process.env.BENCH_COLD_FAMILIES ?? 200_000);
/** The seed's default, scaled to the families: 10,000 checks a day for 2,000,000 families. */
const CHECKS_PER_DAY = Math.max(1, Math.round((10_000 * FAMILIES) / 2_000_000));
const ENGINES = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',');
const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const MAIN = process.env.BENCH_APP_MAIN ?? join(__dirname, '..', 'dist', 'main.js');
const GOAL_SECONDS = 3;
const TIMEOUT_MS = 120_000;
const APP_ENV = {
  LOG_LEVEL: 'silent',
  ADMIN_EMAIL: 'bench@bench.example',
  ADMIN_PASSWORD: 'benchmark passphrase 2026',
};
const BASELINE = `require('node:http').createServer((q, s) => s.end('ok')).listen(Number(process.env.PORT), '127.0.0.1')`;

type Engine = 'sqlite' | 'postgres';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  await exited;
}

/** Seconds from spawning `args` until GET /health answers 200; the process is stopped afterwards. */
async function timeToHealthy(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited (${child.exitCode})`);
      if (performance.now() - started > TIMEOUT_MS) throw new Error(`no /health 200 in ${TIMEOUT_MS} ms`);
      const res = await fetch(`http://127.0.0.1:${port}/health`).catch(() => null);
      if (res) await res.arrayBuffer();
      if (res?.status === 200) return (performance.now() - started) / 1000;
      await new Promise((done) => setTimeout(done, 10));
    }
  } finally {
    await stop(child);
  }
}

async function runs(start: () => Promise<number>): Promise<{ median: number; max: number; all: number[] }> {
  const all: number[] = [];
  for (let i = 0; i < RUNS; i++) all.push(await start());
  const sorted = [...all].sort((a, b) => a - b);
  return { median: sorted[Math.floor((sorted.length - 1) / 2)], max: sorted[sorted.length - 1], all };
}

/** A fresh PostgreSQL database for one use; dropped by the returned function. */
async function freshDatabase(admin: Client): Promise<{ url: string; drop: () => Promise<void> }> {
  const database = `fc_bench_${randomBytes(6).toString('hex')}`;
  await admin.query(`CREATE DATABASE "${database}"`);
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${database}`;
  return {
    url: url.href,
    drop: async () => void (await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)),
  };
}

async function runEngine(engine: Engine, work: string, admin: Client | null): Promise<void> {
  const label = engine === 'sqlite' ? 'SQLite' : 'PostgreSQL';
  const base: NodeJS.ProcessEnv = { ...process.env, ...APP_ENV };
  delete base.DATABASE_URL;
  const cleanups: (() => Promise<void>)[] = [];
  try {
    const baseline = await runs(() => timeToHealthy(['-e', BASELINE], base));

    let k = 0;
    const fresh = await runs(async () => {
      const dataDir = join(work, `${engine}-fresh-${k++}`);
      mkdirSync(dataDir);
      const env: NodeJS.ProcessEnv = { ...base, DATA_DIR: dataDir };
      if (admin) {
        const db = await freshDatabase(admin);
        cleanups.push(db.drop);
        env.DATABASE_URL = db.url;
      }
      return timeToHealthy([MAIN], env);
    });

    // The seeded data: the operator's (national scale) or one seeded here.
    let seeded: NodeJS.ProcessEnv;
    let families: string;
    const given = process.env.BENCH_SEEDED_DATA;
    if (given && (engine === 'sqlite' || process.env.BENCH_SEEDED_DATABASE_URL)) {
      seeded = { ...base, DATA_DIR: given };
      if (engine === 'postgres') seeded.DATABASE_URL = process.env.BENCH_SEEDED_DATABASE_URL;
      families = `seeded data in ${given}`;
    } else {
      const dataDir = join(work, `${engine}-seeded`);
      seeded = { ...base, DATA_DIR: dataDir };
      const seedArgs = ['--families', String(FAMILIES), '--checks-per-day', String(CHECKS_PER_DAY)];
      if (admin) {
        const db = await freshDatabase(admin);
        cleanups.push(db.drop);
        seeded.DATABASE_URL = db.url;
        seedArgs.push('--engine', 'postgres', '--db', db.url, '--data', dataDir);
      } else seedArgs.push('--db', dataDir);
      console.log(`\n${label}: seeding ${fmt.n(FAMILIES)} families for the seeded start…`);
      const seed = spawnSync(
        process.execPath,
        ['-r', 'ts-node/register/transpile-only', join(__dirname, 'seed.ts'), ...seedArgs, '--no-verify'],
        { env: base, stdio: ['ignore', 'ignore', 'inherit'] },
      );
      if (seed.status !== 0) throw new Error(`bench/seed.ts failed (${seed.status})`);
      families = `${fmt.n(FAMILIES)} families seeded`;
    }
    const existing = await runs(() => timeToHealthy([MAIN], seeded));

    const s = (x: number) => `${x.toFixed(2)} s`;
    const met = (x: number) => (x <= GOAL_SECONDS ? 'met' : 'NOT met');
    console.log(`\n#### ${label}: cold start to healthy, ${RUNS} starts each (median; slowest)`);
    console.log('| start | median | slowest | ratio to baseline | goal ≤ 3 s |');
    console.log('|---|---:|---:|---:|---|');
    console.log(
      `| bare node -e HTTP server (baseline) | ${s(baseline.median)} | ${s(baseline.max)} | 1.00 | |`,
    );
    console.log(
      `| node dist/main.js, fresh ${engine === 'sqlite' ? 'data folder' : 'database'} (migrations) | ` +
        `${s(fresh.median)} | ${s(fresh.max)} | ${(fresh.median / baseline.median).toFixed(1)} | ${met(fresh.median)} |`,
    );
    console.log(
      `| node dist/main.js, existing data (${families}) | ${s(existing.median)} | ${s(existing.max)} | ` +
        `${(existing.median / baseline.median).toFixed(1)} | ${met(existing.median)} |`,
    );
    for (const [what, r] of [
      [`fresh ${engine === 'sqlite' ? 'data folder' : 'database'}`, fresh],
      [`existing data, ${families}`, existing],
    ] as const)
      recordResult({
        bench: 'cold-start',
        engine,
        metric: `cold start to healthy, ${what}`,
        value: s(r.median),
        baseline: s(baseline.median),
        ratio: r.median / baseline.median,
        goal: `≤ ${GOAL_SECONDS} s`,
        met: r.median <= GOAL_SECONDS,
      });
  } finally {
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
  }
}

async function main(): Promise<void> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: npm run build first (npm run bench does)`);
  console.log(
    `\nCold start to healthy: node dist/main.js until GET /health answers 200; goal ≤ ${GOAL_SECONDS} s`,
  );
  const work = mkdtempSync(join(tmpdir(), 'fc-bench-cold-'));
  try {
    if (ENGINES.includes('sqlite')) await runEngine('sqlite', work, null);
    if (!ENGINES.includes('postgres')) return;
    const admin = new Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
    try {
      await admin.connect();
    } catch {
      console.log(`\nPostgreSQL: skipped (not reachable at ${POSTGRES_URL.replace(/\/\/[^@]*@/, '//')})`);
      return;
    }
    try {
      await runEngine('postgres', work, admin);
    } finally {
      await admin.end();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
