/**
 * The public catalogue at national scale, on SQLite and on PostgreSQL: BENCH_PARTNERS approved partners (default
 * 13,000, plus ~5 % suspended or pending), BENCH_OUTLETS outlets (35,000) over ~50 Polish cities and ~8 % online
 * shops, BENCH_OFFERS published offers (60,000, plus ~12 % drafts, pending, paused and ended ones) linked to 1–3
 * outlets each. Each query shape is fetched through the full HTTP stack BENCH_SAMPLES times (200) one at a time
 * after 20 warm-ups, cycling through cities, categories and words. Goal: near-me + category + text, e.g.
 * GET /api/v1/catalogue/offers?near=52.2297,21.0122&radius=10000&category=food&q=pizza, at ≤ 20 ms p95 on each
 * engine. Baseline in the same run: GET /health on the same app.
 *
 * Each engine runs in a child process of its own: entity column types are fixed by DATABASE_URL when the entities
 * are decorated. PostgreSQL gets a fresh database on 127.0.0.1:5432 (BENCH_POSTGRES_URL to change), dropped at
 * the end; when no server answers there, that engine is skipped.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import pino from 'pino';
import { CITIES, seedCatalogue } from './support/catalogue-data';
import { fmt, recordResult } from './support/results';

const PARTNERS = Number(process.env.BENCH_PARTNERS ?? 13_000);
const OUTLETS = Number(process.env.BENCH_OUTLETS ?? 35_000);
const OFFERS = Number(process.env.BENCH_OFFERS ?? 60_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 200);
const WARM_UPS = 20;
/** BENCH_KEEP=1 keeps both databases afterwards, for EXPLAIN. */
const KEEP = process.env.BENCH_KEEP === '1';
const GOAL_MS = 20;
const ENGINE_VAR = 'BENCH_CATALOGUE_ENGINE';
/** BENCH_ENGINES=sqlite (or postgres) runs one engine. */
const ENGINES = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',');
const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

type Engine = 'sqlite' | 'postgres';

// The national catalogue (cities, categories, generator, inserts, seeding): bench/support/catalogue-data.ts.

// ---------------------------------------------------------------------------------------------------------------
// Timing.

interface Shape {
  name: string;
  goal?: boolean;
  path: (i: number) => string;
}

interface Timing {
  p50: number;
  p95: number;
  withItems: number;
  medianTotal: number;
}

/** Goal-row combinations: a city, a category and a word found there (some typed with diacritics, some without). */
const SPOTS: [city: string, category: string, word: string][] = [
  ['Warszawa', 'food', 'pizza'],
  ['Kraków', 'culture', 'teatr'],
  ['Łódź', 'food', 'pierogi'],
  ['Wrocław', 'sport-recreation', 'basen'],
  ['Poznań', 'food', 'kawa'],
  ['Gdańsk', 'culture', 'muzeum'],
  ['Katowice', 'shopping', 'zabawki'],
  ['Lublin', 'education', 'angielski'],
  ['Szczecin', 'food', 'lody'],
  ['Białystok', 'health', 'stomatolog'],
  ['Warszawa', 'sport-recreation', 'kręgle'],
  ['Kraków', 'food', 'żurek'],
  ['Warszawa', 'food', 'nalesniki'],
  ['Łódź', 'culture', 'warsztaty'],
];
const CATEGORY_CYCLE = ['food', 'culture', 'sport-recreation', 'health', 'education', 'shopping', 'tourism'];

/** A point near the centre of the spot's city, a little different on every sample. */
function near(i: number): string {
  const city = CITIES.find((c) => c[0] === SPOTS[i % SPOTS.length][0])!;
  const dLat = (((i * 7) % 11) - 5) * 0.002;
  const dLon = (((i * 5) % 13) - 6) * 0.003;
  return `${(city[1] + dLat).toFixed(4)},${(city[2] + dLon).toFixed(4)}`;
}

const SHAPES: Shape[] = [
  {
    name: 'near-me 10 km + category + text (goal)',
    goal: true,
    path: (i) => {
      const [, category, word] = SPOTS[i % SPOTS.length];
      return `/api/v1/catalogue/offers?near=${near(i)}&radius=10000&category=${category}&q=${encodeURIComponent(word)}`;
    },
  },
  { name: 'near-me only (default 10 km)', path: (i) => `/api/v1/catalogue/offers?near=${near(i)}` },
  {
    name: 'text only',
    path: (i) => `/api/v1/catalogue/offers?q=${encodeURIComponent(SPOTS[i % SPOTS.length][2])}`,
  },
  {
    name: 'category only',
    path: (i) => `/api/v1/catalogue/offers?category=${CATEGORY_CYCLE[i % CATEGORY_CYCLE.length]}`,
  },
  { name: 'online only', path: (i) => `/api/v1/catalogue/offers?online=true&lang=${i % 2 ? 'en' : 'pl'}` },
  {
    name: 'near-me, page 5 (offset 80)',
    path: (i) => `/api/v1/catalogue/offers?near=${near(i)}&offset=80&limit=20`,
  },
];

async function time(base: string, path: (i: number) => string): Promise<Timing> {
  const times: number[] = [];
  const totals: number[] = [];
  let withItems = 0;
  for (let i = 0; i < SAMPLES + WARM_UPS; i++) {
    const url = `${base}${path(i)}`;
    const started = performance.now();
    const res = await fetch(url);
    const body = await res.text();
    const elapsed = performance.now() - started;
    if (res.status !== 200) throw new Error(`${url}: ${res.status} ${body.slice(0, 300)}`);
    if (i < WARM_UPS) continue; // the first requests warm caches
    times.push(elapsed);
    const page = JSON.parse(body) as { items?: unknown[]; total?: number };
    if (page.items?.length) withItems++;
    totals.push(page.total ?? 0);
  }
  const at = (list: number[], q: number) => [...list].sort((a, b) => a - b)[Math.floor(list.length * q)];
  return { p50: at(times, 0.5), p95: at(times, 0.95), withItems, medianTotal: at(totals, 0.5) };
}

// ---------------------------------------------------------------------------------------------------------------
// One engine, in its own process: start the app, seed, time.

async function runEngine(engine: Engine): Promise<void> {
  Object.assign(process.env, {
    LOG_LEVEL: 'silent',
    JOBS_ENABLED: 'false',
    ADMIN_EMAIL: 'bench@bench.example',
    ADMIN_PASSWORD: 'benchmark passphrase 2026',
    RATE_LIMIT_PER_MINUTE: '100000000',
  });
  // Imported after the environment is set: the engine is read when entities are decorated.
  const { createApp } = await import('../src/bootstrap');
  const { DataSource: DataSourceClass } = await import('typeorm');
  const app = await createApp({ logger: pino({ level: 'silent' }) });
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const dataSource = app.get(DataSourceClass);
    const { data, generateSeconds, seedSeconds, indexSeconds } = await seedCatalogue(dataSource, engine, {
      partners: PARTNERS,
      outlets: OUTLETS,
      offers: OFFERS,
    });
    const counted = await dataSource.query(
      `SELECT (SELECT COUNT(*) FROM partners) AS partners, (SELECT COUNT(*) FROM outlets) AS outlets,
              (SELECT COUNT(*) FROM offers) AS offers, (SELECT COUNT(*) FROM offer_outlets) AS links`,
    );
    const rows = Object.fromEntries(Object.entries(counted[0]).map(([k, v]) => [k, Number(v)]));
    const s = data.summary;
    const n = (x: number | undefined) => (x ?? 0).toLocaleString('en');

    const baseline = await time(base, () => '/health');
    const results = [] as [Shape, Timing][];
    for (const shape of SHAPES) results.push([shape, await time(base, shape.path)]);

    const label = engine === 'sqlite' ? 'SQLite' : 'PostgreSQL';
    console.log(
      `\n#### ${label}: ${SAMPLES} sequential requests per query after ${WARM_UPS} warm-ups, through the full HTTP stack`,
    );
    console.log(
      `Seeded in ${seedSeconds.toFixed(1)} s, the catalogue's search rows built in ${indexSeconds.toFixed(1)} s of it ` +
        `(data generated in ${generateSeconds.toFixed(1)} s before): ` +
        `${n(rows.partners)} partners (${n(s['partners approved'])} approved, ${n(s['partners suspended'])} suspended, ` +
        `${n(s['partners pending'])} pending); ${n(rows.outlets)} outlets (${n(s['outlets place'])} places, ` +
        `${n(s['outlets in Warszawa'])} of them in Warszawa; ${n(s['outlets online'])} online shops); ` +
        `${n(rows.offers)} offers (${n(s['offers published'])} published, ${n(s['offers draft'])} draft, ` +
        `${n(s['offers pending_approval'])} pending approval, ${n(s['offers paused'])} paused, ${n(s['offers ended'])} ended; ` +
        `${n(s['offers permanent'])} permanent, ${n(s['offers temporary'])} temporary, ${n(s['offers seasonal'])} seasonal, ` +
        `${n(s['offers occasional'])} occasional); ${n(rows.links)} offer–outlet links. ` +
        `In the catalogue now: ${n(s['offers visible now'])} active offers, ${n(s['offers upcoming'])} upcoming within 30 days.`,
    );
    console.log('');
    console.log(`| query | p50 ms | p95 ms | p95 vs GET /health | goal p95 ≤ ${GOAL_MS} ms |`);
    console.log('|---|---:|---:|---:|---|');
    console.log(
      `| GET /health (baseline) | ${baseline.p50.toFixed(2)} | ${baseline.p95.toFixed(2)} | 1.00 | — |`,
    );
    for (const [shape, r] of results)
      console.log(
        `| ${shape.name} | ${r.p50.toFixed(2)} | ${r.p95.toFixed(2)} | ${(r.p95 / baseline.p95).toFixed(2)} | ${
          shape.goal ? (r.p95 <= GOAL_MS ? 'met' : 'NOT met') : '—'
        } |`,
      );
    for (const [shape, r] of results)
      recordResult({
        bench: 'catalogue',
        engine,
        metric: `catalogue p95: ${shape.name.replace(' (goal)', '')}`,
        value: fmt.ms(r.p95),
        baseline: fmt.ms(baseline.p95),
        ratio: r.p95 / baseline.p95,
        goal: shape.goal ? `≤ ${GOAL_MS} ms` : '—',
        met: shape.goal ? r.p95 <= GOAL_MS : null,
      });
    console.log('');
    console.log(
      `Samples with at least one item (median total matches): ${results
        .map(([shape, r]) => `${shape.name} ${r.withItems}/${SAMPLES} (${r.medianTotal})`)
        .join('; ')}.`,
    );
    const [goalShape, goal] = results.find(([shape]) => shape.goal)!;
    if (goal.withItems < SAMPLES * 0.8)
      throw new Error(`${goalShape.name}: only ${goal.withItems} of ${SAMPLES} samples had results`);
  } finally {
    await app.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The parent: one child per engine, PostgreSQL in a database of its own that is dropped at the end.

function runChild(engine: Engine, env: NodeJS.ProcessEnv): boolean {
  const run = spawnSync(process.execPath, [...process.execArgv, __filename], {
    env: { ...env, [ENGINE_VAR]: engine },
    stdio: 'inherit',
  });
  return run.status === 0;
}

async function main(): Promise<void> {
  console.log(
    `\nPublic catalogue: ${PARTNERS.toLocaleString('en')} approved partners, ${OUTLETS.toLocaleString('en')} outlets, ` +
      `${OFFERS.toLocaleString('en')} published offers; goal: near-me + category + text at ≤ ${GOAL_MS} ms p95 on each engine`,
  );
  let failed = 0;
  // Ctrl-C reaches the child too; this process then stops starting engines but still drops its database.
  let interrupted = false;
  const interrupt = () => {
    interrupted = true;
    process.exitCode = 130;
  };
  process.once('SIGINT', interrupt).once('SIGTERM', interrupt);
  const dataDir = mkdtempSync(join(tmpdir(), 'fc-bench-catalogue-'));
  try {
    const sqliteEnv: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: join(dataDir, 'sqlite') };
    delete sqliteEnv.DATABASE_URL;
    if (ENGINES.includes('sqlite') && !runChild('sqlite', sqliteEnv)) failed++;
    if (interrupted || !ENGINES.includes('postgres')) return;

    const server = new URL(POSTGRES_URL);
    const admin = new Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
    try {
      await admin.connect();
    } catch {
      console.log(`\nPostgreSQL: skipped (not reachable at ${server.hostname}:${server.port || 5432})`);
      return;
    }
    const database = `fc_bench_${randomBytes(6).toString('hex')}`;
    try {
      if (interrupted) return;
      await admin.query(`CREATE DATABASE "${database}"`);
      const url = new URL(POSTGRES_URL);
      url.pathname = `/${database}`;
      if (
        !runChild('postgres', { ...process.env, DATA_DIR: join(dataDir, 'postgres'), DATABASE_URL: url.href })
      )
        failed++;
    } finally {
      if (KEEP) console.log(`\nBENCH_KEEP: PostgreSQL database ${database} kept`);
      else await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await admin.end();
    }
  } finally {
    if (KEEP) console.log(`BENCH_KEEP: SQLite database kept in ${join(dataDir, 'sqlite')}`);
    else rmSync(dataDir, { recursive: true, force: true });
    if (failed) process.exitCode = 1;
  }
}

const engine = process.env[ENGINE_VAR] as Engine | undefined;
(engine ? runEngine(engine) : main()).catch((error) => {
  console.error(error);
  process.exit(1);
});
