/**
 * The case workers' review queue at national scale: 1,000,000 applications (BENCH_APPLICATIONS to change),
 * pages fetched through the full HTTP stack one at a time, p95 latency per query shape. Goal: ≤ 50 ms p95.
 * Baseline in the same run: GET /health on the same app (a database round-trip without the queue query).
 */
import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { DataSource } from 'typeorm';
import { fmt, recordResult } from './support/results';

const TOTAL = Number(process.env.BENCH_APPLICATIONS ?? 1_000_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 200);
const GOAL_MS = 50;
const NAMES = [
  'Nowak',
  'Kowalski',
  'Wiśniewski',
  'Wójcik',
  'Kowalczyk',
  'Kamiński',
  'Lewandowski',
  'Zieliński',
];
const STATUS_MIX: [string, number][] = [
  ['approved', 0.7],
  ['rejected', 0.1],
  ['withdrawn', 0.05],
  ['submitted', 0.05],
  ['in_review', 0.05],
  ['needs_info', 0.03],
  ['resubmitted', 0.02],
];
const TYPES = ['new_family', 'new_family', 'add_member', 'extend', 'extend', 'duplicate_card'];

const sqliteTime = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');

function statusFor(i: number): string {
  let x = ((i * 2654435761) % 1000) / 1000;
  for (const [status, share] of STATUS_MIX) if ((x -= share) < 0) return status;
  return 'approved';
}

function seed(db: Database.Database, programmeId: string): void {
  const insert = db.prepare(
    `INSERT INTO applications (id, number, programme_id, type, status, language, search_text, submitted_at,
       queued_at, decision_due_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'pl', ?, ?, ?, ?, ?, ?)`,
  );
  const start = Date.now() - 365 * 86_400_000;
  const step = (365 * 86_400_000) / TOTAL;
  db.transaction(() => {
    for (let i = 0; i < TOTAL; i++) {
      const at = sqliteTime(start + i * step);
      const due = sqliteTime(start + i * step + 7 * 86_400_000);
      const name = NAMES[i % NAMES.length].toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
      const number = `2026-${i.toString(32).toUpperCase().padStart(6, '0')}`;
      insert.run(
        randomUUID(),
        number,
        programmeId,
        TYPES[i % TYPES.length],
        statusFor(i),
        `${name} anna ${i}`,
        at,
        at,
        due,
        at,
        at,
      );
    }
  })();
  db.exec('ANALYZE');
}

async function p95(url: string, headers: Record<string, string>): Promise<{ p50: number; p95: number }> {
  const times: number[] = [];
  for (let i = 0; i < SAMPLES + 20; i++) {
    const started = performance.now();
    const res = await fetch(url, { headers });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
    if (i >= 20) times.push(performance.now() - started); // the first 20 warm caches
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(times.length * 0.5)], p95: times[Math.floor(times.length * 0.95)] };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'fc-bench-queue-'));
  Object.assign(process.env, {
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    JOBS_ENABLED: 'false',
    ADMIN_EMAIL: 'bench@bench.example',
    ADMIN_PASSWORD: 'benchmark passphrase 2026',
    RATE_LIMIT_PER_MINUTE: '100000000',
  });
  const { createApp } = await import('../src/bootstrap');
  const app = await createApp({ logger: pino({ level: 'silent' }) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const dataSource = app.get(DataSource);
  const [{ id: programmeId }] = await dataSource.query('SELECT id FROM programmes LIMIT 1');
  const seeded = performance.now();
  seed(
    (dataSource.driver as unknown as { databaseConnection: Database.Database }).databaseConnection,
    programmeId,
  );
  const seedSeconds = (performance.now() - seeded) / 1000;

  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'bench@bench.example', password: 'benchmark passphrase 2026' }),
  });
  const headers = {
    authorization: `Bearer ${((await login.json()) as { accessToken: string }).accessToken}`,
  };
  const deep = await (async () => {
    let cursor = '';
    for (let page = 0; page < 50; page++) {
      const res = await fetch(`${base}/api/v1/applications?status=approved${cursor}`, { headers });
      cursor = `&cursor=${((await res.json()) as { nextCursor: string }).nextCursor}`;
    }
    return cursor;
  })();

  const baseline = await p95(`${base}/health`, {});
  const shapes: [string, string][] = [
    ['default page (all but drafts, oldest first)', '/api/v1/applications'],
    ['waiting for staff', '/api/v1/applications?status=submitted,in_review,resubmitted'],
    ['overdue', '/api/v1/applications?overdue=true'],
    ['type + status', '/api/v1/applications?type=extend&status=submitted'],
    ['application number', '/api/v1/applications?q=2026-000ABC'],
    ['name text search', '/api/v1/applications?q=wisniewski&status=submitted'],
    ['page 51 by cursor', `/api/v1/applications?status=approved${deep}`],
  ];
  console.log(
    `\nReview queue, ${TOTAL.toLocaleString('en')} applications on SQLite (seeded in ${seedSeconds.toFixed(1)} s), ${SAMPLES} sequential requests each`,
  );
  console.log('| query | p50 ms | p95 ms | p95 vs GET /health | goal p95 ≤ 50 ms |');
  console.log('|---|---:|---:|---:|---|');
  console.log(
    `| GET /health (baseline) | ${baseline.p50.toFixed(2)} | ${baseline.p95.toFixed(2)} | 1.00 | |`,
  );
  for (const [name, path] of shapes) {
    const r = await p95(`${base}${path}`, headers);
    console.log(
      `| ${name} | ${r.p50.toFixed(2)} | ${r.p95.toFixed(2)} | ${(r.p95 / baseline.p95).toFixed(2)} | ${r.p95 <= GOAL_MS ? 'met' : 'NOT met'} |`,
    );
    recordResult({
      bench: 'review-queue',
      engine: 'sqlite',
      metric: `review queue p95: ${name} (${fmt.n(TOTAL)} applications)`,
      value: fmt.ms(r.p95),
      baseline: fmt.ms(baseline.p95),
      ratio: r.p95 / baseline.p95,
      goal: `≤ ${GOAL_MS} ms`,
      met: r.p95 <= GOAL_MS,
    });
  }
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
