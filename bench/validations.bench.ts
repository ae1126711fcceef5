/**
 * Online validation at the till at national scale (issue 6), on SQLite and on PostgreSQL: a register of
 * BENCH_CARDS cards (default 5,000,000, with their ~1.4 M families and members) seeded straight into the
 * tables, one approved partner with two outlets, four published offers with usage limits, and a till API key
 * (scope validations:write). BENCH_SAMPLE (10,000) active cards spread over the register get their real QR
 * texts, signed by the project's token code with the programme's active key; every request is a real
 * `POST /api/v1/validations` `{ code: <QR text>, outletId }` through the full stack (auth, rate limits with
 * their limits set out of the way, signature check, register lookup, the pseudonymous record, this partner's
 * offers with uses left), cycling through the sample.
 *
 * Measured, each against a bare Fastify server with one POST JSON endpoint (parses the same body, answers a
 * recorded answer of the app) with the same client, connections and schedule in the same run:
 * - validations/s in a closed loop of BENCH_CONNECTIONS (16) keep-alive connections for BENCH_DURATION_MS
 *   (10 s). Goal: at least 0.5× the baseline.
 * - the floor, reported: the same bare server's `/floor` route, which first verifies the QR's Ed25519 signature
 *   with the project's token code (as the app does, on the thread pool) — no framework, database or record. A
 *   check must verify the signature (a forged card answers invalid_signature), so no check can beat this.
 * - latency at BENCH_RATE (500) requests/s started on schedule (open loop, BENCH_OPEN_LOOP_MS, 10 s, after the
 *   closed loops and a pause of BENCH_SETTLE_MS, 10 s),
 *   measured from each request's scheduled start. Goal: p99 ≤ 10 ms.
 * - redemptions/s: `POST /api/v1/redemptions` after BENCH_REDEMPTIONS (5,000, at most the sample) checks of
 *   distinct cards (not timed), one redemption per check of an offer it has uses left for, one idempotency
 *   key each, over the same connections. Goal: at least 1,000/s on SQLite (PostgreSQL reported).
 *
 * The app, the baseline and the seeding each run in a process of their own, and the baselines are measured first
 * and stopped before the app starts; the load client runs in this one, so it never shares the server's event
 * loop. Each engine has its own data: SQLite a fresh file in a
 * temporary folder, PostgreSQL a fresh database on 127.0.0.1:5432 (BENCH_POSTGRES_URL), dropped at the end;
 * when no server answers there, that engine is skipped. BENCH_ENGINES=sqlite (or postgres) runs one engine;
 * BENCH_PROFILE=1 writes a CPU profile of the app process over the measured phases and prints where its time
 * went; BENCH_KEEP=1 keeps the databases; BENCH_LOG_LEVEL=error shows the app's log. The phase table shows
 * how much of one core each server used: a baseline well under 100 % with a busy client, or both low on a
 * shared machine, means the figures are not the servers' own limits.
 *
 * BENCH_APP_DIST=1 (set by `npm run bench`, which builds first) runs the app servers from dist/ in plain Node
 * (bench/support/serve-app.js), so their peak memory is the app's own; otherwise they run the sources under
 * ts-node, as do the seeding and the baseline.
 *
 * BENCH_INSTANCES=2 (set by `npm run bench -- --pg`) runs two app processes on the one database, and two
 * baseline processes likewise; the load client spreads its connections over both. The peak RSS of each app
 * process over the whole run (VmHWM, Linux) is reported as the peak memory under load.
 */
import type Database from 'better-sqlite3';
import { ChildProcess, spawn } from 'node:child_process';
import { createPublicKey, JsonWebKey, randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import pino from 'pino';
import { BulkWriter, postgresWriter, registerBatches, sqliteWriter } from './support/card-register';
import { summarizeProfile } from './support/cpu-profile';
import { closedLoop, jsonPost, LoadResult, openLoop, Ports } from './support/http-load';
import { fmt, recordResult } from './support/results';

const CARDS = Number(process.env.BENCH_CARDS ?? 5_000_000);
const SAMPLE = Math.min(CARDS, Number(process.env.BENCH_SAMPLE ?? 10_000));
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 10_000);
const RATE = Number(process.env.BENCH_RATE ?? 500);
const OPEN_LOOP_MS = Number(process.env.BENCH_OPEN_LOOP_MS ?? 10_000);
const REDEMPTIONS = Math.min(SAMPLE, Number(process.env.BENCH_REDEMPTIONS ?? 5_000));
const WARM_UP_MS = 3_000;
/** The pause before the open loop: it measures the steady rate, not the recovery from a saturating closed loop. */
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 10_000);
const PROFILE = process.env.BENCH_PROFILE === '1';
const KEEP = process.env.BENCH_KEEP === '1';
const ENGINES = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',');
const INSTANCES = Math.max(1, Number(process.env.BENCH_INSTANCES ?? 1));
const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ROLE_VAR = 'BENCH_VALIDATIONS_ROLE';
const GOAL_RATIO = 0.5;
const GOAL_P99_MS = 10;
const GOAL_REDEMPTIONS = 1_000;

type Engine = 'sqlite' | 'postgres';
type Role = 'seed' | 'server' | 'baseline';

/** What the seeding process hands to the others (as a JSON file). */
interface Fixture {
  apiKey: string;
  outletId: string;
  offers: number;
  qrTexts: string[];
  /** One real answer of the app to a check, which the baseline sends back (same size and shape). */
  sampleAnswer: Record<string, unknown>;
  /** The programme's public keys as the app publishes them (/.well-known/jwks.json), for the floor route. */
  jwks: { keys: (JsonWebKey & { kid: string })[] };
  rows: { families: number; members: number; cards: number };
  seedSeconds: number;
  /** Of which: building the indexes again and the planner's statistics (VACUUM too on PostgreSQL). */
  indexSeconds: number;
  signSeconds: number;
}

/** Settings for every process of the app (seeding and server): the benchmark must not be throttled. */
const APP_ENV = {
  LOG_LEVEL: 'silent',
  JOBS_ENABLED: 'false',
  ADMIN_EMAIL: 'bench@bench.example',
  ADMIN_PASSWORD: 'benchmark passphrase 2026',
  RATE_LIMIT_PER_MINUTE: '100000000',
  RATE_LIMIT_VALIDATION_PER_MINUTE: '100000000',
  RATE_LIMIT_VALIDATION_PER_IP_PER_MINUTE: '100000000',
  RATE_LIMIT_SELF_SERVICE_PER_MINUTE: '100000',
  RATE_LIMIT_LOGIN_PER_MINUTE: '100000',
  VALIDATION_BURST_LIMIT: '100000000',
};

// ---------------------------------------------------------------------------------------------------------------
// The seeding process: start the app once (migrations, programme, signing key), write the register, set up
// the partner through the API as a partner and staff would, sign the sample's QR texts.

async function seed(engine: Engine, fixtureFile: string): Promise<void> {
  Object.assign(process.env, APP_ENV);
  // Imported after the environment is set: the engine is read when entities are decorated.
  const { createApp } = await import('../src/bootstrap');
  const { foldForSearch } = await import('../src/common/text');
  const { luhnCheckDigit } = await import('../src/cards/card-number');
  const { CardEntity } = await import('../src/cards/card.entity');
  const { CardTokensService } = await import('../src/cards/card-tokens.service');
  const { SigningKeysService } = await import('../src/cards/keys/signing-keys.service');
  const { ProgrammesService } = await import('../src/programmes/programmes.service');
  const { todayIn } = await import('../src/programmes/eligibility/civil-date');
  const { DataSource, In } = await import('typeorm');
  const app = await createApp({ logger: pino({ level: process.env.BENCH_LOG_LEVEL ?? 'silent' }) });
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const dataSource = app.get(DataSource);
    const programme = await app.get(ProgrammesService).default();
    const key = await app.get(SigningKeysService).active();

    let started = performance.now();
    const sampled: string[] = [];
    const options = {
      engine,
      cards: CARDS,
      sample: SAMPLE,
      programmeId: programme.id,
      signingKeyId: key.id,
      cardPrefix: programme.cardPrefix,
      today: todayIn(programme.timeZone, new Date()),
      fold: foldForSearch,
      luhnCheckDigit,
    };
    const runner = engine === 'postgres' ? dataSource.createQueryRunner() : null;
    let writer: BulkWriter;
    if (runner) {
      await runner.connect();
      writer = postgresWriter(runner);
    } else {
      writer = sqliteWriter(
        (dataSource.driver as unknown as { databaseConnection: Database.Database }).databaseConnection,
      );
    }
    await writer.begin(['families', 'members', 'cards']);
    for (const batch of registerBatches(options, sampled)) await writer.write(batch);
    const indexStarted = performance.now();
    await writer.finish();
    const indexSeconds = (performance.now() - indexStarted) / 1000;
    await runner?.release();
    const seedSeconds = (performance.now() - started) / 1000;
    const [counted] = await dataSource.query(
      `SELECT (SELECT COUNT(*) FROM families) AS families, (SELECT COUNT(*) FROM members) AS members,
              (SELECT COUNT(*) FROM cards) AS cards`,
    );
    const rows = {
      families: Number(counted.families),
      members: Number(counted.members),
      cards: Number(counted.cards),
    };

    // The partner, as it would come to be: self-registration, approval, outlets, offers approved, a till key.
    const call = async (path: string, body: object, token?: string) => {
      const res = await fetch(`${base}/api/v1/${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
      });
      const answer = (await res.json()) as Record<string, unknown>;
      if (res.status >= 300) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(answer)}`);
      return answer;
    };
    const login = async (email: string, password: string) =>
      (await call('auth/login', { email, password })).accessToken as string;
    const admin = await login(APP_ENV.ADMIN_EMAIL, APP_ENV.ADMIN_PASSWORD);
    const owner = { email: 'owner@kino-bench.example', password: 'kino bench owner passphrase' };
    const registered = await call('partners/register', {
      name: 'Kino Zamek',
      taxNumber: '7123456787', // a valid NIP (check digit 7)
      category: 'culture',
      description: { pl: 'Kino studyjne w centrum miasta', en: 'An art-house cinema in the town centre' },
      contactName: 'Ewa Nowak',
      contactEmail: 'kontakt@kino-bench.example',
      agreementVersion: programme.partnerAgreementVersion,
      acceptAgreement: true,
      owner: { ...owner, displayName: 'Ewa Nowak' },
    });
    const partnerId = (registered.partner as { id: string }).id;
    await call(`partners/${partnerId}/approve`, {}, admin);
    const ownerToken = await login(owner.email, owner.password);
    const outlet = async (name: string, ref: string, street: string) =>
      (
        await call(
          `partners/${partnerId}/outlets`,
          {
            kind: 'place',
            name,
            ref,
            street,
            postalCode: '20-112',
            city: 'Lublin',
            latitude: 51.2502,
            longitude: 22.5722,
          },
          ownerToken,
        )
      ).id as string;
    const outletId = await outlet('Kino Zamek – Stare Miasto', 'stare-miasto', 'ul. Grodzka 1');
    const otherOutlet = await outlet('Kino Zamek – Czechów', 'czechow', 'ul. Kompozytorów 5');
    const offers: Record<string, unknown>[] = [
      {
        texts: { pl: { title: 'Bilety −20%' }, en: { title: '20% off tickets' } },
        benefit: { type: 'percent', percent: 20 },
        limits: { perCardPerDay: 1, perCardPerMonth: 4 },
        outletIds: [outletId, otherOutlet],
      },
      {
        texts: { pl: { title: 'Dzieci wchodzą za darmo' }, en: { title: 'Children go free' } },
        benefit: { type: 'free_entry' },
        audience: { kind: 'children' },
        limits: { perCardPerDay: 2 },
        outletIds: [outletId],
      },
      {
        texts: { pl: { title: 'Dla rodzin 5+: 15 zł taniej' }, en: { title: 'Families of 5+: PLN 15 off' } },
        benefit: { type: 'amount_off', amount: 1500 },
        minFamilySize: 5,
        limits: { perFamilyTotal: 20 },
        outletIds: [outletId],
      },
      {
        texts: { pl: { title: 'Seans dla rodziców za 14,99 zł' }, en: { title: 'Parents’ screening' } },
        benefit: { type: 'special_price', price: 1499 },
        audience: { kind: 'parents' },
        limits: { perCardPerWeek: 2, perCardTotal: 50 },
        outletIds: [outletId],
      },
    ];
    for (const offer of offers) {
      const created = await call(
        `partners/${partnerId}/offers`,
        { schedule: { kind: 'permanent' }, ...offer },
        ownerToken,
      );
      await call(`partners/${partnerId}/offers/${created.id as string}/approve`, {}, admin);
    }
    const apiKey = (
      await call(
        `partners/${partnerId}/api-keys`,
        { name: 'Kasa 1', scopes: ['validations:write'] },
        ownerToken,
      )
    ).key as string;

    // The sample's QR texts: the rows read back as entities and signed as the card endpoints sign them.
    started = performance.now();
    const tokens = app.get(CardTokensService);
    const qrTexts: string[] = [];
    for (let i = 0; i < sampled.length; i += 500) {
      const cards = await dataSource
        .getRepository(CardEntity)
        .findBy({ number: In(sampled.slice(i, i + 500)) });
      for (const card of cards) qrTexts.push(await tokens.qrText(card, programme));
    }
    const signSeconds = (performance.now() - started) / 1000;
    if (qrTexts.length !== sampled.length)
      throw new Error(`sampled ${sampled.length}, found ${qrTexts.length}`);

    const check = await fetch(`${base}/api/v1/validations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
      body: JSON.stringify({ code: qrTexts[0], outletId }),
    });
    const sampleAnswer = (await check.json()) as Record<string, unknown>;
    if (sampleAnswer.result !== 'valid') throw new Error(`sample check: ${JSON.stringify(sampleAnswer)}`);
    const jwks = (await (await fetch(`${base}/.well-known/jwks.json`)).json()) as Fixture['jwks'];
    const fixture: Fixture = {
      apiKey,
      outletId,
      offers: offers.length,
      qrTexts,
      sampleAnswer,
      jwks,
      rows,
      seedSeconds,
      indexSeconds,
      signSeconds,
    };
    writeFileSync(fixtureFile, JSON.stringify(fixture));
  } finally {
    await app.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The server processes: the app as production starts it, and the bare baseline.

async function serveApp(): Promise<void> {
  Object.assign(process.env, APP_ENV);
  const { createApp } = await import('../src/bootstrap');
  const app = await createApp({ logger: pino({ level: process.env.BENCH_LOG_LEVEL ?? 'silent' }) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  // BENCH_PROFILE: the parent asks for a CPU profile of the measured phases only (not start-up or warm-up).
  const session = new Session();
  const inspect = <T>(method: string, params?: object) =>
    new Promise<T>((resolve, reject) =>
      session.post(method, params, (error, result) => (error ? reject(error) : resolve(result as T))),
    );
  process.on('message', (message: { type: string; file?: string }) => {
    void (async () => {
      if (message.type === 'profile-start') {
        session.connect();
        await inspect('Profiler.enable');
        await inspect('Profiler.setSamplingInterval', { interval: 200 });
        await inspect('Profiler.start');
      } else if (message.type === 'profile-stop') {
        const { profile } = await inspect<{ profile: object }>('Profiler.stop');
        writeFileSync(message.file!, JSON.stringify(profile));
        session.disconnect();
      } else {
        await app.close();
        process.exit(0);
      }
      process.send!({ type: 'done' });
    })();
  });
  process.send!({ port: Number(new URL(await app.getUrl()).port) });
}

async function serveBaseline(fixtureFile: string): Promise<void> {
  const { default: Fastify } = await import('fastify');
  const { verifyQrTextAsync } = await import('../src/cards/token/card-token');
  const { sampleAnswer, jwks } = JSON.parse(readFileSync(fixtureFile, 'utf8')) as Fixture;
  const keys = new Map(jwks.keys.map((jwk) => [jwk.kid, createPublicKey({ key: jwk, format: 'jwk' })]));
  const server = Fastify({ logger: false });
  const codeOf = (body: unknown) => {
    const { code } = body as { code?: unknown };
    if (typeof code !== 'string') throw new Error('code is required');
    return code;
  };
  // Parses the same body and answers the app's own recorded answer, with a fresh id and time as the app does.
  server.post('/api/v1/validations', async (request) => {
    codeOf(request.body);
    return { ...sampleAnswer, id: randomUUID(), checkedAt: new Date() };
  });
  // The floor: the same, after verifying the QR's signature with the project's own token code as the app does
  // (on libuv's thread pool); no database, no framework. What any check that verifies the signature can reach.
  server.post('/floor', async (request) => {
    const verified = await verifyQrTextAsync(codeOf(request.body), (kid) => keys.get(kid) ?? null);
    if (verified.status !== 'valid') throw new Error(`the sample's signature: ${verified.status}`);
    return { ...sampleAnswer, id: randomUUID(), checkedAt: new Date() };
  });
  await server.listen({ port: 0, host: '127.0.0.1' });
  process.send!({ port: (server.server.address() as { port: number }).port });
  process.on('message', () => void server.close().then(() => process.exit(0)));
}

// ---------------------------------------------------------------------------------------------------------------
// The parent: seed, start both servers, load them the same way, print.

interface Child {
  process: ChildProcess;
  port: number;
  /** Sends a message and waits for the child's answer. */
  ask(message: { type: string; file?: string }): Promise<void>;
  stop(): Promise<void>;
}

/** BENCH_APP_DIST=1 (set by `npm run bench`, which builds first): the app server runs the compiled app. */
const FROM_DIST = process.env.BENCH_APP_DIST === '1' && !PROFILE;

function startChild(role: Role, env: NodeJS.ProcessEnv): Promise<Child> {
  const args =
    role === 'server' && FROM_DIST
      ? [join(__dirname, 'support', 'serve-app.js')]
      : [...process.execArgv, __filename];
  const child = spawn(process.execPath, args, {
    env: { ...env, ...(role === 'server' ? APP_ENV : {}), [ROLE_VAR]: role },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${role} process exited (${code}) before listening`)));
    child.once('message', (message) =>
      resolve({
        process: child,
        port: (message as { port: number }).port,
        ask: (question) =>
          new Promise<void>((answered) => {
            child.once('message', () => answered());
            child.send(question);
          }),
        stop: async () => {
          child.send({ type: 'stop' });
          await exited;
        },
      }),
    );
  });
}

function runSeed(env: NodeJS.ProcessEnv): Promise<void> {
  const child = spawn(process.execPath, [...process.execArgv, __filename], {
    env: { ...env, [ROLE_VAR]: 'seed' },
    stdio: 'inherit',
  });
  return new Promise((resolve, reject) =>
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`seeding failed (${code})`)))),
  );
}

/** CPU seconds a process has used so far (Linux /proc; null elsewhere). */
function cpuOf(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in ticks of 1/100 s
  } catch {
    return null;
  }
}

interface Phase {
  name: string;
  result: LoadResult;
  /** Share of one core the server process used. */
  serverCpu: number | null;
}

/** CPU seconds several processes have used so far, or null. */
function cpuOfAll(children: Child[]): number | null {
  let sum = 0;
  for (const child of children) {
    const cpu = cpuOf(child.process.pid!);
    if (cpu === null) return null;
    sum += cpu;
  }
  return sum;
}

/** A process's peak resident set so far, in MB (VmHWM on Linux; null elsewhere). */
function peakRssOf(pid: number): number | null {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return kb ? Number(kb[1]) / 1024 : null;
  } catch {
    return null;
  }
}

async function measure(
  name: string,
  servers: Child[],
  run: () => Promise<LoadResult>,
  phases: Phase[],
): Promise<LoadResult> {
  const cpu = cpuOfAll(servers);
  const result = await run();
  const after = cpuOfAll(servers);
  phases.push({
    name,
    result,
    serverCpu: cpu === null || after === null ? null : (after - cpu) / result.seconds,
  });
  const bad = Object.entries(result.statuses).filter(([status]) => !status.startsWith('2'));
  if (bad.length) throw new Error(`${name}: answers ${JSON.stringify(result.statuses)}`);
  return result;
}

async function runEngine(engine: Engine, env: NodeJS.ProcessEnv, dataDir: string): Promise<void> {
  const label =
    (engine === 'sqlite' ? 'SQLite' : 'PostgreSQL') + (INSTANCES > 1 ? `, ${INSTANCES} app instances` : '');
  const engineLabel = INSTANCES > 1 ? `${engine} ×${INSTANCES}` : engine;
  const fixtureFile = join(dataDir, 'fixture.json');
  const childEnv = { ...env, BENCH_FIXTURE: fixtureFile };
  console.log(`\n#### ${label}: seeding ${CARDS.toLocaleString('en')} cards…`);
  await runSeed(childEnv);
  const fixture = JSON.parse(readFileSync(fixtureFile, 'utf8')) as Fixture;
  const profile = join(tmpdir(), `validations-${engine}-${Date.now()}.cpuprofile`);
  const phases: Phase[] = [];
  // One after another: each start checks the migrations, which must not race on one database.
  const baselines: Child[] = [];
  const apps: Child[] = [];
  try {
    // Each kind of server is measured alone on the machine: the baselines first, stopped before the app starts.
    // An idle process is not free: V8 runs memory-reducing full GCs in it (14–38 ms of a core each), which on a
    // 2-core machine showed up as bursts of slow checks while idle baselines sat beside the apps.
    for (let k = 0; k < INSTANCES; k++) baselines.push(await startChild('baseline', childEnv));
    const baselinePorts = baselines.map((b) => b.port);
    const headers = { 'X-API-Key': fixture.apiKey };
    const check = (port: number, path = '/api/v1/validations') => {
      const requests = fixture.qrTexts.map((code) =>
        jsonPost(port, path, { code, outletId: fixture.outletId }, headers),
      );
      return (i: number) => requests[i % requests.length];
    };
    // The Host header names the first instance's port; neither server reads it.
    const checkBaseline = check(baselinePorts[0]);
    const checkFloor = check(baselinePorts[0], '/floor');
    const closed = (port: Ports, request: (i: number) => Buffer, durationMs = DURATION_MS) =>
      closedLoop({ port, connections: CONNECTIONS, durationMs, request });
    const open = (port: Ports, request: (i: number) => Buffer) =>
      openLoop({ port, rate: RATE, durationMs: OPEN_LOOP_MS, maxConnections: 256, request });

    // Warm-ups: JIT, connection setup, the app's caches; not recorded. Then, for each kind of server, the closed
    // loops, a pause and the open loop: right after 10 s of a saturating closed loop SQLite still checkpoints
    // the WAL and V8 collects the loop's garbage, and the open loop is to meet a warm, settled server.
    const settle = () => new Promise((done) => setTimeout(done, SETTLE_MS));
    await closed(baselinePorts, checkBaseline, WARM_UP_MS);
    await closed(baselinePorts, checkFloor, WARM_UP_MS);
    const base = await measure(
      'baseline: closed loop',
      baselines,
      () => closed(baselinePorts, checkBaseline),
      phases,
    );
    const floor = await measure(
      'floor: bare + signature check, closed loop',
      baselines,
      () => closed(baselinePorts, checkFloor),
      phases,
    );
    await settle();
    const baseOpen = await measure(
      `baseline: open loop ${RATE}/s`,
      baselines,
      () => open(baselinePorts, checkBaseline),
      phases,
    );
    for (const baseline of baselines.splice(0)) await baseline.stop();

    for (let k = 0; k < INSTANCES; k++) apps.push(await startChild('server', childEnv));
    const server = apps[0];
    const appPorts = apps.map((a) => a.port);
    const checkApp = check(appPorts[0]);
    await closed(appPorts, checkApp, WARM_UP_MS);
    if (PROFILE) await server.ask({ type: 'profile-start' });
    const checks = await measure('validations: closed loop', apps, () => closed(appPorts, checkApp), phases);
    await settle();
    const checksOpen = await measure(
      `validations: open loop ${RATE}/s`,
      apps,
      () => open(appPorts, checkApp),
      phases,
    );

    // Redemptions: first a check of each of REDEMPTIONS cards (not timed), then one redemption per check of
    // an offer it has uses left for, each with its own idempotency key.
    const prepared: { validationId: string; offerId: string }[] = [];
    const notValid: string[] = [];
    await closedLoop({
      port: appPorts,
      connections: CONNECTIONS,
      durationMs: Infinity,
      limit: REDEMPTIONS,
      request: checkApp,
      onAnswer: (i, answer) => {
        const body = JSON.parse(answer.body.toString('utf8')) as {
          id: string;
          result: string;
          offers: { id: string; remainingUses: number | null }[];
        };
        if (body.result !== 'valid') return void notValid.push(body.result);
        const usable = body.offers.filter((o) => o.remainingUses !== 0);
        if (usable.length) prepared[i] = { validationId: body.id, offerId: usable[i % usable.length].id };
      },
    });
    if (notValid.length)
      throw new Error(`${notValid.length} sample cards did not check valid: ${notValid[0]}`);
    const ready = prepared.filter(Boolean);
    const run = randomBytes(4).toString('hex');
    const redemptions = ready.map((p, i) =>
      jsonPost(appPorts[0], '/api/v1/redemptions', { ...p, idempotencyKey: `bench-${run}-${i}` }, headers),
    );
    const redeemed = await measure(
      `redemptions: closed loop, ${redemptions.length} distinct`,
      apps,
      () =>
        closedLoop({
          port: appPorts,
          connections: CONNECTIONS,
          durationMs: Infinity,
          limit: redemptions.length,
          request: (i) => redemptions[i],
        }),
      phases,
    );

    const n = (x: number) => x.toLocaleString('en', { maximumFractionDigits: 0 });
    const ms = (x: number) => `${x.toFixed(2)} ms`;
    const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
    console.log(
      `\n#### ${label}: ${n(fixture.rows.cards)} cards, ${n(fixture.rows.families)} families, ` +
        `${n(fixture.rows.members)} members; one partner, ${fixture.offers} published offers with limits; ` +
        `${n(fixture.qrTexts.length)} sample QR codes`,
    );
    console.log(
      `Seeded in ${fixture.seedSeconds.toFixed(1)} s (rows generated and written ` +
        `${(fixture.seedSeconds - fixture.indexSeconds).toFixed(1)} s, then indexes and statistics ` +
        `${fixture.indexSeconds.toFixed(1)} s); ` +
        `${n(fixture.qrTexts.length)} QR texts read back and signed in ${fixture.signSeconds.toFixed(1)} s.`,
    );
    console.log(
      `Client: ${CONNECTIONS} keep-alive connections for ${DURATION_MS / 1000} s closed loops; ` +
        `${RATE} requests/s for ${OPEN_LOOP_MS / 1000} s open loop, latency from the scheduled start.`,
    );
    console.log('');
    console.log('| metric | value | baseline | ratio | goal | |');
    console.log('|---|---:|---:|---:|---|---|');
    const ratio = checks.perSecond / base.perSecond;
    console.log(
      `| validations/s, closed loop | ${n(checks.perSecond)} | ${n(base.perSecond)} | ${ratio.toFixed(2)} | ` +
        `≥ ${GOAL_RATIO}× baseline | ${met(ratio >= GOAL_RATIO)} |`,
    );
    const floorRatio = floor.perSecond / base.perSecond;
    console.log(
      `| floor: the bare endpoint verifying the QR's signature, closed loop | ${n(floor.perSecond)} | ` +
        `${n(base.perSecond)} | ${floorRatio.toFixed(2)} | — (the most any signature-checking check can reach) | |`,
    );
    console.log(
      `| validation p99 at ${RATE}/s, open loop | ${ms(checksOpen.p99)} | ${ms(baseOpen.p99)} | ` +
        `${(checksOpen.p99 / baseOpen.p99).toFixed(1)} | ≤ ${GOAL_P99_MS} ms | ${met(checksOpen.p99 <= GOAL_P99_MS)} |`,
    );
    console.log(
      `| validation p50 at ${RATE}/s, open loop | ${ms(checksOpen.p50)} | ${ms(baseOpen.p50)} | ` +
        `${(checksOpen.p50 / baseOpen.p50).toFixed(1)} | — | |`,
    );
    const redemptionRatio = redeemed.perSecond / base.perSecond;
    console.log(
      `| redemptions/s, closed loop | ${n(redeemed.perSecond)} | ${n(base.perSecond)} | ` +
        `${redemptionRatio.toFixed(2)} | ${engine === 'sqlite' ? `≥ ${n(GOAL_REDEMPTIONS)}/s` : '— (reported)'} | ` +
        `${engine === 'sqlite' ? met(redeemed.perSecond >= GOAL_REDEMPTIONS) : ''} |`,
    );
    console.log('');
    // Server CPU per request depends far less on what else the machine runs than throughput or latency do.
    console.log(
      '| phase | requests | req/s | p50 ms | p99 ms | max ms | server CPU | server CPU per request | client CPU |',
    );
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
    const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(0)} %`);
    for (const { name, result: r, serverCpu } of phases)
      console.log(
        `| ${name} | ${n(r.requests)} | ${n(r.perSecond)} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ` +
          `${r.max.toFixed(1)} | ${pct(serverCpu)} | ` +
          `${serverCpu === null ? '—' : ms((serverCpu * r.seconds * 1000) / r.requests)} | ${pct(r.clientCpu)} |`,
      );
    // Under ts-node (a run without BENCH_APP_DIST=1) the peak includes the TypeScript compiler.
    const peaks = apps.map((a) => peakRssOf(a.process.pid!));
    const peak = peaks.every((x) => x !== null) ? Math.max(...(peaks as number[])) : null;
    if (peak !== null)
      console.log(
        `\nPeak RSS of the app process${INSTANCES > 1 ? 'es' : ''} over the run (seeded register, load): ` +
          `${peaks.map((x) => fmt.mb(x!)).join(', ')}`,
      );
    const bench = 'validations';
    const register = `${fmt.n(fixture.rows.cards)} cards`;
    recordResult({
      bench,
      engine: engineLabel,
      metric: `validations/s, closed loop, ${CONNECTIONS} connections (${register})`,
      value: fmt.perSecond(checks.perSecond),
      baseline: fmt.perSecond(base.perSecond),
      ratio,
      goal: `≥ ${GOAL_RATIO}× baseline`,
      met: ratio >= GOAL_RATIO,
    });
    recordResult({
      bench,
      engine: engineLabel,
      metric: 'floor: bare Fastify endpoint + the QR signature check alone, req/s',
      value: fmt.perSecond(floor.perSecond),
      baseline: fmt.perSecond(base.perSecond),
      ratio: floorRatio,
      goal: '—',
      met: null,
    });
    recordResult({
      bench,
      engine: engineLabel,
      metric: `validation p99 at ${RATE}/s, open loop`,
      value: fmt.ms(checksOpen.p99),
      baseline: fmt.ms(baseOpen.p99),
      ratio: checksOpen.p99 / baseOpen.p99,
      goal: `≤ ${GOAL_P99_MS} ms`,
      met: checksOpen.p99 <= GOAL_P99_MS,
    });
    recordResult({
      bench,
      engine: engineLabel,
      metric: 'redemptions/s, closed loop',
      value: fmt.perSecond(redeemed.perSecond),
      baseline: fmt.perSecond(base.perSecond),
      ratio: redemptionRatio,
      goal: engine === 'sqlite' ? `≥ ${fmt.n(GOAL_REDEMPTIONS)}/s` : '—',
      met: engine === 'sqlite' ? redeemed.perSecond >= GOAL_REDEMPTIONS : null,
    });
    if (peak !== null)
      recordResult({
        bench,
        engine: engineLabel,
        metric: `peak memory under load (app process RSS, ${register}${FROM_DIST ? '' : ', under ts-node'})`,
        value: fmt.mb(peak),
        goal: '—',
        met: null,
      });
    if (PROFILE) {
      await server.ask({ type: 'profile-stop', file: profile });
      console.log(`\nCPU profile of the app process over the measured phases: ${profile}\n`);
      console.log(summarizeProfile(profile));
    }
  } finally {
    for (const child of [...baselines, ...apps]) await child.stop();
  }
}

async function main(): Promise<void> {
  console.log(
    `\nOnline validation: ${CARDS.toLocaleString('en')} cards; goals: validations/s ≥ ${GOAL_RATIO}× a bare ` +
      `Fastify endpoint, p99 ≤ ${GOAL_P99_MS} ms at ${RATE}/s, redemptions ≥ ${GOAL_REDEMPTIONS.toLocaleString('en')}/s on SQLite`,
  );
  // Ctrl-C reaches the children too; this process then stops starting engines but still drops its database.
  let interrupted = false;
  const interrupt = () => {
    interrupted = true;
    process.exitCode = 130;
  };
  process.once('SIGINT', interrupt).once('SIGTERM', interrupt);
  // One engine failing does not stop the other; the exit code tells.
  const failed = (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  };
  const dataDir = mkdtempSync(join(tmpdir(), 'fc-bench-validations-'));
  try {
    if (ENGINES.includes('sqlite')) {
      const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: join(dataDir, 'sqlite') };
      delete env.DATABASE_URL;
      mkdirSync(join(dataDir, 'sqlite'));
      await runEngine('sqlite', env, join(dataDir, 'sqlite')).catch(failed);
    }
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
      await admin.query(`CREATE DATABASE "${database}"`);
      const url = new URL(POSTGRES_URL);
      url.pathname = `/${database}`;
      mkdirSync(join(dataDir, 'postgres'));
      await runEngine(
        'postgres',
        { ...process.env, DATA_DIR: join(dataDir, 'postgres'), DATABASE_URL: url.href },
        join(dataDir, 'postgres'),
      ).catch(failed);
    } finally {
      if (KEEP) console.log(`\nBENCH_KEEP: PostgreSQL database ${database} kept`);
      else await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await admin.end();
    }
  } finally {
    if (KEEP) console.log(`BENCH_KEEP: SQLite database kept in ${join(dataDir, 'sqlite')}`);
    else rmSync(dataDir, { recursive: true, force: true });
  }
}

const role = process.env[ROLE_VAR] as Role | undefined;
const fixtureFile = process.env.BENCH_FIXTURE ?? '';
const engineOfChild: Engine = process.env.DATABASE_URL ? 'postgres' : 'sqlite';
(role === 'seed'
  ? seed(engineOfChild, fixtureFile).then(() => process.exit(0))
  : role === 'server'
    ? serveApp()
    : role === 'baseline'
      ? serveBaseline(fixtureFile)
      : main()
).catch((error) => {
  console.error(error);
  process.exit(1);
});
