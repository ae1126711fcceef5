/**
 * `npm run bench:seed` (bench/seed.ts) at a tiny size on the engine under test: the database it leaves is
 * migrated and usable (the app starts on it, /health answers, a seeded card checks valid at a seeded outlet
 * with a till key: the seed prints both), its rows hang together (every card of a family of the programme,
 * unique card numbers, every redemption after a valid check of the same card at the same outlet, of an offer
 * published there), and a second seed into the same database is refused. Keeps the generator in step with the
 * schema: a migration that adds a required column to a seeded table fails here, not in the lead's national run.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { engine, scratchDatabase, ScratchDatabase } from './support/databases';

const ROOT = join(__dirname, '..');
const FAMILIES = 300;
const CHECKS_PER_DAY = 40;
const DAYS = 30;

function seed(
  target: ScratchDatabase,
  extra: string[] = [],
): Promise<{ code: number | null; output: string }> {
  const args = [
    '-r',
    'ts-node/register/transpile-only',
    join(ROOT, 'bench', 'seed.ts'),
    ...['--families', String(FAMILIES), '--checks-per-day', String(CHECKS_PER_DAY), '--days', String(DAYS)],
    ...['--partners', '40', '--outlets', '100', '--offers', '120'],
    ...(engine === 'postgres'
      ? ['--engine', 'postgres', '--db', target.env.DATABASE_URL, '--data', target.dataDir]
      : ['--db', target.dataDir]),
    ...extra,
  ];
  const env: NodeJS.ProcessEnv = { ...process.env, BENCH_APP_MAIN: join(ROOT, 'src', 'main.ts') };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, output })));
}

/** One query on the seeded database, with `?` placeholders on both engines. */
async function withDatabase<T>(
  target: ScratchDatabase,
  work: (query: (sql: string) => Promise<Record<string, unknown>[]>) => Promise<T>,
): Promise<T> {
  if (engine === 'sqlite') {
    const db = new Database(join(target.dataDir, 'family-card.sqlite'), { readonly: true });
    try {
      return await work(async (sql) => db.prepare(sql).all() as Record<string, unknown>[]);
    } finally {
      db.close();
    }
  }
  const client = new Client({ connectionString: target.env.DATABASE_URL });
  await client.connect();
  try {
    return await work(async (sql) => (await client.query(sql)).rows as Record<string, unknown>[]);
  } finally {
    await client.end();
  }
}

describe('bench:seed (national dataset generator), tiny size', () => {
  let target: ScratchDatabase;
  let first: { code: number | null; output: string };

  beforeAll(async () => {
    target = await scratchDatabase();
    first = await seed(target);
  }, 240_000);

  afterAll(async () => {
    await target?.drop();
  });

  it('leaves a database the app starts on and answers a check of a seeded card with', () => {
    expect(first.output).toContain('GET /health 200');
    expect(first.output).toMatch(/POST \/api\/v1\/validations .*: 200 result valid/);
    expect(first.code).toBe(0);
  });

  it('writes the register, the catalogue and the history in the mix it prints', async () => {
    const counts = await withDatabase(target, async (query) => {
      const [row] = await query(
        `SELECT (SELECT COUNT(*) FROM families) AS families, (SELECT COUNT(*) FROM members) AS members,
                (SELECT COUNT(*) FROM cards) AS cards, (SELECT COUNT(DISTINCT number) FROM cards) AS numbers,
                (SELECT COUNT(*) FROM partners) AS partners, (SELECT COUNT(*) FROM outlets) AS outlets,
                (SELECT COUNT(*) FROM offers WHERE status = 'published') AS published,
                (SELECT COUNT(*) FROM catalogue_offers) AS catalogue,
                (SELECT COUNT(*) FROM validations) AS validations,
                (SELECT COUNT(*) FROM redemptions) AS redemptions,
                (SELECT COUNT(*) FROM cards c LEFT JOIN families f ON f.id = c.family_id
                  WHERE f.id IS NULL) AS orphans`,
      );
      return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
    });
    expect(counts.families).toBe(FAMILIES);
    expect(counts.members).toBeGreaterThan(counts.cards);
    expect(counts.cards).toBeGreaterThanOrEqual(FAMILIES * 2);
    expect(counts.cards).toBeLessThanOrEqual(FAMILIES * 3.2);
    expect(counts.numbers).toBe(counts.cards);
    expect(counts.orphans).toBe(0);
    expect(counts.partners).toBe(42); // 40 approved, 3 % suspended, 2 % pending (rounded)
    expect(counts.outlets).toBe(100);
    expect(counts.published).toBe(120);
    expect(counts.catalogue).toBeGreaterThan(0);
    // 40 a day on average for 30 days (today's only up to now): between 29 and 30 days' worth.
    expect(counts.validations).toBeGreaterThan(CHECKS_PER_DAY * (DAYS - 2) * 0.9);
    expect(counts.validations).toBeLessThanOrEqual(CHECKS_PER_DAY * DAYS * 1.1);
    expect(counts.redemptions).toBeGreaterThan(0);
  });

  it('records each redemption after a valid check of the same card, of an offer published at that outlet', async () => {
    const bad = await withDatabase(target, (query) =>
      query(
        `SELECT r.id FROM redemptions r
           LEFT JOIN validations v ON v.id = r.validation_id AND v.card_id = r.card_id
                AND v.outlet_id = r.outlet_id AND v.result = 'valid' AND v.created_at < r.created_at
           LEFT JOIN offer_outlets oo ON oo.offer_id = r.offer_id AND oo.outlet_id = r.outlet_id
           LEFT JOIN offers o ON o.id = r.offer_id AND o.status = 'published'
           LEFT JOIN cards c ON c.id = r.card_id AND c.family_id = r.family_id
          WHERE v.id IS NULL OR oo.offer_id IS NULL OR o.id IS NULL OR c.id IS NULL`,
      ),
    );
    expect(bad).toEqual([]);
  });

  it('refuses to seed a database that already holds families', async () => {
    const again = await seed(target, ['--no-verify']);
    expect(again.output).toContain(`the database already holds ${FAMILIES} families`);
    expect(again.code).not.toBe(0);
  }, 120_000);
});
