/**
 * `npm run bench:seed -- --families 2000000 [--engine sqlite|postgres] [--db DIR|FILE|URL] [--data DIR]
 *  [--checks-per-day 10000] [--days 365] [--redemption-share 0.3] [--partners 13000] [--outlets 35000]
 *  [--offers 60000] [--card-share 0.6] [--no-verify]`
 *
 * Fills a fresh database with a national-scale programme, written straight into the tables in big batches
 * (not through the services, which would take hours): the national catalogue (partners, outlets, offers and
 * the catalogue's search rows; bench/support/catalogue-data.ts), the register (families, members, cards;
 * bench/support/card-register.ts), a year of checks and the redemptions that followed
 * (bench/support/checks-history.ts). The app itself migrates the database and creates the programme and its
 * signing key first; at the end a till key is made for one seeded outlet, the compiled app (`dist/main.js`)
 * is started on the data, and `/health` and one real card check are asked of it and printed.
 *
 * SQLite: `--db` is the data folder (DATA_DIR: the database is family-card.sqlite in it, the key-encryption
 * secret in secrets/), or the path of its family-card.sqlite; default ./data/bench (under data/, which git
 * ignores). PostgreSQL: `--db` is the database URL (an empty database) and `--data` the data folder for the
 * secrets (default ./data/bench).
 * Start the app on it with the same DATA_DIR (and DATABASE_URL).
 */
import type Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import pino from 'pino';
import { parseArgs } from 'node:util';
import { BulkWriter, postgresWriter, registerBatches, sqliteWriter } from './support/card-register';
import { seedCatalogue } from './support/catalogue-data';
import { listeningUrl } from './support/listening-url';
import {
  CardSample,
  checkHistory,
  REDEMPTION_COLUMNS,
  Till,
  VALIDATION_COLUMNS,
} from './support/checks-history';

const { values: args } = parseArgs({
  options: {
    families: { type: 'string', default: '2000000' },
    engine: { type: 'string', default: 'sqlite' },
    db: { type: 'string' },
    data: { type: 'string' },
    'checks-per-day': { type: 'string', default: '10000' },
    days: { type: 'string', default: '365' },
    'redemption-share': { type: 'string', default: '0.3' },
    partners: { type: 'string', default: '13000' },
    outlets: { type: 'string', default: '35000' },
    offers: { type: 'string', default: '60000' },
    'card-share': { type: 'string', default: '0.6' },
    'no-verify': { type: 'boolean', default: false },
  },
  strict: true,
});

const number = (name: keyof typeof args, min: number, max: number) => {
  const value = Number(args[name]);
  if (!Number.isFinite(value) || value < min || value > max)
    throw new Error(`--${name} must be a number from ${min} to ${max}, not ${String(args[name])}`);
  return value;
};
const FAMILIES = Math.round(number('families', 1, 3_000_000));
const CHECKS_PER_DAY = Math.round(number('checks-per-day', 0, 1_000_000));
const DAYS = Math.round(number('days', 1, 365)); // the programme keeps checks for 365 days by default
const REDEMPTION_SHARE = number('redemption-share', 0, 1);
const CARD_SHARE = number('card-share', 0, 1);
const COUNTS = {
  partners: Math.round(number('partners', 1, 1_000_000)),
  outlets: Math.round(number('outlets', 1, 3_000_000)),
  offers: Math.round(number('offers', 1, 3_000_000)),
};
if (COUNTS.outlets < COUNTS.partners * 1.05)
  throw new Error('--outlets must be at least the partners (each has one outlet) plus 5 %');
/** Every 8th card is kept for the checks to draw from: enough variety, little memory. */
const SAMPLE_EVERY = 8;

type Engine = 'sqlite' | 'postgres';
const engine = args.engine as Engine;
if (engine !== 'sqlite' && engine !== 'postgres') throw new Error('--engine is sqlite or postgres');

/** The data folder, and the database URL on PostgreSQL. */
function target(): { dataDir: string; url: string | null } {
  if (engine === 'postgres') {
    const url = args.db ?? process.env.DATABASE_URL;
    if (!url?.startsWith('postgres')) throw new Error('--engine postgres needs --db postgres://…/database');
    return { dataDir: resolve(args.data ?? 'data/bench'), url };
  }
  const db = args.db ?? args.data ?? 'data/bench';
  if (!db.endsWith('.sqlite')) return { dataDir: resolve(db), url: null };
  if (basename(db) !== 'family-card.sqlite')
    throw new Error('the app keeps its SQLite database as DATA_DIR/family-card.sqlite: name the file so');
  return { dataDir: resolve(dirname(db)), url: null };
}

/** Settings for the app (in this process and the one started at the end): no jobs, no throttling. */
const APP_ENV = {
  LOG_LEVEL: 'silent',
  JOBS_ENABLED: 'false',
  ADMIN_EMAIL: process.env.ADMIN_EMAIL ?? 'admin@bench.example',
  ADMIN_PASSWORD: process.env.ADMIN_PASSWORD ?? 'benchmark passphrase 2026',
};

const n = (x: number) => x.toLocaleString('en', { maximumFractionDigits: 0 });

interface Step {
  name: string;
  rows: number | null;
  seconds: number;
}

/** Starts `node dist/main.js` on the data, waits for /health 200, checks one card, stops it. */
async function verify(
  env: NodeJS.ProcessEnv,
  till: { apiKey: string; outletId: string; qrText: string },
): Promise<void> {
  // BENCH_APP_MAIN=src/main.ts runs the sources through ts-node (the tests do: no build needed).
  const main = resolve(process.env.BENCH_APP_MAIN ?? join(__dirname, '..', 'dist', 'main.js'));
  if (!existsSync(main)) {
    console.log(`\nNot verified: ${main} is missing (npm run build).`);
    return;
  }
  const entry = main.endsWith('.ts') ? ['-r', 'ts-node/register/transpile-only', main] : [main];
  const started = performance.now();
  // PORT=0 and the URL from the app's own log line (bench/support/listening-url.ts).
  const app = spawn(process.execPath, entry, {
    env: { ...env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  app.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((done) => app.once('exit', done));
  try {
    let base: string | null = null;
    let health: Response | null = null;
    while (performance.now() - started < 60_000) {
      if (app.exitCode !== null) throw new Error(`the app exited (${app.exitCode}) before answering`);
      base ??= listeningUrl(output);
      health = base ? await fetch(`${base}/health`).catch(() => null) : null;
      if (health?.status === 200) break;
      await new Promise((done) => setTimeout(done, 25));
    }
    const startSeconds = (performance.now() - started) / 1000;
    if (health?.status !== 200) throw new Error(`/health did not answer 200 within 60 s`);
    console.log(
      `\nThe app (node ${relative(process.cwd(), main)}) started on the seeded data: GET /health ${health.status} after ` +
        `${startSeconds.toFixed(2)} s: ${JSON.stringify(await health.json())}`,
    );
    const check = await fetch(`${base}/api/v1/validations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': till.apiKey },
      body: JSON.stringify({ code: till.qrText, outletId: till.outletId }),
    });
    const answer = (await check.json()) as { result?: string; offers?: { title?: string }[] };
    console.log(
      `POST /api/v1/validations (a seeded card's QR code at a seeded outlet, with a till key): ${check.status} ` +
        `result ${answer.result}, ${answer.offers?.length ?? 0} offer(s) there`,
    );
    if (check.status !== 200 && check.status !== 201) throw new Error(`the check answered ${check.status}`);
    if (answer.result !== 'valid') throw new Error(`the seeded card checked ${answer.result}`);
  } finally {
    app.kill('SIGTERM');
    await exited;
  }
}

/** Families already in the database (0 when it is new), asked before the app is loaded: a quick refusal. */
async function familiesIn(dataDir: string, url: string | null): Promise<number> {
  if (!url) {
    const file = join(dataDir, 'family-card.sqlite');
    if (!existsSync(file)) return 0;
    const { default: Sqlite } = await import('better-sqlite3');
    const db = new Sqlite(file, { readonly: true });
    try {
      const table = db
        .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'families'")
        .get();
      return table ? (db.prepare('SELECT COUNT(*) AS n FROM families').get() as { n: number }).n : 0;
    } finally {
      db.close();
    }
  }
  const { Client } = await import('pg');
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const [{ found }] = (await client.query("SELECT to_regclass('families') IS NOT NULL AS found")).rows;
    return found ? Number((await client.query('SELECT COUNT(*) AS n FROM families')).rows[0].n) : 0;
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const { dataDir, url } = target();
  const already = await familiesIn(dataDir, url);
  if (already > 0) throw new Error(`the database already holds ${n(already)} families: seed an empty one`);
  mkdirSync(dataDir, { recursive: true });
  const env: NodeJS.ProcessEnv = { ...process.env, ...APP_ENV, DATA_DIR: dataDir };
  if (url) env.DATABASE_URL = url;
  else delete env.DATABASE_URL;
  Object.assign(process.env, env);
  if (!url) delete process.env.DATABASE_URL;
  console.log(
    `\nSeeding a national-scale programme on ${engine === 'sqlite' ? `SQLite in ${dataDir}` : 'PostgreSQL'}: ` +
      `${n(FAMILIES)} families (cards for ${Math.round(CARD_SHARE * 100)} % of the members beyond the ` +
      `applicant), ${n(COUNTS.partners)} approved partners, ${n(COUNTS.outlets)} outlets, ${n(COUNTS.offers)} ` +
      `published offers, ${n(CHECKS_PER_DAY)} checks a day on average for ${DAYS} days ` +
      `(--checks-per-day, --days), ${Math.round(REDEMPTION_SHARE * 100)} % of valid checks followed by a redemption`,
  );
  const total = performance.now();
  const steps: Step[] = [];
  const step = async <T>(name: string, run: () => Promise<T> | T, rows?: (result: T) => number) => {
    const started = performance.now();
    const result = await run();
    const seconds = (performance.now() - started) / 1000;
    steps.push({ name, rows: rows ? rows(result) : null, seconds });
    console.log(`  ${name}: ${seconds.toFixed(1)} s${rows ? ` (${n(rows(result))} rows)` : ''}`);
    return result;
  };

  // Imported after the environment is set: the engine is read when entities are decorated.
  const { createApp } = await import('../src/bootstrap');
  const { foldForSearch } = await import('../src/common/text');
  const { luhnCheckDigit } = await import('../src/cards/card-number');
  const { CardEntity } = await import('../src/cards/card.entity');
  const { CardTokensService } = await import('../src/cards/card-tokens.service');
  const { SigningKeysService } = await import('../src/cards/keys/signing-keys.service');
  const { ProgrammesService } = await import('../src/programmes/programmes.service');
  const { ApiKeysService } = await import('../src/api-keys/api-keys.service');
  const { systemActor } = await import('../src/auth/actor');
  const { todayIn } = await import('../src/programmes/eligibility/civil-date');
  const { DataSource } = await import('typeorm');

  const app = await step('start the app, migrate, programme and signing key', async () => {
    const started = await createApp({ logger: pino({ level: process.env.BENCH_LOG_LEVEL ?? 'silent' }) });
    await started.init(); // the programme and the first administrator are made when the app boots
    return started;
  });
  let till: { apiKey: string; outletId: string; qrText: string };
  try {
    const dataSource = app.get(DataSource);
    const [{ families }] = await dataSource.query('SELECT COUNT(*) AS families FROM families');
    if (Number(families) > 0)
      throw new Error(`the database already holds ${n(Number(families))} families: seed an empty one`);
    const programme = await app.get(ProgrammesService).default();
    const key = await app.get(SigningKeysService).active();

    const catalogue = await step(
      'catalogue: partners, outlets, offers, search rows',
      () => seedCatalogue(dataSource, engine, COUNTS),
      (c) =>
        c.data.partners.length + c.data.outlets.length + c.data.offers.length + c.data.offerOutlets.length,
    );

    // Where cards are checked: outlets of approved partners, each with its published offers.
    const approved = new Set(catalogue.data.partners.filter((p) => p[11] === 'approved').map((p) => p[0]));
    const published = new Set(
      catalogue.data.offers.filter((o) => o[5] === 'published' && approved.has(o[2])).map((o) => o[0]),
    );
    const offersAt = new Map<string, string[]>();
    for (const [offerId, outletId] of catalogue.data.offerOutlets as string[][])
      if (published.has(offerId)) offersAt.set(outletId, [...(offersAt.get(outletId) ?? []), offerId]);
    const tills: Till[] = (catalogue.data.outlets as string[][])
      .filter((o) => approved.has(o[1]))
      .map((o) => ({ outletId: o[0], partnerId: o[1], offers: offersAt.get(o[0]) ?? [] }));

    // The register and the history, with the secondary indexes dropped and built again at the end.
    const runner = engine === 'postgres' ? dataSource.createQueryRunner() : null;
    let writer: BulkWriter;
    let db: Database.Database | null = null;
    if (runner) {
      await runner.connect();
      writer = postgresWriter(runner);
    } else {
      db = (dataSource.driver as unknown as { databaseConnection: Database.Database }).databaseConnection;
      // A seed that fails is started again on a fresh database: no need to survive a power cut meanwhile.
      db.pragma('synchronous = OFF');
      writer = sqliteWriter(db);
    }
    await writer.begin(['families', 'members', 'cards', 'validations', 'redemptions']);
    const sampled: string[] = [];
    const cards: CardSample = { ids: [], families: [], statuses: [] };
    const register = await step(
      'register: families, members, cards',
      async () => {
        const counted = { families: 0, members: 0, cards: 0 };
        const options = {
          engine,
          cards: 9_000_000,
          families: FAMILIES,
          cardShare: CARD_SHARE,
          sample: 1,
          programmeId: programme.id,
          signingKeyId: key.id,
          cardPrefix: programme.cardPrefix,
          today: todayIn(programme.timeZone, new Date()),
          fold: foldForSearch,
          luhnCheckDigit,
        };
        for (const batch of registerBatches(options, sampled)) {
          await writer.write(batch);
          counted.families += batch.families.length;
          counted.members += batch.members.length;
          counted.cards += batch.cards.length;
          for (let i = 0; i < batch.cards.length; i += SAMPLE_EVERY) {
            const card = batch.cards[i];
            cards.ids.push(card[0] as string);
            cards.families.push(card[2] as string);
            cards.statuses.push(card[5] as string);
          }
        }
        return counted;
      },
      (c) => c.families + c.members + c.cards,
    );
    const history = { validations: 0, redemptions: 0, validationSeconds: 0, redemptionSeconds: 0 };
    await step(
      `a year of checks and redemptions (generated and written)`,
      async () => {
        for (const chunk of checkHistory({
          engine,
          programmeId: programme.id,
          checksPerDay: CHECKS_PER_DAY,
          days: DAYS,
          redemptionShare: REDEMPTION_SHARE,
          tills,
          cards,
          now: new Date(),
        })) {
          let t = performance.now();
          await writer.writeRows('validations', VALIDATION_COLUMNS, chunk.validations);
          history.validationSeconds += (performance.now() - t) / 1000;
          t = performance.now();
          await writer.writeRows('redemptions', REDEMPTION_COLUMNS, chunk.redemptions);
          history.redemptionSeconds += (performance.now() - t) / 1000;
          history.validations += chunk.validations.length;
          history.redemptions += chunk.redemptions.length;
        }
      },
      () => history.validations + history.redemptions,
    );
    await step('indexes built again, statistics', () => writer.finish());
    if (db) db.pragma('synchronous = NORMAL');
    await runner?.release();

    // A till for the check at the end: a key for the first outlet with offers, a seeded active card.
    till = await step('till key and a sample QR code', async () => {
      const at = tills.find((t) => t.offers.length) ?? tills[0];
      const { key: apiKey } = await app
        .get(ApiKeysService)
        .create(
          systemActor('bench:seed'),
          { name: 'bench:seed till', scopes: ['validations:write'] },
          at.partnerId,
        );
      const card = await dataSource.getRepository(CardEntity).findOneByOrFail({ number: sampled[0] });
      const qrText = await app.get(CardTokensService).qrText(card, programme);
      return { apiKey, outletId: at.outletId, qrText };
    });

    const totalSeconds = (performance.now() - total) / 1000;
    const c = catalogue.data;
    console.log('\n| table | rows | seconds |');
    console.log('|---|---:|---:|');
    console.log(`| app start, migrations, programme | | ${steps[0].seconds.toFixed(1)} |`);
    console.log(
      `| catalogue: partners ${n(c.partners.length)}, outlets ${n(c.outlets.length)}, offers ` +
        `${n(c.offers.length)}, offer–outlet links ${n(c.offerOutlets.length)} (and the search rows) | ` +
        `${n(c.partners.length + c.outlets.length + c.offers.length + c.offerOutlets.length)} | ` +
        `${catalogue.seedSeconds.toFixed(1)} (+ ${catalogue.generateSeconds.toFixed(1)} generating) |`,
    );
    console.log(
      `| families, members, cards | ${n(register.families)}, ${n(register.members)}, ${n(register.cards)} | ` +
        `${steps[2].seconds.toFixed(1)} |`,
    );
    console.log(
      `| validations (${n(CHECKS_PER_DAY)} a day for ${DAYS} days) | ${n(history.validations)} | ` +
        `${history.validationSeconds.toFixed(1)} written |`,
    );
    console.log(
      `| redemptions | ${n(history.redemptions)} | ${history.redemptionSeconds.toFixed(1)} written |`,
    );
    console.log(
      `| (generating the checks and redemptions) | | ` +
        `${(steps[3].seconds - history.validationSeconds - history.redemptionSeconds).toFixed(1)} |`,
    );
    console.log(`| indexes and statistics | | ${steps[4].seconds.toFixed(1)} |`);
    console.log(`| total | | ${totalSeconds.toFixed(1)} |`);
    console.log(
      `\n${(register.cards / register.families).toFixed(2)} cards per family on average; goal for 2,000,000 families on SQLite: ≤ 600 s ` +
        `in all${FAMILIES === 2_000_000 && engine === 'sqlite' ? `: ${totalSeconds <= 600 ? 'met' : 'NOT met'}` : ''}.`,
    );
  } finally {
    await app.close();
  }
  if (!args['no-verify']) await verify(env, till);
  console.log(
    `\nStart the app on it: DATA_DIR=${dataDir}${url ? ` DATABASE_URL=${url}` : ''} npm start ` +
      `(admin: ${APP_ENV.ADMIN_EMAIL}).`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
