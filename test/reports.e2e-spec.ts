import { parse } from 'csv-parse/sync';
import { CardEntity } from '../src/cards/card.entity';
import { addDays, todayIn } from '../src/programmes/eligibility/civil-date';
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
import { startApp, TestApp, TestUser } from './support/test-app';

// GET /api/v1/reports/{name}: the staff's CSV reports.

describe(`CSV reports (${engine})`, () => {
  let t: TestApp;
  let auditor: TestUser;
  let caseWorker: TestUser;
  let manager: TestUser;
  let enrolled: Enrolled;
  let partner: RegisteredPartner;
  let cards: { id: string; number: string; role: string }[];
  const today = todayIn('Europe/Warsaw', new Date());

  const report = async (name: string, query = '', delimiter = ',') => {
    const res = await t.http
      .get(`/api/v1/reports/${name}${query}`)
      .auth(auditor.token, { type: 'bearer' })
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
      })
      .expect(200);
    return {
      res,
      text: res.body as string,
      rows: parse(res.body as string, { bom: true, delimiter }) as string[][],
    };
  };

  beforeAll(async () => {
    t = await startApp();
    auditor = await t.newUser('auditor');
    caseWorker = await t.newUser('case_worker');
    enrolled = await enrolFamily(t, caseWorker.token, 'Zielińska');
    cards = (
      await t.http
        .get('/api/v1/families/mine/cards')
        .auth(enrolled.family.token, { type: 'bearer' })
        .expect(200)
    ).body;
    // One card ends in ten days: the expiring report lists it, and only it.
    await t.dataSource
      .createQueryBuilder()
      .update(CardEntity)
      .set({ validUntil: addDays(today, 10) })
      .where('id = :id', { id: cards[0].id })
      .execute();
    manager = await t.newUser('partner_manager');
    partner = await approvedPartner(t, manager.token, { name: 'Kino "Zamek", Lublin' });
    const outlet = await addOutlet(t, partner.owner.token, partner.partnerId, placeOutlet());
    await publishedOffer(t, partner, manager.token, offerBody([outlet]));
    const { qrText } = (
      await t.http.get(`/api/v1/cards/${cards[1].id}`).auth(caseWorker.token, { type: 'bearer' }).expect(200)
    ).body;
    for (let i = 0; i < 2; i++)
      await t.http
        .post('/api/v1/validations')
        .auth(partner.owner.token, { type: 'bearer' })
        .send({ code: qrText })
        .expect(200);
  });
  afterAll(() => t.close());

  it('is for staff only: 401 without credentials, 403 for merchants and families', async () => {
    await t.http.get('/api/v1/reports/cards').expect(401);
    await t.http.get('/api/v1/reports/cards').auth(partner.owner.token, { type: 'bearer' }).expect(403);
    await t.http.get('/api/v1/reports/cards').auth(enrolled.family.token, { type: 'bearer' }).expect(403);
    await t.http.get('/api/v1/reports/cards').auth(caseWorker.token, { type: 'bearer' }).expect(200);
    // Card numbers are for the staff who work with families' cards; counts are for every staff role.
    await t.http.get('/api/v1/reports/partners').auth(manager.token, { type: 'bearer' }).expect(200);
    await t.http.get('/api/v1/reports/cards-expiring').auth(manager.token, { type: 'bearer' }).expect(403);
  });

  it('answers 404 for an unknown report and 400 for bad options, as problem+json', async () => {
    const unknown = await t.http
      .get('/api/v1/reports/families')
      .auth(auditor.token, { type: 'bearer' })
      .expect(404);
    expect(unknown.headers['content-type']).toMatch(/application\/problem\+json/);
    await t.http
      .get('/api/v1/reports/applications?weeks=0')
      .auth(auditor.token, { type: 'bearer' })
      .expect(400);
    const range = await t.http
      .get('/api/v1/reports/partner-activity?from=2026-02-30')
      .auth(auditor.token, { type: 'bearer' })
      .expect(400);
    expect(range.body.errors[0].field).toBe('from');
    await t.http
      .get('/api/v1/reports/cards?delimiter=tab')
      .auth(auditor.token, { type: 'bearer' })
      .expect(400);
  });

  it('sends CSV as an attachment, with a byte-order mark and CRLF line ends', async () => {
    const { res, text } = await report('cards');
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="cards-${today}.csv"`);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toMatch(/^\uFEFFstatus,role,cards\r\n/);
  });

  it('applications: per week (Monday first) and status', async () => {
    const { rows } = await report('applications', '?weeks=2');
    expect(rows[0]).toEqual(['week_start', 'status', 'applications']);
    const monday = addDays(today, -((new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7));
    expect(rows.slice(1)).toEqual([[monday, 'approved', '1']]);
  });

  it('cards: by status and role', async () => {
    const { rows } = await report('cards');
    const counts = new Map<string, number>();
    for (const c of cards) counts.set(c.role, (counts.get(c.role) ?? 0) + 1);
    expect(rows.slice(1)).toEqual(
      [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([role, n]) => ['active', role, String(n)]),
    );
  });

  it('cards-expiring: number, role, status and date, and no names or ID numbers', async () => {
    const { rows, text } = await report('cards-expiring');
    expect(rows).toEqual([
      ['card_number', 'role', 'status', 'valid_until'],
      [cards[0].number, cards[0].role, 'active', addDays(today, 10)],
    ]);
    expect(text).not.toContain('Zielińska');
    for (const m of enrolled.members) expect(text).not.toContain(m.nationalId!);
  });

  it('partners: status, category, outlets and offers; a name with a quote and a comma stays one cell', async () => {
    const { rows } = await report('partners');
    expect(rows[0]).toEqual([
      'partner_id',
      'partner',
      'status',
      'category',
      'outlets',
      'offers',
      'published_offers',
    ]);
    expect(rows.slice(1)).toEqual([
      [partner.partnerId, 'Kino "Zamek", Lublin', 'approved', 'Kultura', '1', '1', '1'],
    ]);
  });

  it('partner-activity: checks and redemptions per partner and day, with semicolons when asked', async () => {
    const { rows } = await report('partner-activity', '?delimiter=semicolon', ';');
    expect(rows).toEqual([
      ['day', 'partner_id', 'partner', 'checks', 'valid_checks', 'redemptions', 'cancelled_redemptions'],
      [today, partner.partnerId, 'Kino "Zamek", Lublin', '2', '2', '0', '0'],
    ]);
    const before = await report('partner-activity', `?from=${addDays(today, -9)}&to=${addDays(today, -1)}`);
    expect(before.rows.length).toBe(1);
  });
});
