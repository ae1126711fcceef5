import { randomBytes } from 'node:crypto';
import { AuditLogEntity } from '../src/audit/audit-log.entity';
import { systemActor } from '../src/auth/actor';
import { OfferOutletEntity } from '../src/offers/offer-outlet.entity';
import { DATES_PASSED, OfferWindowsJob } from '../src/offers/offer-windows.job';
import { OfferEntity } from '../src/offers/offer.entity';
import { addDays, todayIn } from '../src/programmes/eligibility/civil-date';
import { expectCatalogueInStep } from './support/catalogue-in-step';
import { engine } from './support/databases';
import { startApp, TestApp } from './support/test-app';

/** A registered partner with its owner's token and its outlets (a place in Lublin and an online shop). */
interface Partner {
  id: string;
  name: string;
  categoryId: string;
  owner: string;
  place: string;
  shop: string;
}

const TZ = 'Europe/Warsaw';
const NIPS = ['5260250274', '7251801126', '1234563218'];
const ACTIONS = ['submit', 'approve', 'reject', 'pause', 'resume', 'end'] as const;

describe(`offers (${engine})`, () => {
  let t: TestApp;
  let admin: string;
  let manager: string;
  let programmeId: string;
  let a: Partner;
  let b: Partner;
  let cashier: string;
  let nips = 0;

  const get = (url: string, token: string) => t.http.get(url).auth(token, { type: 'bearer' });
  const post = (url: string, token: string, body: object = {}) =>
    t.http.post(url).auth(token, { type: 'bearer' }).send(body);
  const patch = (url: string, token: string, body: object) =>
    t.http.patch(url).auth(token, { type: 'bearer' }).send(body);
  const offersOf = (p: Partner) => `/api/v1/partners/${p.id}/offers`;
  const offerUrl = (p: Partner, id: string) => `${offersOf(p)}/${id}`;

  async function ok<T = Record<string, unknown>>(
    res: { status: number; body: T } | PromiseLike<{ status: number; body: T }>,
    status = 200,
  ): Promise<T> {
    const r = await res;
    if (r.status !== status) throw new Error(`expected ${status}, got ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }

  async function newPartner(name: string, approve = true): Promise<Partner> {
    const email = `owner-${randomBytes(4).toString('hex')}@test.example`;
    const password = `Zx-${randomBytes(12).toString('base64url')}-partner`;
    const registered = await ok<{ partner: { id: string; categoryId: string } }>(
      t.http.post('/api/v1/partners/register').send({
        name,
        taxNumber: NIPS[nips++],
        category: 'culture',
        description: { pl: 'Kino dla całej rodziny' },
        contactName: 'Anna Nowak',
        contactEmail: email,
        agreementVersion: '1.0',
        acceptAgreement: true,
        owner: { email, displayName: 'Anna Nowak', password },
      }),
      201,
    );
    const id = registered.partner.id;
    if (approve) await ok(post(`/api/v1/partners/${id}/approve`, manager));
    const owner = await t.login(email, password);
    const outlet = async (body: object) =>
      (await ok<{ id: string }>(post(`/api/v1/partners/${id}/outlets`, owner, body), 201)).id;
    return {
      id,
      name,
      categoryId: registered.partner.categoryId,
      owner,
      place: await outlet({
        kind: 'place',
        name: `${name} Centrum`,
        street: 'Krakowskie Przedmieście 1',
        postalCode: '20-001',
        city: 'Lublin',
        latitude: 51.2485,
        longitude: 22.5661,
      }),
      shop: await outlet({ kind: 'online', name: `${name} sklep`, url: 'https://shop.example/kdr' }),
    };
  }

  const offerBody = (p: Partner, overrides: object = {}) => ({
    texts: {
      pl: { title: 'Bilet rodzinny', description: 'Zniżka na seanse w Łodzi' },
      en: { title: 'Family ticket' },
    },
    benefit: { type: 'percent', percent: 20 },
    schedule: { kind: 'permanent' },
    outletIds: [p.place],
    ...overrides,
  });

  type Offer = { id: string; status: string; publishedAt: string | null } & Record<string, unknown>;
  const createOffer = (p: Partner, overrides: object = {}, token = p.owner) =>
    ok<Offer>(post(offersOf(p), token, offerBody(p, overrides)), 201);
  const act = (p: Partner, id: string, action: string, token: string, body: object = {}) =>
    post(`${offerUrl(p, id)}/${action}`, token, body);
  /** A published offer: submitted by the owner, approved by the partner manager. */
  async function published(p: Partner, overrides: object = {}): Promise<Offer> {
    const offer = await createOffer(p, overrides);
    await ok(act(p, offer.id, 'submit', p.owner));
    return ok<Offer>(act(p, offer.id, 'approve', manager));
  }
  const auditOf = (id: string) =>
    t.dataSource
      .getRepository(AuditLogEntity)
      .find({ where: { entityType: 'offer', entityId: id }, order: { id: 'ASC' } });
  const rowOf = (id: string) => t.dataSource.getRepository(OfferEntity).findOneByOrFail({ id });
  const counts = async () => ({
    offers: await t.dataSource.getRepository(OfferEntity).count(),
    links: await t.dataSource.getRepository(OfferOutletEntity).count(),
    audit: await t.auditCount(),
  });
  const setEditsNeedApproval = (value: boolean) =>
    ok(patch(`/api/v1/programmes/${programmeId}`, admin, { offerEditsNeedApproval: value }));

  beforeAll(async () => {
    t = await startApp();
    admin = await t.adminToken();
    manager = (await t.newUser('partner_manager')).token;
    programmeId = (await ok<{ id: string }[]>(get('/api/v1/programmes', admin)))[0].id;
    a = await newPartner('Kino Światowid');
    b = await newPartner('Teatr Osterwy');
    cashier = (await t.newUser('merchant_cashier', { partnerId: a.id })).token;
  });
  afterEach(() => expectCatalogueInStep(t.dataSource));
  afterAll(() => t.close());

  it('a merchant creates a draft with defaults and the derived columns, audited', async () => {
    const offer = await createOffer(a, { outletIds: [a.place, a.shop] });
    expect(offer).toMatchObject({
      partnerId: a.id,
      status: 'draft',
      statusReason: null,
      categoryId: a.categoryId,
      audience: { kind: 'all' },
      limits: {},
      minFamilySize: null,
      online: true,
      windowStart: new Date(0).toISOString(),
      windowEnd: null,
      publishedAt: null,
      benefitLabel: '−20%',
    });
    expect(offer.ref).toMatch(/^bilet-rodzinny-[a-z0-9]+$/);
    expect([...(offer.outletIds as string[])].sort()).toEqual([a.place, a.shop].sort());
    const row = await rowOf(offer.id);
    expect(row).toMatchObject({ benefitType: 'percent', kind: 'permanent' });
    for (const word of ['bilet rodzinny', 'seanse w lodzi', 'family ticket', 'kino swiatowid', 'lublin'])
      expect(row.searchText).toContain(word);
    const audit = await auditOf(offer.id);
    expect(audit.map((e) => e.action)).toEqual(['offer.create']);
    expect(audit[0].summary).toMatchObject({ partnerId: a.id, ref: offer.ref, outlets: 2 });
    expect((await ok(get(offerUrl(a, offer.id), a.owner))).id).toBe(offer.id);
  });

  it.each<[string, (p: Partner, other: Partner) => object, string[]]>([
    [
      'a temporary schedule ending before it starts',
      () => ({ schedule: { kind: 'temporary', startsOn: '2026-05-02', endsOn: '2026-05-01' } }),
      ['schedule'],
    ],
    ['a percent of 150', () => ({ benefit: { type: 'percent', percent: 150 } }), ['benefit']],
    ["another partner's outlet", (p, other) => ({ outletIds: [p.place, other.place] }), ['outletIds[1]']],
    ['no text in the default language', () => ({ texts: { en: { title: 'Family ticket' } } }), ['texts.pl']],
    ['a title too long', () => ({ texts: { pl: { title: 'x'.repeat(121) } } }), ['texts.pl.title']],
    ['a family size of 2', () => ({ minFamilySize: 2 }), ['minFamilySize']],
    ['an unknown category', () => ({ category: 'casinos' }), ['category']],
    [
      'several problems at once',
      (_, other) => ({
        benefit: { type: 'percent', percent: 0 },
        limits: { perCardPerDay: 3, perCardPerWeek: 1 },
        outletIds: [other.shop],
      }),
      ['benefit', 'limits', 'outletIds[0]'],
    ],
  ])('creating with %s is a 400 naming the fields, and writes nothing', async (_, change, fields) => {
    const before = await counts();
    const res = await post(offersOf(a), a.owner, offerBody(a, change(a, b))).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.type).toBe('/problems/validation-error');
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([...fields].sort());
    expect(await counts()).toEqual(before);
  });

  it('an invalid edit is a 400 too and leaves the offer as it was', async () => {
    const offer = await createOffer(a);
    const row = await rowOf(offer.id);
    const before = await counts();
    const res = await patch(offerUrl(a, offer.id), a.owner, {
      schedule: { kind: 'seasonal', fromMonthDay: '13-01', toMonthDay: '01-10' },
      outletIds: [b.place],
      ref: null,
    }).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(
      ['outletIds[0]', 'ref', 'schedule'].sort(),
    );
    expect(await counts()).toEqual(before);
    expect(await rowOf(offer.id)).toEqual(row);
  });

  it('a ref is unique per partner: 409 offer-ref-taken naming ref', async () => {
    const ref = `summer-${randomBytes(3).toString('hex')}`;
    await createOffer(a, { ref });
    const before = await counts();
    const taken = await post(offersOf(a), a.owner, offerBody(a, { ref })).expect(409);
    expect(taken.body).toMatchObject({ type: '/problems/offer-ref-taken', errors: [{ field: 'ref' }] });
    expect(await counts()).toEqual(before);
    const other = await createOffer(a);
    await patch(offerUrl(a, other.id), a.owner, { ref }).expect(409);
    // Another partner may use the same ref.
    expect((await createOffer(b, { ref })).ref).toBe(ref);
  });

  it('draft → pending → published → paused → published → ended, by the right people, each step audited', async () => {
    const offer = await createOffer(a);
    const url = offerUrl(a, offer.id);
    await act(a, offer.id, 'submit', cashier).expect(403);
    await act(a, offer.id, 'approve', a.owner).expect(403);
    await act(a, offer.id, 'pause', a.owner).expect(409);

    const pending = await ok<Offer>(act(a, offer.id, 'submit', a.owner));
    expect(pending.status).toBe('pending_approval');
    const again = await act(a, offer.id, 'submit', a.owner).expect(409);
    expect(again.body.type).toBe('/problems/illegal-offer-transition');
    await act(a, offer.id, 'approve', a.owner).expect(403);
    await act(a, offer.id, 'approve', (await t.newUser('case_worker')).token).expect(403);

    const live = await ok<Offer>(act(a, offer.id, 'approve', manager));
    expect(live.status).toBe('published');
    expect(live.publishedAt).not.toBeNull();
    const paused = await ok<Offer>(act(a, offer.id, 'pause', a.owner, { reason: 'Renovation' }));
    expect(paused).toMatchObject({ status: 'paused', statusReason: 'Renovation' });
    const resumed = await ok<Offer>(act(a, offer.id, 'resume', a.owner));
    expect(resumed).toMatchObject({ status: 'published', statusReason: null, publishedAt: live.publishedAt });
    const ended = await ok<Offer>(act(a, offer.id, 'end', a.owner));
    expect(ended.status).toBe('ended');

    const edit = await patch(url, a.owner, { benefit: { type: 'percent', percent: 30 } }).expect(409);
    expect(edit.body.type).toBe('/problems/illegal-offer-transition');
    await patch(url, manager, { benefit: { type: 'percent', percent: 30 } }).expect(409);
    for (const action of ['resume', 'pause', 'submit', 'end'])
      await act(a, offer.id, action, a.owner).expect(409);

    const audit = await auditOf(offer.id);
    expect(audit.map((e) => [e.action, e.summary?.from, e.summary?.to])).toEqual([
      ['offer.create', undefined, undefined],
      ['offer.submit', 'draft', 'pending_approval'],
      ['offer.approve', 'pending_approval', 'published'],
      ['offer.pause', 'published', 'paused'],
      ['offer.resume', 'paused', 'published'],
      ['offer.end', 'published', 'ended'],
    ]);
    expect(audit[3].summary).toMatchObject({ reason: 'Renovation' });
    expect(audit[2].actorType).toBe('user');
  });

  it('staff send a pending offer back with a reason the partner reads', async () => {
    const offer = await createOffer(a);
    await ok(act(a, offer.id, 'submit', a.owner));
    const missing = await act(a, offer.id, 'reject', manager).expect(400);
    expect(missing.body.errors[0].field).toBe('reason');
    const rejected = await ok<Offer>(act(a, offer.id, 'reject', manager, { reason: 'Add the terms' }));
    expect(rejected).toMatchObject({ status: 'draft', statusReason: 'Add the terms' });
    await act(a, offer.id, 'reject', manager, { reason: 'again' }).expect(409);
    const audit = await auditOf(offer.id);
    expect(audit.at(-1)).toMatchObject({
      action: 'offer.reject',
      summary: { from: 'pending_approval', to: 'draft', reason: 'Add the terms' },
    });
    // Resubmitted, the old reason is gone.
    expect((await ok<Offer>(act(a, offer.id, 'submit', a.owner))).statusReason).toBeNull();
  });

  it("another partner's owner gets 404 on every route; staff-only steps are 403 for any merchant", async () => {
    const offer = await createOffer(a);
    const url = offerUrl(a, offer.id);
    await get(offersOf(a), b.owner).expect(404);
    await post(offersOf(a), b.owner, offerBody(a)).expect(404);
    await get(url, b.owner).expect(404);
    await patch(url, b.owner, { minFamilySize: 4 }).expect(404);
    for (const action of ['submit', 'pause', 'resume', 'end'])
      await act(a, offer.id, action, b.owner).expect(404);
    for (const action of ['approve', 'reject'])
      await act(a, offer.id, action, b.owner, { reason: 'x' }).expect(403);
    // Through its own partner's path, the offer does not exist either.
    const viaOwn = `${offersOf(b)}/${offer.id}`;
    await get(viaOwn, b.owner).expect(404);
    await patch(viaOwn, b.owner, { minFamilySize: 4 }).expect(404);
    await post(`${viaOwn}/end`, b.owner).expect(404);
    expect((await rowOf(offer.id)).status).toBe('draft');
    expect((await auditOf(offer.id)).map((e) => e.action)).toEqual(['offer.create']);
  });

  it('a cashier and read-only staff read offers but cannot change them', async () => {
    const offer = await createOffer(a);
    const caseWorker = (await t.newUser('case_worker')).token;
    const auditor = (await t.newUser('auditor')).token;
    const family = (await t.newUser('family')).token;
    for (const token of [cashier, caseWorker, auditor]) {
      await get(offerUrl(a, offer.id), token).expect(200);
      await get(offersOf(a), token).expect(200);
      await patch(offerUrl(a, offer.id), token, { minFamilySize: 4 }).expect(403);
      await post(offersOf(a), token, offerBody(a)).expect(403);
      for (const action of ACTIONS) await act(a, offer.id, action, token, { reason: 'x' }).expect(403);
    }
    await get(offerUrl(a, offer.id), family).expect(403);
    const cashierB = (await t.newUser('merchant_cashier', { partnerId: b.id })).token;
    await get(offerUrl(a, offer.id), cashierB).expect(404);
    expect(await rowOf(offer.id)).toMatchObject({ status: 'draft', minFamilySize: null });
  });

  it('a pending partner prepares and submits offers; approval waits for the partner', async () => {
    const c = await newPartner('Muzeum Wsi', false);
    const offer = await createOffer(c);
    await ok(act(c, offer.id, 'submit', c.owner));
    const refused = await act(c, offer.id, 'approve', manager).expect(409);
    expect(refused.body.type).toBe('/problems/partner-not-approved');
    expect((await rowOf(offer.id)).status).toBe('pending_approval');
    await ok(post(`/api/v1/partners/${c.id}/approve`, manager));
    expect((await ok<Offer>(act(c, offer.id, 'approve', manager))).status).toBe('published');
  });

  it("a merchant's edit of a published offer needs approval again only when the programme says so", async () => {
    const offer = await published(a);
    const url = offerUrl(a, offer.id);
    const firstPublished = offer.publishedAt;

    const edited = await ok<Offer>(patch(url, a.owner, { benefit: { type: 'percent', percent: 25 } }));
    expect(edited).toMatchObject({ status: 'pending_approval', benefitLabel: '−25%' });
    let audit = await auditOf(offer.id);
    expect(audit.at(-1)).toMatchObject({
      action: 'offer.update',
      summary: {
        benefit: { from: { type: 'percent', percent: 20 }, to: { type: 'percent', percent: 25 } },
        status: { from: 'published', to: 'pending_approval' },
      },
    });
    // The same values again change nothing and audit nothing.
    await ok(patch(url, a.owner, { benefit: { type: 'percent', percent: 25 } }));
    expect(await auditOf(offer.id)).toHaveLength(audit.length);

    const approved = await ok<Offer>(act(a, offer.id, 'approve', manager));
    expect(approved).toMatchObject({ status: 'published', publishedAt: firstPublished });
    // Staff edits never go back to approval.
    expect((await ok<Offer>(patch(url, manager, { minFamilySize: 4 }))).status).toBe('published');

    await setEditsNeedApproval(false);
    try {
      const kept = await ok<Offer>(
        patch(url, a.owner, {
          texts: { pl: { title: 'Bilet rodzinny na weekend' }, en: { title: 'Family ticket' } },
          outletIds: [a.place, a.shop],
        }),
      );
      expect(kept).toMatchObject({ status: 'published', online: true, publishedAt: firstPublished });
      audit = await auditOf(offer.id);
      expect(audit.at(-1)!.summary).toEqual({
        texts: { languages: ['pl'] },
        outletIds: { added: [a.shop], removed: [] },
      });
      expect((await rowOf(offer.id)).searchText).toContain('bilet rodzinny na weekend');
    } finally {
      await setEditsNeedApproval(true);
    }
  });

  it('re-sending a published offer’s fields unchanged, in another key order, is no edit (jsonb reorders keys)', async () => {
    const schedule = { kind: 'temporary', startsOn: '2026-12-01', endsOn: '2099-01-31' };
    const offer = await published(a, { schedule, limits: { perCardPerWeek: 2, perCardPerDay: 1 } });
    const before = (await auditOf(offer.id)).length;
    const same = await ok<Offer>(
      patch(offerUrl(a, offer.id), a.owner, {
        schedule: { endsOn: '2099-01-31', kind: 'temporary', startsOn: '2026-12-01' },
        limits: { perCardPerDay: 1, perCardPerWeek: 2 },
        texts: {
          en: { title: 'Family ticket' },
          pl: { description: 'Zniżka na seanse w Łodzi', title: 'Bilet rodzinny' },
        },
      }),
    );
    expect(same.status).toBe('published');
    expect(await auditOf(offer.id)).toHaveLength(before);
  });

  it('lists a partner’s offers newest first with a status filter; staff see the queue oldest first', async () => {
    const page = await ok<{ items: Offer[]; total: number }>(get(`${offersOf(a)}?limit=3`, a.owner));
    expect(page.items).toHaveLength(3);
    expect(page.total).toBe(await t.dataSource.getRepository(OfferEntity).countBy({ partnerId: a.id }));
    const created = page.items.map((o) => o.createdAt as string);
    expect([...created].sort().reverse()).toEqual(created);
    const rest = await ok<{ items: Offer[] }>(get(`${offersOf(a)}?limit=200&offset=3`, a.owner));
    expect(rest.items.map((o) => o.id)).not.toContain(page.items[0].id);
    expect(page.items.length + rest.items.length).toBe(page.total);
    const drafts = await ok<{ items: Offer[] }>(get(`${offersOf(a)}?status=draft`, cashier));
    expect(drafts.items.length).toBeGreaterThan(0);
    expect(drafts.items.every((o) => o.status === 'draft')).toBe(true);
    await get(`${offersOf(a)}?status=live`, a.owner).expect(400);

    const first = await createOffer(b);
    await ok(act(b, first.id, 'submit', b.owner));
    const second = await createOffer(a);
    await ok(act(a, second.id, 'submit', a.owner));
    const queue = await ok<{ items: Offer[]; total: number }>(get('/api/v1/offers?limit=200', manager));
    expect(queue.items.every((o) => o.status === 'pending_approval')).toBe(true);
    const ids = queue.items.map((o) => o.id);
    expect(ids.indexOf(first.id)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
    expect(queue.total).toBe(
      await t.dataSource.getRepository(OfferEntity).countBy({ status: 'pending_approval' }),
    );
    await get('/api/v1/offers', (await t.newUser('auditor')).token).expect(200);
    await get('/api/v1/offers', a.owner).expect(403);
  });

  it('the windows job ends offers whose dates passed and rolls seasonal windows on, once', async () => {
    const today = todayIn(TZ, new Date());
    const past = await published(a, {
      schedule: { kind: 'temporary', startsOn: addDays(today, -10), endsOn: addDays(today, -5) },
    });
    expect(past).toMatchObject({ status: 'published', windowStart: null, windowEnd: null });
    const soon = await published(a, {
      schedule: { kind: 'temporary', startsOn: addDays(today, 1), endsOn: addDays(today, 3) },
    });
    const seasonal = await published(a, {
      schedule: { kind: 'seasonal', fromMonthDay: '12-20', toMonthDay: '01-10' },
    });
    const permanent = await published(a);
    const seasonStart = new Date(seasonal.windowStart as string);
    const seasonEnd = new Date(seasonal.windowEnd as string);
    expect(todayIn(TZ, seasonStart)).toMatch(/-12-20$/);
    expect(new Date(soon.windowEnd as string).getTime()).toBeLessThan(seasonEnd.getTime());

    const job = t.app.get(OfferWindowsJob);
    const runAt = new Date(seasonEnd.getTime() + 3_600_000);
    const first = await job.run(systemActor('test'), runAt);
    expect(first.ended).toBeGreaterThanOrEqual(2);

    for (const ended of [past, soon]) {
      expect(await rowOf(ended.id)).toMatchObject({
        status: 'ended',
        statusReason: DATES_PASSED,
        windowStart: null,
        windowEnd: null,
      });
      expect((await auditOf(ended.id)).at(-1)).toMatchObject({
        action: 'offer.end',
        actorType: 'system',
        actorLabel: 'test',
        summary: { from: 'published', to: 'ended', reason: DATES_PASSED },
      });
    }
    const rolled = await rowOf(seasonal.id);
    expect(rolled.status).toBe('published');
    expect(todayIn(TZ, rolled.windowStart!)).toBe(
      `${Number(todayIn(TZ, seasonStart).slice(0, 4)) + 1}-12-20`,
    );
    expect(todayIn(TZ, rolled.windowEnd!)).toBe(`${Number(todayIn(TZ, seasonEnd).slice(0, 4)) + 1}-01-11`);
    expect(await rowOf(permanent.id)).toMatchObject({ status: 'published', windowEnd: null });
    expect((await rowOf(permanent.id)).windowStart?.toISOString()).toBe(new Date(0).toISOString());

    const snapshot = await t.dataSource.getRepository(OfferEntity).find({ order: { id: 'ASC' } });
    const audited = await t.auditCount();
    expect(await job.run(systemActor('test'), runAt)).toEqual({ moved: 0, ended: 0 });
    expect(await t.dataSource.getRepository(OfferEntity).find({ order: { id: 'ASC' } })).toEqual(snapshot);
    expect(await t.auditCount()).toBe(audited);
  });
});
