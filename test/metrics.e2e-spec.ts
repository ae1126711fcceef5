import { CardEntity } from '../src/cards/card.entity';
import { ConfigurationError } from '../src/config/validate-env';
import { JobsService } from '../src/jobs/jobs.service';
import { OutboxMessageEntity } from '../src/notifications/outbox-message.entity';
import { VALIDATION_RESULTS } from '../src/validations/validation-result';
import { IsNull } from 'typeorm';
import { engine, pgUrlFor, scratchDatabase } from './support/databases';
import { enrolFamily } from './support/enrolment-factory';
import {
  addOutlet,
  approvedPartner,
  offerBody,
  publishedOffer,
  RegisteredPartner,
} from './support/partner-factory';
import { TcpProxy } from './support/tcp-proxy';
import { startApp, TestApp } from './support/test-app';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const SAMPLE = new RegExp(`^(${NAME})(?:\\{(.*)\\})? (\\S+)(?: -?\\d+)?$`);
const LABEL = /^([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\[\\"n])*)"(?:,|$)/;
const TYPES = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']);

/** Values as Prometheus reads them (Go's ParseFloat: NaN and Inf in any case; prom-client writes `Nan`). */
function floatOf(text: string): number | undefined {
  if (/^nan$/i.test(text)) return NaN;
  const inf = /^([+-]?)inf(inity)?$/i.exec(text);
  if (inf) return inf[1] === '-' ? -Infinity : Infinity;
  return /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text) ? Number(text) : undefined;
}

/**
 * A strict reader of the Prometheus text format (0.0.4): every line a comment, a HELP/TYPE line or a sample;
 * every sample of a declared family; histogram buckets cumulative and ending in +Inf = _count.
 */
function parseExposition(text: string): Sample[] {
  const types = new Map<string, string>();
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const meta = /^# (HELP|TYPE) (\S+)(?: (.*))?$/.exec(line);
    if (meta) {
      if (!new RegExp(`^${NAME}$`).test(meta[2])) throw new Error(`bad metric name: ${line}`);
      if (meta[1] === 'TYPE') {
        if (!TYPES.has(meta[3]) || types.has(meta[2])) throw new Error(`bad or repeated TYPE: ${line}`);
        types.set(meta[2], meta[3]);
      }
      continue;
    }
    if (line.startsWith('#')) continue;
    const m = SAMPLE.exec(line);
    if (!m) throw new Error(`not a sample line: ${line}`);
    const labels: Record<string, string> = {};
    let rest = m[2] ?? '';
    while (rest) {
      const l = LABEL.exec(rest);
      if (!l) throw new Error(`bad labels: ${line}`);
      labels[l[1]] = l[2];
      rest = rest.slice(l[0].length);
    }
    const value = floatOf(m[3]);
    if (value === undefined) throw new Error(`bad value: ${line}`);
    const family = [m[1], m[1].replace(/_(bucket|sum|count|total|created)$/, '')].find((n) => types.has(n));
    if (!family) throw new Error(`sample without a TYPE: ${line}`);
    samples.push({ name: m[1], labels, value });
  }
  for (const [name, type] of types) {
    if (type !== 'histogram') continue;
    const series = new Map<string, Sample[]>();
    for (const s of samples.filter((x) => x.name === `${name}_bucket`)) {
      const { le: _le, ...rest } = s.labels;
      const key = JSON.stringify(rest);
      series.set(key, [...(series.get(key) ?? []), s]);
    }
    for (const [key, buckets] of series) {
      const values = buckets.map((b) => b.value);
      if (values.some((v, i) => i > 0 && v < values[i - 1]))
        throw new Error(`${name} ${key}: not cumulative`);
      const count = samples.find((x) => x.name === `${name}_count` && JSON.stringify(x.labels) === key);
      if (buckets.at(-1)!.labels.le !== '+Inf' || count?.value !== values.at(-1))
        throw new Error(`${name} ${key}: +Inf bucket and _count disagree`);
    }
  }
  return samples;
}

const valueOf = (samples: Sample[], name: string, labels: Record<string, string> = {}): number | undefined =>
  samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;

const TOKEN = 'metrics-test-token-0123456789abcdefghij';
const OUTSIDE = '203.0.113.9';

describe(`GET /metrics (${engine})`, () => {
  let t: TestApp;
  const scrape = async (): Promise<Sample[]> => {
    const res = await t.http.get('/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4; charset=utf-8/);
    return parseExposition(res.text);
  };

  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.close());

  describe('without a token: this machine only', () => {
    it('serves the Prometheus text format with the process metrics to a loopback client', async () => {
      const samples = await scrape();
      for (const name of [
        'process_cpu_user_seconds_total',
        'process_resident_memory_bytes',
        'nodejs_heap_size_used_bytes',
        'nodejs_eventloop_lag_seconds',
      ])
        expect({ name, found: valueOf(samples, name) !== undefined }).toEqual({ name, found: true });
      const text = (await t.http.get('/metrics').expect(200)).text;
      expect(text).toMatch(/^# TYPE nodejs_gc_duration_seconds histogram$/m);
      expect(text).toMatch(/^# TYPE http_request_duration_seconds histogram$/m);
    });

    it('refuses a client on another machine with 403 problem+json', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/metrics', remoteAddress: OUTSIDE });
      expect(res.statusCode).toBe(403);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(JSON.parse(res.body)).toMatchObject({
        status: 403,
        detail: expect.stringMatching(/METRICS_TOKEN/),
      });
      expect(res.body).not.toMatch(/process_cpu/);
    });

    it('refuses a request relayed by a reverse proxy on this machine', async () => {
      const res = await t.http.get('/metrics').set('X-Forwarded-For', OUTSIDE).expect(403);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    });

    it('stays out of the OpenAPI document (monitoring, not API)', async () => {
      const doc = (await t.http.get('/api/docs-json').expect(200)).body as { paths: Record<string, unknown> };
      expect(Object.keys(doc.paths)).not.toContain('/metrics');
    });
  });

  describe('what it counts', () => {
    let caseWorker: string;
    let manager: string;
    let partner: RegisteredPartner;
    let outlet: string;
    let offer: string;
    let card: CardEntity;

    beforeAll(async () => {
      caseWorker = (await t.newUser('case_worker')).token;
      manager = (await t.newUser('partner_manager')).token;
      const family = await enrolFamily(t, caseWorker, 'Metryka');
      card = await t.dataSource
        .getRepository(CardEntity)
        .findOneOrFail({ where: { familyId: family.familyId, role: 'parent' }, order: { createdAt: 'ASC' } });
      partner = await approvedPartner(t, manager, { name: 'Basen Metryka' });
      outlet = await addOutlet(t, partner.owner.token, partner.partnerId);
      offer = await publishedOffer(t, partner, manager, offerBody([outlet]));
    });

    const check = (code: string) =>
      t.http
        .post('/api/v1/validations')
        .auth(partner.owner.token, { type: 'bearer' })
        .send({ code, outletId: outlet })
        .expect(200);

    it('shows every check result from the start, and a check adds one to its own result only', async () => {
      const before = await scrape();
      for (const result of VALIDATION_RESULTS)
        expect({
          result,
          shown: valueOf(before, 'family_card_card_checks_total', { result }) !== undefined,
        }).toEqual({ result, shown: true });
      const qr = (
        await t.http.get(`/api/v1/cards/${card.id}`).auth(caseWorker, { type: 'bearer' }).expect(200)
      ).body.qrText as string;
      expect((await check(qr)).body.result).toBe('valid');
      expect((await check(qr)).body.result).toBe('valid');
      expect((await check('NOT-A-CARD')).body.result).toBe('malformed');
      const after = await scrape();
      const delta = (result: string) =>
        valueOf(after, 'family_card_card_checks_total', { result })! -
        valueOf(before, 'family_card_card_checks_total', { result })!;
      expect(VALIDATION_RESULTS.map((r) => [r, delta(r)])).toEqual(
        VALIDATION_RESULTS.map((r) => [r, r === 'valid' ? 2 : r === 'malformed' ? 1 : 0]),
      );
    });

    it('counts the public check page’s views by result, apart from the tills’ checks', async () => {
      const before = await scrape();
      const qr = (
        await t.http.get(`/api/v1/cards/${card.id}`).auth(caseWorker, { type: 'bearer' }).expect(200)
      ).body.qrText as string;
      const path = new URL(qr).pathname;
      await t.http.get(path).expect(200);
      // A character inside the signature changed: it no longer holds.
      const at = path.length - 20;
      const tampered = path.slice(0, at) + (path[at] === 'A' ? 'B' : 'A') + path.slice(at + 1);
      await t.http.get(tampered).expect(200);
      const after = await scrape();
      const delta = (name: string, result: string) =>
        valueOf(after, name, { result })! - valueOf(before, name, { result })!;
      expect(VALIDATION_RESULTS.map((r) => [r, delta('family_card_public_checks_total', r)])).toEqual(
        VALIDATION_RESULTS.map((r) => [r, r === 'valid' || r === 'invalid_signature' ? 1 : 0]),
      );
      expect(VALIDATION_RESULTS.map((r) => delta('family_card_card_checks_total', r))).toEqual(
        VALIDATION_RESULTS.map(() => 0),
      );
    });

    it('counts a redemption once, however often the till retries it, and its cancellation', async () => {
      const before = await scrape();
      const qr = (
        await t.http.get(`/api/v1/cards/${card.id}`).auth(caseWorker, { type: 'bearer' }).expect(200)
      ).body.qrText as string;
      const checked = await check(qr);
      const body = { validationId: checked.body.id, offerId: offer, idempotencyKey: `metrics-${Date.now()}` };
      const redeem = () =>
        t.http.post('/api/v1/redemptions').auth(partner.owner.token, { type: 'bearer' }).send(body);
      const made = await redeem().expect(201);
      await redeem().expect(200);
      await t.http
        .post(`/api/v1/redemptions/${made.body.id}/cancel`)
        .auth(partner.owner.token, { type: 'bearer' })
        .send({})
        .expect(200);
      const after = await scrape();
      const delta = (outcome: string) =>
        valueOf(after, 'family_card_redemptions_total', { outcome })! -
        valueOf(before, 'family_card_redemptions_total', { outcome })!;
      expect({ recorded: delta('recorded'), cancelled: delta('cancelled') }).toEqual({
        recorded: 1,
        cancelled: 1,
      });
    });

    it('times requests under their route pattern, never their URL', async () => {
      await t.http.get(`/api/v1/cards/${card.id}`).auth(caseWorker, { type: 'bearer' }).expect(200);
      await t.http.get(`/api/v1/cards/${card.id}`).expect(401);
      const res = await t.http.get('/metrics').expect(200);
      const samples = parseExposition(res.text);
      const count = (status_class: string) =>
        valueOf(samples, 'http_request_duration_seconds_count', {
          method: 'GET',
          route: '/api/v1/cards/:id',
          status_class,
        });
      expect(count('2xx')).toBeGreaterThanOrEqual(3);
      expect(count('4xx')).toBeGreaterThanOrEqual(1);
      const bucket = valueOf(samples, 'http_request_duration_seconds_bucket', {
        route: '/api/v1/cards/:id',
        status_class: '2xx',
        le: '+Inf',
      });
      expect(bucket).toBe(count('2xx'));
      expect(res.text).not.toContain(card.id);
      expect(res.text).not.toContain(card.number);
      expect(res.text).not.toContain(partner.owner.email);
    });

    it('gives an unknown URL one series, whatever the URL', async () => {
      await t.http.get(`/no-such-page/${card.id}`).expect(404);
      await t.http.get('/another/missing/page').expect(404);
      const res = await t.http.get('/metrics').expect(200);
      const samples = parseExposition(res.text);
      expect(
        valueOf(samples, 'http_request_duration_seconds_count', { route: 'unmatched', status_class: '4xx' }),
      ).toBeGreaterThanOrEqual(2);
      expect(res.text).not.toContain('no-such-page');
    });

    it('counts a job run by job and outcome', async () => {
      const before = valueOf(await scrape(), 'family_card_job_runs_total', {
        name: 'jobs.purge-history',
        outcome: 'succeeded',
      });
      expect(before).toBeUndefined();
      const started = Date.now() / 1000;
      expect((await t.app.get(JobsService).runNow('jobs.purge-history')).ran).toBe(true);
      const after = await scrape();
      expect(
        valueOf(after, 'family_card_job_runs_total', { name: 'jobs.purge-history', outcome: 'succeeded' }),
      ).toBe(1);
      expect(
        valueOf(after, 'family_card_job_last_success_timestamp_seconds', { name: 'jobs.purge-history' }),
      ).toBeGreaterThanOrEqual(Math.floor(started));
    });

    it('reads the outbox and print backlogs from the database at scrape time', async () => {
      const pending = await t.dataSource.getRepository(OutboxMessageEntity).countBy({ status: 'pending' });
      const unprinted = await t.dataSource
        .getRepository(CardEntity)
        .countBy({ status: 'active', printBatchId: IsNull() });
      // The enrolment above wrote e-mails (jobs are off, so they wait) and issued cards not yet printed.
      expect(pending).toBeGreaterThan(0);
      expect(unprinted).toBeGreaterThan(0);
      const samples = await scrape();
      expect(valueOf(samples, 'family_card_backlog_query_up')).toBe(1);
      expect(valueOf(samples, 'family_card_outbox_messages', { status: 'pending' })).toBe(pending);
      expect(valueOf(samples, 'family_card_cards_awaiting_print')).toBe(unprinted);
      await t.http.post('/api/v1/print-batches').auth(caseWorker, { type: 'bearer' }).send({}).expect(201);
      expect(valueOf(await scrape(), 'family_card_cards_awaiting_print')).toBe(0);
    });

    it(`shows the ${engine === 'postgres' ? 'connection pool' : 'SQLite transaction queue'}`, async () => {
      const samples = await scrape();
      if (engine === 'postgres') {
        expect(
          valueOf(samples, 'family_card_db_pool_connections', { state: 'total' }),
        ).toBeGreaterThanOrEqual(1);
        expect(valueOf(samples, 'family_card_db_pool_waiting')).toBe(0);
        expect(valueOf(samples, 'family_card_sqlite_transaction_queue')).toBeUndefined();
      } else {
        expect(valueOf(samples, 'family_card_sqlite_transaction_queue')).toBe(0);
        expect(valueOf(samples, 'family_card_db_pool_waiting')).toBeUndefined();
      }
    });
  });

  describe('with METRICS_TOKEN', () => {
    let secured: TestApp;
    beforeAll(async () => {
      secured = await startApp({ db: t.db, env: { METRICS_TOKEN: TOKEN } });
    });
    afterAll(() => secured.close());

    it.each([
      ['no credentials', undefined],
      ['a wrong token', `Bearer ${TOKEN.slice(0, -1)}X`],
      ['the token as Basic', `Basic ${TOKEN}`],
    ])('refuses %s with 401, even from this machine', async (_name, authorization) => {
      const req = secured.http.get('/metrics');
      const res = await (authorization ? req.set('Authorization', authorization) : req).expect(401);
      expect(res.headers['www-authenticate']).toBe('Bearer realm="metrics"');
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 401, instance: '/metrics' });
    });

    it('serves a scraper on another machine that sends the token', async () => {
      const res = await secured.app.inject({
        method: 'GET',
        url: '/metrics',
        remoteAddress: OUTSIDE,
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(res.statusCode).toBe(200);
      expect(valueOf(parseExposition(res.body), 'family_card_backlog_query_up')).toBe(1);
    });
  });

  it('METRICS_ENABLED=false: no /metrics at all', async () => {
    const off = await startApp({ db: t.db, env: { METRICS_ENABLED: 'false' } });
    try {
      const res = await off.http.get('/metrics').expect(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    } finally {
      await off.close();
    }
  });

  it('a METRICS_TOKEN shorter than 32 characters stops the start, without echoing it', async () => {
    const start = startApp({ db: t.db, env: { METRICS_TOKEN: 'short-secret' } });
    await expect(start).rejects.toBeInstanceOf(ConfigurationError);
    await expect(start).rejects.toThrow(/METRICS_TOKEN: .*at least 32 characters/);
    await expect(start).rejects.not.toThrow(/short-secret/);
  });
});

const pgOnly = engine === 'postgres' ? describe : describe.skip;

pgOnly('GET /metrics while PostgreSQL is unreachable', () => {
  let t: TestApp;
  let proxy: TcpProxy;

  beforeAll(async () => {
    const db = await scratchDatabase();
    const target = new URL(db.env.DATABASE_URL);
    proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    const viaProxy = new URL(pgUrlFor(target.pathname.slice(1), db.env.DATABASE_URL));
    viaProxy.host = `127.0.0.1:${await proxy.start()}`;
    t = await startApp({
      db: { ...db, env: { ...db.env, DATABASE_URL: viaProxy.toString() } },
      env: { DATABASE_HEALTH_TIMEOUT_MS: '1000' },
    });
    const close = t.close.bind(t);
    t.close = async () => {
      await close();
      await proxy.stop();
      await db.drop();
    };
  });
  afterAll(() => t.close());

  it('still answers, says the backlog figures are missing instead of showing stale ones, and recovers', async () => {
    const up = parseExposition((await t.http.get('/metrics').expect(200)).text);
    expect(valueOf(up, 'family_card_backlog_query_up')).toBe(1);
    expect(valueOf(up, 'family_card_outbox_messages', { status: 'pending' })).toBeDefined();

    await proxy.cut();
    const down = parseExposition((await t.http.get('/metrics').expect(200)).text);
    expect(valueOf(down, 'family_card_backlog_query_up')).toBe(0);
    expect(valueOf(down, 'family_card_outbox_messages', { status: 'pending' })).toBeUndefined();
    expect(valueOf(down, 'family_card_cards_awaiting_print')).toBeNaN();
    expect(valueOf(down, 'process_resident_memory_bytes')).toBeGreaterThan(0);

    await proxy.restore();
    let again: number | undefined = 0;
    for (let i = 0; i < 20 && again !== 1; i++) {
      again = valueOf(
        parseExposition((await t.http.get('/metrics').expect(200)).text),
        'family_card_backlog_query_up',
      );
      if (again !== 1) await new Promise((r) => setTimeout(r, 250));
    }
    expect(again).toBe(1);
  });
});
