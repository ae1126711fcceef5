import { parse } from 'csv-parse/sync';
import { randomUUID } from 'node:crypto';
import { CardEntity } from '../src/cards/card.entity';
import { addDays, todayIn } from '../src/programmes/eligibility/civil-date';
import { ProgrammeEntity } from '../src/programmes/programme.entity';
import { RedemptionEntity, RedemptionStatus } from '../src/validations/redemption.entity';
import { VALIDATION_RESULTS, ValidationResult } from '../src/validations/validation-result';
import { ValidationEntity } from '../src/validations/validation.entity';
import { engine } from './support/databases';
import { enrolFamily, Enrolled } from './support/enrolment-factory';
import {
  addOutlet,
  approvedPartner,
  offerBody,
  placeOutlet,
  publishedOffer,
  RegisteredPartner,
} from './support/partner-factory';
import { startApp, TestApp } from './support/test-app';

interface Day {
  date: string;
  checks: number;
  validChecks: number;
  invalidChecks: number;
  redemptions: number;
  cancelled: number;
}

/** A day's counts in the order checks, validChecks, invalidChecks, redemptions, cancelled. */
const counts = (d: Day) => [d.checks, d.validChecks, d.invalidChecks, d.redemptions, d.cancelled];

describe(`merchant statistics (${engine})`, () => {
  let t: TestApp;
  let manager: string;
  let caseWorker: string;
  let family: Enrolled;
  let cards: CardEntity[];
  let programme: ProgrammeEntity;
  /** Checked and redeemed through the API today. */
  let kino: RegisteredPartner;
  let cashier: string;
  let kinoMain: string;
  let kinoFormula: string;
  let ticket: string;
  let plusOne: string;
  const seededOn: string[] = [];
  /** Rows written with chosen times around the change-overs of 2026. */
  let basen: RegisteredPartner;
  let centrum: string;
  let czechow: string;
  let entry: string;

  const get = (url: string, token: string) => t.http.get(url).auth(token, { type: 'bearer' });
  const post = (url: string, token: string, body: object) =>
    t.http.post(url).auth(token, { type: 'bearer' }).send(body);
  const stats = (partnerId: string, query = '') => `/api/v1/partners/${partnerId}/statistics${query}`;
  const csvOf = (partnerId: string, query = '') => `/api/v1/partners/${partnerId}/statistics.csv${query}`;
  const qrOf = async (card: CardEntity): Promise<string> =>
    (await get(`/api/v1/cards/${card.id}`, caseWorker).expect(200)).body.qrText;
  let keys = 0;

  /** A check by the partner's owner through the API; returns its id. */
  const check = async (partner: RegisteredPartner, code: string, outletId?: string): Promise<string> =>
    (await post('/api/v1/validations', partner.owner.token, { code, outletId }).expect(200)).body.id;
  const redeem = async (partner: RegisteredPartner, validationId: string, offerId: string): Promise<string> =>
    (
      await post('/api/v1/redemptions', partner.owner.token, {
        validationId,
        offerId,
        idempotencyKey: `stats-${Date.now()}-${++keys}`,
      }).expect(201)
    ).body.id;

  const insertCheck = (at: string, outletId: string | null, result: ValidationResult = 'valid') =>
    t.dataSource.getRepository(ValidationEntity).insert({
      id: randomUUID(),
      programmeId: programme.id,
      partnerId: basen.partnerId,
      outletId,
      cardId: result === 'valid' ? cards[0].id : null,
      result,
      method: 'qr',
      actorType: 'user',
      actorId: null,
      createdAt: new Date(at),
    });
  const insertRedemption = (at: string, outletId: string, status: RedemptionStatus = 'recorded') =>
    t.dataSource.getRepository(RedemptionEntity).insert({
      id: randomUUID(),
      programmeId: programme.id,
      partnerId: basen.partnerId,
      outletId,
      offerId: entry,
      cardId: cards[0].id,
      familyId: family.familyId,
      validationId: randomUUID(),
      idempotencyKey: `direct-${++keys}`,
      status,
      actorType: 'user',
      actorId: null,
      createdAt: new Date(at),
      cancelledAt: status === 'cancelled' ? new Date(at) : null,
    });

  beforeAll(async () => {
    t = await startApp();
    manager = (await t.newUser('partner_manager')).token;
    caseWorker = (await t.newUser('case_worker')).token;
    family = await enrolFamily(t, caseWorker, 'Żółkiewski');
    cards = await t.dataSource
      .getRepository(CardEntity)
      .find({ where: { familyId: family.familyId }, order: { createdAt: 'ASC' } });
    programme = await t.dataSource.getRepository(ProgrammeEntity).findOneByOrFail({});

    kino = await approvedPartner(t, manager, { name: 'Kino Zamek' });
    cashier = (await t.newUser('merchant_cashier', { partnerId: kino.partnerId })).token;
    kinoMain = await addOutlet(t, kino.owner.token, kino.partnerId);
    kinoFormula = await addOutlet(
      t,
      kino.owner.token,
      kino.partnerId,
      placeOutlet({ name: '=SUM(1;2) Łódź', ref: 'lodz' }),
    );
    ticket = await publishedOffer(
      t,
      kino,
      manager,
      offerBody([kinoMain, kinoFormula], {
        texts: { pl: { title: 'Bilet −10%' }, en: { title: 'Ticket 10% off' } },
      }),
    );
    plusOne = await publishedOffer(
      t,
      kino,
      manager,
      offerBody([kinoFormula], { texts: { pl: { title: '+1 bilet "gratis"' } } }),
    );

    basen = await approvedPartner(t, manager, { name: 'Basen Aqua' });
    centrum = await addOutlet(
      t,
      basen.owner.token,
      basen.partnerId,
      placeOutlet({ name: 'Basen Aqua – Centrum', ref: 'centrum' }),
    );
    czechow = await addOutlet(
      t,
      basen.owner.token,
      basen.partnerId,
      placeOutlet({ name: 'Basen Aqua – Czechów', ref: 'czechow' }),
    );
    entry = await publishedOffer(
      t,
      basen,
      manager,
      offerBody([centrum, czechow], { texts: { pl: { title: 'Wejście −20%' } } }),
    );

    // Today, through the API: 6 checks (5 valid, 1 malformed) and 4 redemptions, one of them cancelled.
    seededOn.push(todayIn(programme.timeZone, new Date()));
    const [parentA, parentB, child1, child2, child3] = cards;
    const a = await check(kino, await qrOf(parentA), kinoMain);
    const b = await check(kino, await qrOf(parentB), kinoMain);
    await check(kino, await qrOf(child1), kinoMain);
    await check(kino, 'nonsense', kinoFormula);
    const c = await check(kino, await qrOf(child2), kinoFormula);
    await check(kino, await qrOf(child3)); // no outlet named
    await redeem(kino, a, ticket);
    const cancelled = await redeem(kino, b, ticket);
    await post(`/api/v1/redemptions/${cancelled}/cancel`, cashier, { reason: 'wrong offer' }).expect(200);
    await redeem(kino, c, ticket);
    await redeem(kino, c, plusOne);
    // Another partner's check today, which the cinema must not see.
    await check(basen, await qrOf(parentA), centrum);
    seededOn.push(todayIn(programme.timeZone, new Date()));

    // Around the spring change-over (29 March 2026: 02:00 CET → 03:00 CEST, a 23-hour day).
    await insertCheck('2026-03-26T22:59:59.999Z', centrum); // 26 March 23:59:59.999 CET: before the range
    await insertCheck('2026-03-27T23:00:00.000Z', centrum); // 28 March 00:00 CET
    await insertCheck('2026-03-28T22:59:59.999Z', czechow); // 28 March 23:59:59.999 CET
    await insertCheck('2026-03-28T23:00:00.000Z', centrum); // 29 March 00:00 CET
    await insertCheck('2026-03-29T00:59:59.999Z', centrum); // 01:59:59.999 CET, the last instant before the jump
    await insertCheck('2026-03-29T01:00:00.000Z', centrum, 'expired'); // 03:00 CEST
    await insertCheck('2026-03-29T21:59:59.999Z', null, 'unknown_card'); // 23:59:59.999 CEST
    await insertCheck('2026-03-29T22:00:00.000Z', czechow); // 30 March 00:00 CEST (still 29 March in UTC)
    await insertCheck('2026-03-31T21:59:59.999Z', czechow, 'malformed'); // 31 March 23:59:59.999 CEST
    await insertCheck('2026-03-31T22:00:00.000Z', centrum); // 1 April: after the range
    await insertRedemption('2026-03-28T22:30:00.000Z', centrum); // 28 March 23:30 CET
    await insertRedemption('2026-03-29T12:00:00.000Z', czechow); // 29 March
    await insertRedemption('2026-03-29T22:00:00.000Z', centrum, 'cancelled'); // 30 March 00:00 CEST
    await insertRedemption('2026-03-31T22:00:00.000Z', centrum); // 1 April: after the range

    // Around the autumn change-over (25 October 2026: 03:00 CEST → 02:00 CET, a 25-hour day).
    await insertCheck('2026-10-24T21:59:59.999Z', centrum); // 24 October 23:59:59.999 CEST
    await insertCheck('2026-10-24T22:00:00.000Z', centrum); // 25 October 00:00 CEST
    await insertCheck('2026-10-25T00:30:00.000Z', centrum); // 02:30 CEST, the first time
    await insertCheck('2026-10-25T01:30:00.000Z', centrum); // 02:30 CET, the second time
    await insertCheck('2026-10-25T22:30:00.000Z', czechow); // 23:30 CET (a fixed +2 h would say 26 October)
    await insertCheck('2026-10-25T22:59:59.999Z', czechow); // 23:59:59.999 CET
    await insertCheck('2026-10-25T23:00:00.000Z', czechow); // 26 October 00:00 CET
    await insertRedemption('2026-10-25T22:30:00.000Z', czechow); // 25 October 23:30 CET
  });
  afterAll(() => t.close());

  describe('JSON', () => {
    it('the last 30 days by default: every day present, today’s checks and redemptions exactly', async () => {
      const res = await get(stats(kino.partnerId), kino.owner.token).expect(200);
      const today = todayIn(programme.timeZone, new Date());
      expect(res.body).toMatchObject({
        partnerId: kino.partnerId,
        outletId: null,
        from: addDays(today, -29),
        to: today,
        timeZone: programme.timeZone,
      });
      const days = res.body.days as Day[];
      expect(days.map((d) => d.date)).toEqual(Array.from({ length: 30 }, (_, i) => addDays(today, i - 29)));
      const active = days.filter((d) => d.checks || d.redemptions || d.cancelled);
      // Seeding takes seconds; should it span the programme's midnight, the counts split over two days.
      expect(active.every((d) => seededOn.includes(d.date))).toBe(true);
      if (seededOn[0] === seededOn[1]) {
        expect(active.map((d) => d.date)).toEqual([seededOn[0]]);
        expect(counts(active[0])).toEqual([6, 5, 1, 3, 1]);
      }
      expect(days.filter((d) => !active.includes(d)).length).toBeGreaterThanOrEqual(28);
      expect(res.body.totals).toEqual({
        checks: 6,
        validChecks: 5,
        invalidChecks: 1,
        redemptions: 3,
        cancelled: 1,
      });
      expect(res.body.results).toEqual({
        ...Object.fromEntries(VALIDATION_RESULTS.map((r) => [r, 0])),
        valid: 5,
        malformed: 1,
      });
      expect(res.body.byOffer).toEqual([
        { offerId: ticket, title: 'Bilet −10%', redemptions: 2, cancelled: 1 },
        { offerId: plusOne, title: '+1 bilet "gratis"', redemptions: 1, cancelled: 0 },
      ]);
      // Titles in the language asked for, where the offer has it; else the programme's first.
      const english = await get(`${stats(kino.partnerId)}?language=en`, kino.owner.token).expect(200);
      expect(english.body.byOffer.map((o: { title: string }) => o.title)).toEqual([
        'Ticket 10% off',
        '+1 bilet "gratis"',
      ]);
      await get(`${stats(kino.partnerId)}?language=english`, kino.owner.token).expect(400);
      expect(res.body.byOutlet).toEqual([
        {
          outletId: kinoMain,
          name: 'Kino Zamek – Stare Miasto',
          checks: 3,
          validChecks: 3,
          redemptions: 1,
          cancelled: 1,
        },
        {
          outletId: kinoFormula,
          name: '=SUM(1;2) Łódź',
          checks: 2,
          validChecks: 1,
          redemptions: 2,
          cancelled: 0,
        },
        { outletId: null, name: null, checks: 1, validChecks: 1, redemptions: 0, cancelled: 0 },
      ]);
    });

    it('one outlet: its checks and redemptions only', async () => {
      const res = await get(stats(kino.partnerId, `?outletId=${kinoMain}`), kino.owner.token).expect(200);
      expect(res.body.outletId).toBe(kinoMain);
      expect(res.body.totals).toEqual({
        checks: 3,
        validChecks: 3,
        invalidChecks: 0,
        redemptions: 1,
        cancelled: 1,
      });
      expect(res.body.byOutlet.map((o: { outletId: string }) => o.outletId)).toEqual([kinoMain]);
      expect(res.body.byOffer).toEqual([
        { offerId: ticket, title: 'Bilet −10%', redemptions: 1, cancelled: 1 },
      ]);
      const foreign = await get(stats(kino.partnerId, `?outletId=${centrum}`), kino.owner.token).expect(400);
      expect(foreign.body.errors[0].field).toBe('outletId');
    });

    it('days are the programme’s calendar days across the spring change-over (a 23-hour day)', async () => {
      const res = await get(
        stats(basen.partnerId, '?from=2026-03-27&to=2026-03-31'),
        basen.owner.token,
      ).expect(200);
      expect(res.body).toMatchObject({ from: '2026-03-27', to: '2026-03-31', timeZone: 'Europe/Warsaw' });
      expect((res.body.days as Day[]).map((d) => [d.date, ...counts(d)])).toEqual([
        ['2026-03-27', 0, 0, 0, 0, 0],
        ['2026-03-28', 2, 2, 0, 1, 0],
        ['2026-03-29', 4, 2, 2, 1, 0],
        ['2026-03-30', 1, 1, 0, 0, 1],
        ['2026-03-31', 1, 0, 1, 0, 0],
      ]);
      expect(res.body.results).toMatchObject({ valid: 5, expired: 1, unknown_card: 1, malformed: 1 });
      expect(res.body.totals).toEqual({
        checks: 8,
        validChecks: 5,
        invalidChecks: 3,
        redemptions: 2,
        cancelled: 1,
      });
      expect(res.body.byOffer).toEqual([
        { offerId: entry, title: 'Wejście −20%', redemptions: 2, cancelled: 1 },
      ]);
      const outlets = Object.fromEntries(
        (res.body.byOutlet as { outletId: string | null }[]).map(({ outletId, ...rest }) => [
          String(outletId),
          rest,
        ]),
      );
      expect(outlets).toEqual({
        [centrum]: { name: 'Basen Aqua – Centrum', checks: 4, validChecks: 3, redemptions: 1, cancelled: 1 },
        [czechow]: { name: 'Basen Aqua – Czechów', checks: 3, validChecks: 2, redemptions: 1, cancelled: 0 },
        null: { name: null, checks: 1, validChecks: 0, redemptions: 0, cancelled: 0 },
      });
    });

    it('and across the autumn change-over (a 25-hour day with 02:30 twice)', async () => {
      const res = await get(
        stats(basen.partnerId, '?from=2026-10-23&to=2026-10-27'),
        basen.owner.token,
      ).expect(200);
      expect((res.body.days as Day[]).map((d) => [d.date, d.checks, d.redemptions])).toEqual([
        ['2026-10-23', 0, 0],
        ['2026-10-24', 1, 0],
        ['2026-10-25', 5, 1],
        ['2026-10-26', 1, 0],
        ['2026-10-27', 0, 0],
      ]);
    });

    it('a single day, and a whole leap year (366 days) of nothing', async () => {
      const one = await get(
        stats(basen.partnerId, '?from=2026-03-29&to=2026-03-29'),
        basen.owner.token,
      ).expect(200);
      expect((one.body.days as Day[]).map(counts)).toEqual([[4, 2, 2, 1, 0]]);
      const year = await get(
        stats(basen.partnerId, '?from=2024-01-01&to=2024-12-31'),
        basen.owner.token,
      ).expect(200);
      expect(year.body.days).toHaveLength(366);
      expect(year.body.totals).toEqual({
        checks: 0,
        validChecks: 0,
        invalidChecks: 0,
        redemptions: 0,
        cancelled: 0,
      });
    });

    it.each([
      ['?from=2026-03-02&to=2026-03-01', 'from'],
      ['?from=2025-01-01&to=2026-02-04', 'to'], // 400 days
      ['?from=2024-01-01&to=2025-01-01', 'to'], // 367 days
      ['?from=2026-02-30', 'from'],
      ['?to=yesterday', 'to'],
      ['?outletId=nope', 'outletId'],
    ])('%s → 400 naming %s', async (query, field) => {
      const res = await get(stats(basen.partnerId, query), basen.owner.token).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.errors[0].field).toBe(field);
    });
  });

  describe('access', () => {
    it('staff who read partners and the partner’s own cashier may read; others 403', async () => {
      for (const role of ['admin', 'partner_manager', 'case_worker', 'auditor'] as const) {
        const token = (await t.newUser(role)).token;
        await get(stats(kino.partnerId), token).expect(200);
        await get(csvOf(kino.partnerId), token).expect(200);
      }
      const res = await get(stats(kino.partnerId), cashier).expect(200);
      expect(res.body.totals.checks).toBe(6);
      await get(csvOf(kino.partnerId), cashier).expect(200);
      await get(stats(kino.partnerId), family.family.token).expect(403);
    });

    it('another partner’s owner or cashier gets 404, as for a partner that does not exist', async () => {
      const basenCashier = (await t.newUser('merchant_cashier', { partnerId: basen.partnerId })).token;
      for (const token of [basen.owner.token, basenCashier]) {
        const res = await get(stats(kino.partnerId), token).expect(404);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        await get(csvOf(kino.partnerId, '?from=2026-03-02&to=2026-03-01'), token).expect(404);
      }
      await get(stats(randomUUID()), manager).expect(404);
      await get(stats('not-a-uuid'), manager).expect(400);
    });

    it('a till key is refused: statistics are for people', async () => {
      const key = await post(`/api/v1/partners/${kino.partnerId}/api-keys`, kino.owner.token, {
        name: 'Till',
        scopes: ['validations:write'],
      }).expect(201);
      await t.http.get(stats(kino.partnerId)).set('X-API-Key', key.body.key).expect(403);
    });
  });

  describe('CSV', () => {
    const download = async (url: string, token: string) => {
      const res = await get(url, token)
        .buffer(true)
        .parse((response, done) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      return { res, bytes: res.body as Buffer };
    };

    it('a header and one row per day × outlet × offer with activity; UTF-8 with BOM; an attachment', async () => {
      const url = csvOf(basen.partnerId, '?from=2026-03-27&to=2026-03-31');
      const { res, bytes } = await download(url, basen.owner.token);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe(
        'attachment; filename="statistics-basen-aqua-2026-03-27-2026-03-31.csv"',
      );
      expect(res.headers['cache-control']).toBe('no-store');
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.toString('utf8');
      expect(text).toContain('\r\n');
      expect(parse(text, { bom: true })).toEqual([
        ['date', 'outlet', 'offer', 'checks', 'valid_checks', 'redemptions', 'cancelled'],
        ['2026-03-28', 'Basen Aqua – Centrum', '', '1', '1', '', ''],
        ['2026-03-28', 'Basen Aqua – Centrum', 'Wejście −20%', '', '', '1', '0'],
        ['2026-03-28', 'Basen Aqua – Czechów', '', '1', '1', '', ''],
        ['2026-03-29', '', '', '1', '0', '', ''],
        ['2026-03-29', 'Basen Aqua – Centrum', '', '3', '2', '', ''],
        ['2026-03-29', 'Basen Aqua – Czechów', 'Wejście −20%', '', '', '1', '0'],
        ['2026-03-30', 'Basen Aqua – Centrum', 'Wejście −20%', '', '', '0', '1'],
        ['2026-03-30', 'Basen Aqua – Czechów', '', '1', '1', '', ''],
        ['2026-03-31', 'Basen Aqua – Czechów', '', '1', '0', '', ''],
      ]);
    });

    it('parses back to the JSON’s numbers per day, and defuses cells a spreadsheet would run', async () => {
      const json = (await get(stats(kino.partnerId), kino.owner.token).expect(200)).body;
      const { bytes } = await download(csvOf(kino.partnerId), kino.owner.token);
      const text = bytes.toString('utf8');
      const records = parse(text, { bom: true, columns: true }) as Record<string, string>[];
      const perDay = new Map<string, number[]>();
      for (const r of records) {
        const sums = perDay.get(r.date) ?? [0, 0, 0, 0];
        const cells = [r.checks, r.valid_checks, r.redemptions, r.cancelled].map((c) => Number(c || 0));
        perDay.set(
          r.date,
          sums.map((s, i) => s + cells[i]),
        );
      }
      for (const day of json.days as Day[])
        expect([day.date, ...(perDay.get(day.date) ?? [0, 0, 0, 0])]).toEqual([
          day.date,
          day.checks,
          day.validChecks,
          day.redemptions,
          day.cancelled,
        ]);
      // The outlet "=SUM(1;2) Łódź" and the offer '+1 bilet "gratis"' arrive as text, never as formulas.
      expect(text).toContain(`"'=SUM(1;2) Łódź"`);
      expect(text).toContain(`"'+1 bilet ""gratis"""`);
      const formulaOutlet = records.filter((r) => r.outlet === "'=SUM(1;2) Łódź");
      expect(
        formulaOutlet.map((r) => [r.offer, r.checks, r.valid_checks, r.redemptions, r.cancelled]),
      ).toEqual([
        ['', '2', '1', '', ''],
        ['\'+1 bilet "gratis"', '', '', '1', '0'],
        ['Bilet −10%', '', '', '1', '0'],
      ]);
      expect(records.every((r) => !/^[=+\-@]/.test(r.outlet) && !/^[=+\-@]/.test(r.offer))).toBe(true);
    });

    it('with semicolons for Excel in a Polish locale, and for one outlet', async () => {
      const { bytes } = await download(
        csvOf(basen.partnerId, `?from=2026-10-25&to=2026-10-25&outletId=${czechow}&delimiter=semicolon`),
        basen.owner.token,
      );
      const text = bytes.toString('utf8');
      expect(text.split('\r\n')[0]).toBe('\uFEFFdate;outlet;offer;checks;valid_checks;redemptions;cancelled');
      expect(parse(text, { bom: true, delimiter: ';' }).slice(1)).toEqual([
        ['2026-10-25', 'Basen Aqua – Czechów', '', '2', '2', '', ''],
        ['2026-10-25', 'Basen Aqua – Czechów', 'Wejście −20%', '', '', '1', '0'],
      ]);
      const bad = await get(csvOf(basen.partnerId, '?delimiter=tab'), basen.owner.token).expect(400);
      expect(bad.body.errors[0].field).toBe('delimiter');
    });

    it('a header only for a range without activity', async () => {
      const { bytes } = await download(
        csvOf(basen.partnerId, '?from=2026-01-01&to=2026-01-31'),
        basen.owner.token,
      );
      expect(bytes.toString('utf8')).toBe(
        '\uFEFFdate,outlet,offer,checks,valid_checks,redemptions,cancelled\r\n',
      );
    });
  });

  it('documents both routes for OpenAPI, every check result among the counts', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body;
    const results = doc.components.schemas.StatisticsResultsDto.properties as Record<string, unknown>;
    expect(Object.keys(results).sort()).toEqual([...VALIDATION_RESULTS].sort());
    const csv = doc.paths['/api/v1/partners/{partnerId}/statistics.csv'].get;
    expect(csv.responses['200'].content['text/csv'].schema.type).toBe('string');
    const json = doc.paths['/api/v1/partners/{partnerId}/statistics'].get;
    expect(json.responses['200'].content['application/json'].schema.$ref).toBe(
      '#/components/schemas/StatisticsDto',
    );
  });
});
