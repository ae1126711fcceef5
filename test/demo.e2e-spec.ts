import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { In, Like } from 'typeorm';
import { ApiKeyEntity } from '../src/api-keys/api-key.entity';
import { AuditLogEntity } from '../src/audit/audit-log.entity';
import {
  DEFAULT_DEMO_PASSWORD,
  DEMO_API_KEY_NAME,
  DEMO_STAFF_ROLES,
  demoEmail,
  DemoSeeder,
} from '../src/database/seeds/demo.seeder';
import { DEMO_FAMILY_EMAIL } from '../src/database/seeds/enrolment.demo';
import {
  DEMO_MERCHANT_CASHIER_EMAIL,
  DEMO_MERCHANT_OWNER_EMAIL,
  DEMO_TILL_KEY_NAME,
  demoPartners,
  localInstant,
} from '../src/database/seeds/partners.demo';
import { DEMO_MARKER, prepareDemoDataDir } from '../src/demo';
import { AUDIENCE_KINDS, BENEFIT_TYPES } from '../src/offers/offer-benefit';
import { SCHEDULE_KINDS } from '../src/offers/offer-schedule';
import { OfferEntity } from '../src/offers/offer.entity';
import { OutletEntity } from '../src/partners/outlet.entity';
import { PartnerEntity } from '../src/partners/partner.entity';
import { UserEntity } from '../src/users/user.entity';
import { engine } from './support/databases';
import { startApp, TestApp } from './support/test-app';

/** The demo partners' fixed tax numbers (the dates do not change who they are). */
const DEMO_TAX_NUMBERS = demoPartners('2026-01-01', 'Europe/Warsaw').map((p) => p.taxNumber);
const CASTLE = '51.2502,22.5722';

interface CatalogueItem {
  title: string;
  partner: { id: string; name: string };
  schedule: { kind: string; startsAt?: string };
  nearest?: { name: string; distanceMetres: number };
}

describe(`demo seeder (${engine})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.close());

  it('creates one account per staff role, merchant accounts and API keys, audited as "demo"; a second run adds nothing', async () => {
    const first = await new DemoSeeder(t.app).seed();
    expect(first.accounts).toEqual([
      ...DEMO_STAFF_ROLES.map((role) => ({ role, email: demoEmail(role), created: true })),
      { role: 'family', email: DEMO_FAMILY_EMAIL, created: true },
      { role: 'merchant_owner', email: DEMO_MERCHANT_OWNER_EMAIL, created: true },
      { role: 'merchant_cashier', email: DEMO_MERCHANT_CASHIER_EMAIL, created: true },
    ]);
    expect(first.apiKeys).toHaveLength(2);
    expect(first.apiKeys[0]).toMatchObject({ name: DEMO_API_KEY_NAME, scopes: ['audit:read', 'users:read'] });
    expect(first.apiKeys[1]).toMatchObject({
      name: DEMO_TILL_KEY_NAME,
      scopes: ['validations:write'],
      key: expect.any(String),
    });

    for (const role of DEMO_STAFF_ROLES) {
      const token = await t.login(demoEmail(role), DEFAULT_DEMO_PASSWORD);
      const me = await t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
      expect(me.body.role).toBe(role);
    }
    await t.http.get('/api/v1/users').set('X-API-Key', first.apiKeys[0].key!).expect(200);

    const audit = t.dataSource.getRepository(AuditLogEntity);
    const seeded = await audit.findBy({ actorLabel: 'demo', action: In(['user.create', 'api_key.create']) });
    const count = (action: string) => seeded.filter((a) => a.action === action).length;
    // Staff, the family, each partner's owner (registered with its partner) and the cinema's cashier.
    const accounts = DEMO_STAFF_ROLES.length + 1 + DEMO_TAX_NUMBERS.length + 1;
    expect(count('user.create')).toBe(accounts);
    expect(count('api_key.create')).toBe(2);
    const demoRows = await audit.countBy({ actorLabel: 'demo' });
    const rows = () =>
      Promise.all(
        [PartnerEntity, OutletEntity, OfferEntity].map((e) => t.dataSource.getRepository(e).count()),
      );
    const before = await rows();
    expect(before[0]).toBe(DEMO_TAX_NUMBERS.length);

    const second = await new DemoSeeder(t.app).seed();
    expect(second.accounts.map((a) => a.email)).toEqual(first.accounts.map((a) => a.email));
    expect(second.accounts.every((a) => !a.created)).toBe(true);
    expect(second.apiKeys).toEqual(
      first.apiKeys.map(({ name, prefix, scopes }) => ({ name, prefix, scopes })), // keys are shown once
    );
    expect(
      await t.dataSource.getRepository(UserEntity).countBy({ email: Like('%@demo.family-card.local') }),
    ).toBe(accounts);
    expect(await t.dataSource.getRepository(ApiKeyEntity).countBy({ name: DEMO_API_KEY_NAME })).toBe(1);
    expect(await t.dataSource.getRepository(ApiKeyEntity).countBy({ name: DEMO_TILL_KEY_NAME })).toBe(1);
    expect(await rows()).toEqual(before);
    expect(await audit.countBy({ actorLabel: 'demo' })).toBe(demoRows);
  });

  it('enrols a demo family and leaves applications in the review queue', async () => {
    const token = await t.login(DEMO_FAMILY_EMAIL, DEFAULT_DEMO_PASSWORD);
    const me = await t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
    expect(me.body.familyId).toEqual(expect.any(String));
    const caseWorker = await t.login(demoEmail('case_worker'), DEFAULT_DEMO_PASSWORD);
    const queue = await t.http
      .get('/api/v1/applications?status=submitted,needs_info')
      .set('Authorization', `Bearer ${caseWorker}`)
      .expect(200);
    expect(queue.body.items.map((a: { status: string }) => a.status).sort()).toEqual([
      'needs_info',
      'submitted',
    ]);
    // Issued cards: the family's own, and a walk-in family's with a suspended and a replaced one.
    const mine = await t.http
      .get('/api/v1/families/mine/cards')
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(mine.body.length).toBeGreaterThanOrEqual(5);
    const all = await t.http
      .get('/api/v1/cards?limit=200')
      .set('Authorization', `Bearer ${caseWorker}`)
      .expect(200);
    const statuses = all.body.items.map((c: { status: string }) => c.status);
    expect(statuses).toEqual(expect.arrayContaining(['active', 'suspended', 'replaced']));
  });

  it('adds partners in and around Lublin with offers of every schedule, benefit and audience', async () => {
    const partners = await t.dataSource
      .getRepository(PartnerEntity)
      .findBy({ taxNumber: In(DEMO_TAX_NUMBERS) });
    expect(partners.map((p) => p.status).sort()).toEqual([
      ...Array(6).fill('approved'),
      'pending',
      'suspended',
    ]);
    const hidden = partners.filter((p) => p.status !== 'approved');
    expect(hidden.find((p) => p.status === 'suspended')!.statusReason).toEqual(expect.any(String));
    const outlets = await t.dataSource
      .getRepository(OutletEntity)
      .findBy({ partnerId: In(partners.map((p) => p.id)) });
    expect(outlets.some((o) => o.kind === 'online' && o.url && o.discountCode)).toBe(true);
    expect(outlets.some((o) => o.city === 'Świdnik')).toBe(true);
    expect(outlets.filter((o) => o.kind === 'place').every((o) => o.openingHours)).toBe(true);

    // Every kind of offer, as stored.
    const offers = await t.dataSource
      .getRepository(OfferEntity)
      .findBy({ partnerId: In(partners.map((p) => p.id)) });
    const kinds = (f: (o: OfferEntity) => string) => [...new Set(offers.map(f))].sort();
    expect(kinds((o) => o.schedule.kind)).toEqual([...SCHEDULE_KINDS].sort());
    expect(kinds((o) => o.benefit.type)).toEqual([...BENEFIT_TYPES].sort());
    expect(kinds((o) => o.audience.kind)).toEqual([...AUDIENCE_KINDS].sort());
    expect(kinds((o) => o.status)).toEqual(['draft', 'paused', 'pending_approval', 'published']);
    expect(offers.find((o) => o.audience.kind === 'age_range')!.audience).toEqual({
      kind: 'age_range',
      minAge: 6,
      maxAge: 12,
    });
    expect(offers.some((o) => o.minFamilySize === 4)).toBe(true);
    expect(offers.some((o) => o.limits.perCardPerDay === 1)).toBe(true);
    expect(offers.some((o) => o.limits.perFamilyTotal === 10)).toBe(true);
    const seasonal = offers.find((o) => o.schedule.kind === 'seasonal')!;
    expect(seasonal.schedule).toEqual({ kind: 'seasonal', fromMonthDay: '12-15', toMonthDay: '01-06' });
    expect(seasonal.benefit.type).toBe('special_price');
    expect(offers.some((o) => o.online)).toBe(true);
    expect(offers.filter((o) => o.status === 'published').every((o) => o.windowStart)).toBe(true);

    // Near Lublin Castle: nearest first, every approved partner (Świdnik is 9 km away), none of the hidden ones.
    const search = async (query: string): Promise<{ items: CatalogueItem[]; total: number }> =>
      (await t.http.get(`/api/v1/catalogue/offers?limit=100&${query}`).expect(200)).body;
    const near = await search(`near=${CASTLE}`);
    const distances = near.items.map((i) => i.nearest!.distanceMetres);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(near.items[0].nearest).toMatchObject({
      name: 'Muzeum Zamkowe – Zamek Lubelski',
      distanceMetres: 0,
    });
    expect([...new Set(near.items.map((i) => i.partner.name))].sort()).toEqual(
      partners
        .filter((p) => p.status === 'approved')
        .map((p) => p.name)
        .sort(),
    );
    const upcoming = await search('availability=upcoming');
    const concert = upcoming.items.find((i) => i.schedule.kind === 'occasional')!;
    expect(concert.title).toBe('Wieczór koncertowy na dziedzińcu zamku – wstęp wolny');
    expect(concert.schedule.startsAt).toMatch(/T19:00:00\+0[12]:00$/);
    const online = await search('online=true');
    expect(online.items.map((i) => i.title)).toEqual(['−10% na książki w sklepie internetowym']);
    const everything = await search('availability=any');
    const hiddenIds = new Set(hidden.map((p) => p.id));
    expect(everything.items.filter((i) => hiddenIds.has(i.partner.id))).toEqual([]);
    expect((await search('q=hopsasa&availability=any')).total).toBe(0);
    for (const p of hidden) await t.http.get(`/api/v1/catalogue/partners/${p.id}`).expect(404);

    // The cinema's owner and cashier sign in with the demo password and reach their partner.
    const cinema = partners.find((p) => p.name === 'Kino Zamek')!;
    for (const email of [DEMO_MERCHANT_OWNER_EMAIL, DEMO_MERCHANT_CASHIER_EMAIL]) {
      const token = await t.login(email, DEFAULT_DEMO_PASSWORD);
      const mine = await t.http
        .get('/api/v1/partners/mine')
        .set('Authorization', `Bearer ${token}`)
        .expect(200);
      expect(mine.body).toMatchObject({ id: cinema.id, name: 'Kino Zamek', status: 'approved' });
    }
    const owner = await t.login(DEMO_MERCHANT_OWNER_EMAIL, DEFAULT_DEMO_PASSWORD);
    const own = await t.http
      .get(`/api/v1/partners/${cinema.id}/offers`)
      .set('Authorization', `Bearer ${owner}`)
      .expect(200);
    expect(own.body.items.map((o: { status: string }) => o.status).sort()).toEqual([
      'draft',
      'published',
      'published',
    ]);
    const keys = await t.http
      .get(`/api/v1/partners/${cinema.id}/api-keys`)
      .set('Authorization', `Bearer ${owner}`)
      .expect(200);
    expect(keys.body.map((k: { name: string }) => k.name)).toEqual([DEMO_TILL_KEY_NAME]);

    // Every step went through the services as "demo": registration, decisions, outlets, offers and moderation.
    const audit = t.dataSource.getRepository(AuditLogEntity);
    const byDemo = async (action: string) => audit.countBy({ actorLabel: 'demo', action });
    expect(await byDemo('partner.register')).toBe(DEMO_TAX_NUMBERS.length);
    expect(await byDemo('partner.approve')).toBe(7);
    expect(await byDemo('partner.suspend')).toBe(1);
    expect(await byDemo('outlet.create')).toBe(outlets.length);
    expect(await byDemo('offer.create')).toBe(offers.length);
    expect(await byDemo('offer.pause')).toBe(1);
  });
});

describe('demo event times', () => {
  it("writes a wall-clock time with the offset the programme's zone has on that day", () => {
    expect(localInstant('2026-01-10', '19:00', 'Europe/Warsaw')).toBe('2026-01-10T19:00:00+01:00');
    expect(localInstant('2026-07-10', '19:00', 'Europe/Warsaw')).toBe('2026-07-10T19:00:00+02:00');
    // The day summer time starts (02:00 → 03:00): the evening is already at +02:00.
    expect(localInstant('2026-03-29', '19:00', 'Europe/Warsaw')).toBe('2026-03-29T19:00:00+02:00');
    expect(localInstant('2026-10-25', '19:00', 'Europe/Warsaw')).toBe('2026-10-25T19:00:00+01:00');
    expect(localInstant('2026-06-01', '08:30', 'UTC')).toBe('2026-06-01T08:30:00+00:00');
    expect(Date.parse(localInstant('2026-07-10', '19:00', 'Europe/Warsaw'))).toBe(
      Date.parse('2026-07-10T17:00:00Z'),
    );
  });
});

describe('demo data folder', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'fc-demo-dir-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('without DATA_DIR makes a new temporary folder', () => {
    const { dataDir, resumed } = prepareDemoDataDir({});
    expect(dataDir).toContain('family-card-demo-');
    expect(resumed).toBe(false);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a database the demo did not create, unless DEMO_RESET=true deletes it', () => {
    writeFileSync(join(dir, 'family-card.sqlite'), 'real data');
    expect(() => prepareDemoDataDir({ DATA_DIR: dir })).toThrow(
      /already holds a family-card database .*DEMO_RESET=true/,
    );
    expect(prepareDemoDataDir({ DATA_DIR: dir, DEMO_RESET: 'true' })).toEqual({
      dataDir: dir,
      resumed: false,
    });
    expect(existsSync(join(dir, 'family-card.sqlite'))).toBe(false);
  });

  it("reuses an earlier demo's database", () => {
    prepareDemoDataDir({ DATA_DIR: dir });
    writeFileSync(join(dir, 'family-card.sqlite'), 'demo data');
    expect(existsSync(join(dir, DEMO_MARKER))).toBe(true);
    expect(prepareDemoDataDir({ DATA_DIR: dir })).toEqual({ dataDir: dir, resumed: true });
  });
});
