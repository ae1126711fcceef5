import { createCanvas } from '@napi-rs/canvas';
import { ApiKeyEntity } from '../src/api-keys/api-key.entity';
import { AuditLogEntity } from '../src/audit/audit-log.entity';
import { OutboxMessageEntity } from '../src/notifications/outbox-message.entity';
import { OutletEntity } from '../src/partners/outlet.entity';
import { PartnerEntity } from '../src/partners/partner.entity';
import { UserEntity } from '../src/users/user.entity';
import { expectCatalogueInStep } from './support/catalogue-in-step';
import { engine } from './support/databases';
import {
  addOutlet,
  approvedPartner,
  placeOutlet,
  registerPartner,
  registration,
  validNip,
} from './support/partner-factory';
import { startApp, TestApp } from './support/test-app';

describe(`partners (${engine})`, () => {
  let t: TestApp;
  let manager: string;
  let caseWorker: string;

  const as = (token: string) => ({
    get: (url: string) => t.http.get(url).auth(token, { type: 'bearer' }),
    post: (url: string, body: object = {}) => t.http.post(url).auth(token, { type: 'bearer' }).send(body),
    patch: (url: string, body: object) => t.http.patch(url).auth(token, { type: 'bearer' }).send(body),
    put: (url: string, type: string, body: Buffer) =>
      t.http.put(url).auth(token, { type: 'bearer' }).set('Content-Type', type).send(body),
    delete: (url: string) => t.http.delete(url).auth(token, { type: 'bearer' }),
  });
  const counts = async () => ({
    partners: await t.dataSource.getRepository(PartnerEntity).count(),
    users: await t.dataSource.getRepository(UserEntity).count(),
    outlets: await t.dataSource.getRepository(OutletEntity).count(),
    audit: await t.auditCount(),
  });
  const auditOf = (entityId: string) =>
    t.dataSource.getRepository(AuditLogEntity).find({ where: { entityId }, order: { id: 'ASC' } });
  const png = (w = 40, h = 20) => createCanvas(w, h).toBuffer('image/png');

  beforeAll(async () => {
    t = await startApp();
    manager = (await t.newUser('partner_manager')).token;
    caseWorker = (await t.newUser('case_worker')).token;
  });
  afterEach(() => expectCatalogueInStep(t.dataSource));
  afterAll(() => t.close());

  describe('self-registration', () => {
    it('creates a pending partner and its owner account, records the agreement, and audits it', async () => {
      const body = registration({ taxNumber: 'PL 526-025-02-74', name: 'Łódzkie Kino Żak' });
      const res = await t.http.post('/api/v1/partners/register').send(body).expect(201);
      const { partner, owner } = res.body;
      expect(partner).toMatchObject({
        name: 'Łódzkie Kino Żak',
        taxNumber: '5260250274',
        status: 'pending',
        agreementVersion: '1.0',
        approvedAt: null,
        logoUrl: null,
      });
      expect(Date.now() - new Date(partner.agreementAcceptedAt).getTime()).toBeLessThan(60_000);
      expect(owner).toMatchObject({ role: 'merchant_owner', kind: 'merchant', partnerId: partner.id });
      expect(owner).not.toHaveProperty('passwordHash');
      const token = await t.login(
        (body.owner as { email: string }).email,
        (body.owner as { password: string }).password,
      );
      expect((await as(token).get('/api/v1/partners/mine').expect(200)).body.id).toBe(partner.id);
      const actions = (await auditOf(partner.id)).map((a) => a.action);
      expect(actions).toEqual(['partner.register']);
    });

    it.each([
      ['an invalid NIP', { taxNumber: '5260250275' }, 'taxNumber'],
      ['an old agreement version', { agreementVersion: '0.9' }, 'agreementVersion'],
      ['an agreement not accepted', { acceptAgreement: false }, 'acceptAgreement'],
      ['no text in the default language', { description: { en: 'Cinema' } }, 'description.pl'],
      [
        'a language the programme does not speak',
        { description: { pl: 'Kino', de: 'Kino' } },
        'description.de',
      ],
      ['an unknown category', { category: 'casinos' }, 'category'],
      [
        'a short password',
        { owner: { email: 'x@kino.example', displayName: 'X', password: 'short' } },
        'password',
      ],
      ['a website that is not http(s)', { website: 'javascript:alert(1)' }, 'website'],
    ])('refuses %s with 400 naming %s, and writes nothing', async (_, overrides, field) => {
      const before = await counts();
      const res = await t.http.post('/api/v1/partners/register').send(registration(overrides)).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await counts()).toEqual(before);
    });

    it('refuses a second partner with the same tax number however it is written (409), and a taken e-mail', async () => {
      const nip = validNip();
      const first = await registerPartner(t, { taxNumber: nip });
      const before = await counts();
      const dashed = `${nip.slice(0, 3)}-${nip.slice(3, 6)}-${nip.slice(6, 8)}-${nip.slice(8)}`;
      const again = await t.http
        .post('/api/v1/partners/register')
        .send(registration({ taxNumber: dashed }))
        .expect(409);
      expect(again.body.errors).toEqual([{ field: 'taxNumber', message: 'taxNumber is already registered' }]);
      const sameEmail = registration({ owner: first.body.owner });
      const taken = await t.http.post('/api/v1/partners/register').send(sameEmail).expect(409);
      expect(taken.body.errors[0].field).toBe('owner.email');
      expect(await counts()).toEqual(before);
    });
  });

  describe('decisions by partner managers', () => {
    it('approve, suspend (reason), reinstate; each audited with from/to', async () => {
      const { partnerId } = await registerPartner(t);
      const approved = await as(manager).post(`/api/v1/partners/${partnerId}/approve`).expect(200);
      expect(approved.body).toMatchObject({ status: 'approved', statusReason: null });
      expect(approved.body.approvedAt).not.toBeNull();
      await as(manager).post(`/api/v1/partners/${partnerId}/suspend`).expect(400);
      const suspended = await as(manager)
        .post(`/api/v1/partners/${partnerId}/suspend`, { reason: 'Complaints from families' })
        .expect(200);
      expect(suspended.body).toMatchObject({ status: 'suspended', statusReason: 'Complaints from families' });
      await as(manager).post(`/api/v1/partners/${partnerId}/reinstate`).expect(200);
      const audit = await auditOf(partnerId);
      expect(audit.map((a) => [a.action, a.summary])).toEqual([
        ['partner.register', expect.anything()],
        ['partner.approve', { from: 'pending', to: 'approved' }],
        ['partner.suspend', { from: 'approved', to: 'suspended', reason: 'Complaints from families' }],
        ['partner.reinstate', { from: 'suspended', to: 'approved' }],
      ]);
    });

    it('refuses steps the status does not allow (409) and leaves the partner as it was', async () => {
      const { partnerId } = await registerPartner(t);
      const res = await as(manager).post(`/api/v1/partners/${partnerId}/reinstate`).expect(409);
      expect(res.body.type).toBe('/problems/illegal-partner-transition');
      await as(manager)
        .post(`/api/v1/partners/${partnerId}/reject`, { reason: 'No such business' })
        .expect(200);
      await as(manager).post(`/api/v1/partners/${partnerId}/suspend`, { reason: 'x' }).expect(409);
      expect(
        (await t.dataSource.getRepository(PartnerEntity).findOneByOrFail({ id: partnerId })).status,
      ).toBe('rejected');
    });

    it('only partner staff decide: the owner, a case worker and a family get 403', async () => {
      const { partnerId, owner } = await registerPartner(t);
      const family = (await t.newUser('family')).token;
      for (const token of [owner.token, caseWorker, family])
        await as(token).post(`/api/v1/partners/${partnerId}/approve`).expect(403);
    });

    it('ending a partnership revokes its till keys and disables its accounts in the same step', async () => {
      const { partnerId, owner } = await approvedPartner(t, manager);
      await as(owner.token)
        .post(`/api/v1/partners/${partnerId}/api-keys`, { name: 'Till 1', scopes: ['validations:write'] })
        .expect(201);
      await as(manager)
        .post(`/api/v1/partners/${partnerId}/end`, { reason: 'Agreement terminated' })
        .expect(200);
      await as(owner.token).get('/api/v1/partners/mine').expect(401);
      const keys = await t.dataSource.getRepository(ApiKeyEntity).findBy({ partnerId });
      expect(keys.map((k) => k.revokedAt)).toEqual([expect.any(Date)]);
      const users = await t.dataSource.getRepository(UserEntity).findBy({ partnerId });
      expect(users.every((u) => u.disabled)).toBe(true);
    });
  });

  describe('row-level access', () => {
    let a: Awaited<ReturnType<typeof registerPartner>>;
    let b: Awaited<ReturnType<typeof registerPartner>>;
    let bOutlet: string;
    let bKey: string;
    let cashierA: string;

    beforeAll(async () => {
      a = await approvedPartner(t, manager);
      b = await approvedPartner(t, manager);
      bOutlet = await addOutlet(t, b.owner.token, b.partnerId);
      bKey = (
        await as(b.owner.token)
          .post(`/api/v1/partners/${b.partnerId}/api-keys`, { name: 'Till', scopes: ['validations:write'] })
          .expect(201)
      ).body.id;
      const invited = await as(a.owner.token)
        .post(`/api/v1/partners/${a.partnerId}/users`, {
          email: `cashier-a-${Date.now()}@kino.example`,
          displayName: 'Jan',
        })
        .expect(201);
      cashierA = await t.login(invited.body.email, invited.body.initialPassword);
    });

    it('a merchant gets 404 for every route of another partner and nothing of it changes', async () => {
      const before = await counts();
      const other = `/api/v1/partners/${b.partnerId}`;
      for (const token of [a.owner.token, cashierA]) {
        await as(token).get(other).expect(404);
        await as(token).patch(other, { name: 'Hijacked' }).expect(404);
        await as(token).get(`${other}/outlets`).expect(404);
        await as(token).get(`${other}/outlets/${bOutlet}`).expect(404);
        await as(token).patch(`${other}/outlets/${bOutlet}`, { name: 'Hijacked' }).expect(404);
        await as(token).delete(`${other}/outlets/${bOutlet}`).expect(404);
        await as(token).post(`${other}/outlets`, placeOutlet()).expect(404);
        await as(token).get(`${other}/users`).expect(404);
        await as(token).post(`${other}/users`, { email: 'evil@x.example', displayName: 'Evil' }).expect(404);
        await as(token).get(`${other}/api-keys`).expect(404);
        await as(token)
          .post(`${other}/api-keys`, { name: 'Evil', scopes: ['validations:write'] })
          .expect(404);
        await as(token).delete(`${other}/api-keys/${bKey}`).expect(404);
        await as(token).get(`${other}/logo`).expect(404);
        await as(token).put(`${other}/logo`, 'image/png', png()).expect(404);
      }
      expect(await counts()).toEqual(before);
      const key = await t.dataSource.getRepository(ApiKeyEntity).findOneByOrFail({ id: bKey });
      expect(key.revokedAt).toBeNull();
      // Even the outlet id of another partner under one's own partner path is not found.
      await as(a.owner.token).get(`/api/v1/partners/${a.partnerId}/outlets/${bOutlet}`).expect(404);
    });

    it('a cashier reads its own partner but changes nothing and sees no accounts or keys (403)', async () => {
      const own = `/api/v1/partners/${a.partnerId}`;
      await as(cashierA).get(own).expect(200);
      await as(cashierA).get(`${own}/outlets`).expect(200);
      await as(cashierA).patch(own, { name: 'Renamed' }).expect(403);
      await as(cashierA).post(`${own}/outlets`, placeOutlet()).expect(403);
      await as(cashierA).get(`${own}/users`).expect(403);
      await as(cashierA).get(`${own}/api-keys`).expect(403);
    });

    it('staff read every partner; a case worker cannot change one; a family reaches none', async () => {
      await as(caseWorker).get(`/api/v1/partners/${b.partnerId}/outlets`).expect(200);
      await as(caseWorker).patch(`/api/v1/partners/${b.partnerId}`, { name: 'Xyz' }).expect(404);
      const family = (await t.newUser('family')).token;
      await as(family).get(`/api/v1/partners/${b.partnerId}`).expect(404);
      await as(family).get('/api/v1/partners').expect(403);
      await as(manager)
        .patch(`/api/v1/partners/${b.partnerId}`, { website: 'https://b.example' })
        .expect(200);
    });
  });

  describe('profile and outlets', () => {
    it('the owner edits the profile (audited with from/to) but not the tax number; staff may', async () => {
      const { partnerId, owner } = await registerPartner(t);
      const res = await as(owner.token)
        .patch(`/api/v1/partners/${partnerId}`, { name: 'Kino Bajka', category: 'sport-recreation' })
        .expect(200);
      expect(res.body.name).toBe('Kino Bajka');
      const refused = await as(owner.token)
        .patch(`/api/v1/partners/${partnerId}`, { taxNumber: validNip() })
        .expect(400);
      expect(refused.body.errors[0].field).toBe('taxNumber');
      const nip = validNip();
      expect(
        (await as(manager).patch(`/api/v1/partners/${partnerId}`, { taxNumber: nip }).expect(200)).body
          .taxNumber,
      ).toBe(nip);
      const update = (await auditOf(partnerId)).find((a) => a.action === 'partner.update')!;
      expect(update.summary).toMatchObject({
        name: { to: 'Kino Bajka' },
        categoryId: { from: expect.any(String) },
      });
    });

    it('places need an address and coordinates, online shops a URL; each named in the 400', async () => {
      const { partnerId, owner } = await registerPartner(t);
      const url = `/api/v1/partners/${partnerId}/outlets`;
      const before = await counts();
      const cases: [Record<string, unknown>, string][] = [
        [placeOutlet({ latitude: 95 }), 'latitude'],
        [placeOutlet({ longitude: 'east' }), 'longitude'],
        [placeOutlet({ latitude: undefined }), 'latitude'],
        [placeOutlet({ openingHours: { mon: [['18:00', '09:00']] } }), 'openingHours'],
        [placeOutlet({ openingHours: { funday: [] } }), 'openingHours'],
        [{ kind: 'online', name: 'Sklep' }, 'url'],
        [{ kind: 'shop', name: 'X' }, 'kind'],
      ];
      for (const [body, field] of cases) {
        const res = await as(owner.token).post(url, body).expect(400);
        expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      }
      expect(await counts()).toEqual(before);
    });

    it('creates, edits and deletes outlets; refs are unique per partner; every step audited', async () => {
      const { partnerId, owner } = await registerPartner(t);
      const url = `/api/v1/partners/${partnerId}/outlets`;
      const place = await as(owner.token)
        .post(url, placeOutlet({ ref: 'grodzka' }))
        .expect(201);
      expect(place.body).toMatchObject({ ref: 'grodzka', kind: 'place', latitude: 51.2502, url: null });
      const shop = await as(owner.token)
        .post(url, {
          kind: 'online',
          name: 'Sklep internetowy',
          url: 'https://sklep.example',
          discountCode: 'KDR10',
        })
        .expect(201);
      expect(shop.body).toMatchObject({
        ref: 'sklep-internetowy',
        latitude: null,
        street: null,
        discountCode: 'KDR10',
      });
      const dup = await as(owner.token)
        .post(url, placeOutlet({ ref: 'grodzka' }))
        .expect(409);
      expect(dup.body.errors[0].field).toBe('ref');
      const moved = await as(owner.token)
        .patch(`${url}/${place.body.id}`, { street: 'ul. Grodzka 5', latitude: 51.2499 })
        .expect(200);
      expect(moved.body).toMatchObject({ street: 'ul. Grodzka 5', latitude: 51.2499, city: 'Lublin' });
      await as(owner.token).delete(`${url}/${shop.body.id}`).expect(204);
      expect((await as(owner.token).get(url).expect(200)).body.map((o: { ref: string }) => o.ref)).toEqual([
        'grodzka',
      ]);
      const audit = await t.dataSource
        .getRepository(AuditLogEntity)
        .find({ where: [{ entityId: place.body.id }, { entityId: shop.body.id }], order: { id: 'ASC' } });
      expect(audit.map((a) => a.action)).toEqual([
        'outlet.create',
        'outlet.create',
        'outlet.update',
        'outlet.delete',
      ]);
    });
  });

  describe('logo', () => {
    it('accepts PNG and JPEG by their bytes and serves them back unchanged', async () => {
      const { partnerId, owner } = await registerPartner(t);
      const bytes = png(64, 32);
      const res = await as(owner.token)
        .put(`/api/v1/partners/${partnerId}/logo`, 'image/png', bytes)
        .expect(200);
      expect(res.body.logoUrl).toBe(`/api/v1/partners/${partnerId}/logo`);
      const back = await as(owner.token).get(`/api/v1/partners/${partnerId}/logo`).buffer(true).expect(200);
      expect(back.headers['content-type']).toBe('image/png');
      expect(Buffer.compare(back.body as Buffer, bytes)).toBe(0);
      // A JPEG sent as image/png is stored as what it is.
      const jpeg = createCanvas(30, 30).toBuffer('image/jpeg');
      await as(owner.token).put(`/api/v1/partners/${partnerId}/logo`, 'image/png', jpeg).expect(200);
      const again = await as(owner.token).get(`/api/v1/partners/${partnerId}/logo`).buffer(true).expect(200);
      expect(again.headers['content-type']).toBe('image/jpeg');
    });

    it('refuses what is not a PNG or JPEG (400 naming logo), other types (415) and large files (413)', async () => {
      const { partnerId, owner } = await registerPartner(t);
      const url = `/api/v1/partners/${partnerId}/logo`;
      const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
      const bad = await as(owner.token).put(url, 'image/png', gif).expect(400);
      expect(bad.body.errors[0].field).toBe('logo');
      await as(owner.token).put(url, 'image/gif', gif).expect(415);
      await as(owner.token)
        .put(url, 'image/png', Buffer.alloc(600 * 1024, 1))
        .expect(413);
      expect(
        (await t.dataSource.getRepository(PartnerEntity).findOneByOrFail({ id: partnerId })).logoHash,
      ).toBeNull();
    });
  });

  describe('merchant accounts and till keys', () => {
    it('the owner invites a cashier (password shown once, e-mail without it) and can disable them', async () => {
      const { partnerId, owner } = await approvedPartner(t, manager);
      const email = `kasjer-${Date.now()}@kino.example`;
      const res = await as(owner.token)
        .post(`/api/v1/partners/${partnerId}/users`, { email, displayName: 'Jan Kasjer' })
        .expect(201);
      expect(res.body).toMatchObject({
        role: 'merchant_cashier',
        partnerId,
        initialPassword: expect.any(String),
      });
      const cashier = await t.login(email, res.body.initialPassword);
      expect((await as(cashier).get('/api/v1/partners/mine').expect(200)).body.id).toBe(partnerId);
      const mail = await t.dataSource
        .getRepository(OutboxMessageEntity)
        .findOneByOrFail({ recipient: email });
      expect(mail.template).toBe('merchant_invited');
      expect(mail.text).not.toContain(res.body.initialPassword);
      const listed = await as(owner.token).get(`/api/v1/partners/${partnerId}/users`).expect(200);
      expect(listed.body.map((u: { role: string }) => u.role).sort()).toEqual([
        'merchant_cashier',
        'merchant_owner',
      ]);
      await as(owner.token)
        .patch(`/api/v1/partners/${partnerId}/users/${res.body.id}`, { disabled: true })
        .expect(200);
      await as(cashier).get('/api/v1/partners/mine').expect(401);
      const ownerId = listed.body.find((u: { role: string }) => u.role === 'merchant_owner').id;
      await as(owner.token)
        .patch(`/api/v1/partners/${partnerId}/users/${ownerId}`, { disabled: true })
        .expect(403);
    });

    it('staff create an owner account for a partner that has none; an owner may not create owners', async () => {
      const { partnerId, owner } = await approvedPartner(t, manager);
      const email = `wlasciciel-${Date.now()}@import.example`;
      const url = `/api/v1/partners/${partnerId}/users`;
      const refused = await as(owner.token)
        .post(url, { email, displayName: 'Druga Właścicielka', role: 'merchant_owner' })
        .expect(403);
      expect(refused.body.detail).toContain('staff');
      const bad = await as(manager).post(url, { email, displayName: 'X', role: 'admin' }).expect(400);
      expect(bad.body.errors[0].field).toBe('role');
      const created = await as(manager)
        .post(url, { email, displayName: 'Anna Właścicielka', role: 'merchant_owner' })
        .expect(201);
      expect(created.body).toMatchObject({
        role: 'merchant_owner',
        partnerId,
        initialPassword: expect.any(String),
      });
      const second = await t.login(email, created.body.initialPassword);
      // A real owner: it manages the partner's keys, which a cashier may not even list.
      await as(second).get(`/api/v1/partners/${partnerId}/api-keys`).expect(200);
      expect((await auditOf(created.body.id)).map((a) => a.action)).toContain('user.create');
    });

    it('till keys carry only partner scopes, are shown once, and can be revoked', async () => {
      const { partnerId, owner } = await approvedPartner(t, manager);
      const url = `/api/v1/partners/${partnerId}/api-keys`;
      const wrong = await as(owner.token)
        .post(url, { name: 'Till', scopes: ['users:read'] })
        .expect(400);
      expect(wrong.body.errors[0].field).toBe('scopes[0]');
      const created = await as(owner.token)
        .post(url, { name: 'Till 1', scopes: ['validations:write'] })
        .expect(201);
      expect(created.body.key).toMatch(/^fck_/);
      const listed = await as(owner.token).get(url).expect(200);
      expect(listed.body).toEqual([expect.not.objectContaining({ key: expect.anything() })]);
      // A till key is no staff credential.
      await t.http.get('/api/v1/users').set('X-API-Key', created.body.key).expect(403);
      await as(owner.token).delete(`${url}/${created.body.id}`).expect(204);
      await t.http.get(`/api/v1/partners/${partnerId}`).set('X-API-Key', created.body.key).expect(401);
      expect((await auditOf(created.body.id)).map((a) => a.action)).toEqual([
        'api_key.create',
        'api_key.revoke',
      ]);
    });
  });

  describe('categories', () => {
    it('every programme starts with the ten default categories, named in its languages', async () => {
      const res = await t.http.get('/api/v1/categories').expect(200);
      expect(res.body.map((c: { slug: string }) => c.slug)).toEqual([
        'culture',
        'sport-recreation',
        'education',
        'health',
        'food',
        'shopping',
        'services',
        'transport',
        'tourism',
        'online',
      ]);
      expect(res.body[0].names).toMatchObject({ pl: 'Kultura', en: 'Culture' });
    });

    it('partner staff add and rename categories; slugs are unique; merchants may not', async () => {
      const { owner } = await registerPartner(t);
      await as(owner.token)
        .post('/api/v1/categories', { slug: 'pets', names: { pl: 'Zwierzęta' } })
        .expect(403);
      const created = await as(manager)
        .post('/api/v1/categories', { slug: 'pets', names: { pl: 'Zwierzęta', en: 'Pets' }, sortOrder: 11 })
        .expect(201);
      const dup = await as(manager)
        .post('/api/v1/categories', { slug: 'pets', names: { pl: 'Inne' } })
        .expect(409);
      expect(dup.body.errors[0].field).toBe('slug');
      const noPl = await as(manager)
        .patch(`/api/v1/categories/${created.body.id}`, { names: { en: 'Animals' } })
        .expect(400);
      expect(noPl.body.errors[0].field).toBe('names.pl');
      await as(manager)
        .patch(`/api/v1/categories/${created.body.id}`, { names: { pl: 'Zoo', en: 'Zoo' } })
        .expect(200);
      // Left out is unchanged; null is refused, not written to a NOT NULL column (a 500 before; fuzzing).
      for (const field of ['names', 'sortOrder']) {
        const res = await as(manager)
          .patch(`/api/v1/categories/${created.body.id}`, { [field]: null })
          .expect(400);
        expect(res.body.errors[0].field).toBe(field);
      }
      expect((await auditOf(created.body.id)).map((a) => a.action)).toEqual([
        'category.create',
        'category.update',
      ]);
    });
  });

  it('staff list partners by status and by name, ignoring case and diacritics', async () => {
    const { partnerId } = await registerPartner(t, { name: 'Muzeum Łódzkie Źródła' });
    const found = await as(caseWorker).get('/api/v1/partners?q=LODZKIE%20zrodla').expect(200);
    expect(found.body.items.map((p: { id: string }) => p.id)).toEqual([partnerId]);
    const pending = await as(manager).get('/api/v1/partners?status=pending&limit=200').expect(200);
    expect(pending.body.items.every((p: { status: string }) => p.status === 'pending')).toBe(true);
    expect(pending.body.items.map((p: { id: string }) => p.id)).toContain(partnerId);
    const bad = await as(manager).get('/api/v1/partners?status=sleeping').expect(400);
    expect(bad.body.errors[0].field).toBe('status');
  });
});
