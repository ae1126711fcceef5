import { randomUUID } from 'node:crypto';
import type TestAgent from 'supertest/lib/agent';
import { ApiKeyEntity } from '../src/api-keys/api-key.entity';
import { AuditLogEntity } from '../src/audit/audit-log.entity';
import { ProgrammeEntity } from '../src/programmes/programme.entity';
import { UserEntity } from '../src/users/user.entity';
import { ValidationEntity } from '../src/validations/validation.entity';
import type { ValidationResult } from '../src/validations/validation-result';
import { engine } from './support/databases';
import { cspOf, expectNoInlineCode, urlsIn } from './support/page-html';
import { csrfIn, pageClient, signInWithForm } from './support/page-forms';
import { addOutlet, approvedPartner, placeOutlet, RegisteredPartner } from './support/partner-factory';
import { startApp, TestApp, TestUser } from './support/test-app';

// The partner portal's team pages: cashier accounts, till API keys and statistics, as the server sends them.

describe(`partner team pages (${engine})`, () => {
  let t: TestApp;
  let kino: RegisteredPartner;
  let other: RegisteredPartner;
  let owner: TestAgent;
  let cashier: TestUser;
  let otherCashier: TestUser;
  let outlet: string;

  const users = () => t.dataSource.getRepository(UserEntity);
  const keys = () => t.dataSource.getRepository(ApiKeyEntity);
  const audited = (action: string, entityId: string) =>
    t.dataSource.getRepository(AuditLogEntity).countBy({ action, entityId });
  /** The CSRF token of a page the owner opens. */
  const tokenOf = async (path: string) => csrfIn((await owner.get(path).expect(200)).text);

  const insertCheck = async (
    partnerId: string,
    at: string,
    outletId: string | null,
    result: ValidationResult,
  ) => {
    const programme = await t.dataSource.getRepository(ProgrammeEntity).findOneByOrFail({});
    await t.dataSource.getRepository(ValidationEntity).insert({
      id: randomUUID(),
      programmeId: programme.id,
      partnerId,
      outletId,
      cardId: null,
      result,
      method: 'qr',
      actorType: 'user',
      actorId: null,
      createdAt: new Date(at),
    });
  };

  beforeAll(async () => {
    t = await startApp();
    const manager = (await t.newUser('partner_manager')).token;
    kino = await approvedPartner(t, manager, { name: 'Kino Zamek' });
    other = await approvedPartner(t, manager, { name: 'Basen Miejski' });
    cashier = await t.newUser('merchant_cashier', { partnerId: kino.partnerId });
    otherCashier = await t.newUser('merchant_cashier', { partnerId: other.partnerId });
    outlet = await addOutlet(
      t,
      kino.owner.token,
      kino.partnerId,
      placeOutlet({ name: 'Kino Zamek – Rynek' }),
    );
    owner = await signInWithForm(t, kino.owner.email, kino.owner.password);
  });
  afterAll(() => t.close());

  it('is for merchants: no session goes to sign in; cashiers may not open team or keys; others are refused', async () => {
    for (const path of ['/partner/team', '/partner/keys', '/partner/statistics'])
      await pageClient(t).get(`${path}?lang=pl`).expect(303).expect('Location', '/signin?lang=pl');
    const till = await signInWithForm(t, cashier.user.email, cashier.password);
    await till.get('/partner/team').expect(403);
    await till.get('/partner/keys').expect(403);
    await till.get('/partner/statistics').expect(200);
    const family = await t.newUser('family');
    const staff = await t.newUser('partner_manager');
    for (const who of [family, staff])
      for (const path of ['/partner/team', '/partner/keys', '/partner/statistics'])
        await t.http.get(path).auth(who.token, { type: 'bearer' }).expect(403);
    // A merchant account without a partner has nothing to show.
    const stray = await t.newUser('merchant_owner');
    await t.http.get('/partner/team').auth(stray.token, { type: 'bearer' }).expect(404);
  });

  it('lists only its own partner’s accounts, in English and Polish, under the strict CSP', async () => {
    const res = await owner.get('/partner/team?lang=en').expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(cspOf(res)['script-src']).toEqual(["'self'"]);
    expectNoInlineCode(res.text);
    expect(res.text).toContain('<h1>Cashiers</h1>');
    expect(res.text).toContain(`<td>${cashier.user.email}</td><td>Cashier</td>`);
    expect(res.text).toContain(`<td>${kino.owner.email}</td><td>Owner</td>`);
    expect(res.text).not.toContain(otherCashier.user.email);
    expect(res.text).toContain('<a href="/partner/team?lang&#x3D;en" aria-current="page">Cashiers</a>');
    expect(urlsIn(res.text)).toContain(`/partner/team/${cashier.user.id}/disable`);
    const pl = await owner.get('/partner/team').set('Accept-Language', 'pl').expect(200);
    expect(pl.text).toContain('<html lang="pl">');
    expect(pl.text).toContain('<h2 id="invite-title">Dodaj kasjera</h2>');
    expect(pl.text).toContain('<td>Kasjer</td>');
  });

  it('refuses an invitation posted without the CSRF token: nothing changes', async () => {
    const [count, audit] = [await users().count(), await t.auditCount()];
    await owner
      .post('/partner/team')
      .type('form')
      .send({ displayName: 'Jan Kowalski', email: 'jan.csrf@kino.example' })
      .expect(403);
    expect(await users().count()).toBe(count);
    expect(await t.auditCount()).toBe(audit);
  });

  it('gives the invite form back with errors at its fields, creating no one', async () => {
    const count = await users().count();
    const res = await owner
      .post('/partner/team')
      .type('form')
      .send({
        _csrf: await tokenOf('/partner/team?lang=en'),
        lang: 'en',
        displayName: '',
        email: 'not-an-address',
      })
      .expect(400);
    expect(res.text).toContain('<a href="#displayName">Enter the cashier’s name.</a>');
    expect(res.text).toContain(
      '<p id="email-error" class="field-error">Enter an e-mail address like name@example.com.</p>',
    );
    expect(res.text).toMatch(
      /<input id="email" name="email" type="email" value="not-an-address" autocomplete="off" aria-describedby="email-error" aria-invalid="true">/,
    );
    expect(await users().count()).toBe(count);
    const taken = await owner
      .post('/partner/team')
      .type('form')
      .send({
        _csrf: await tokenOf('/partner/team?lang=pl'),
        lang: 'pl',
        displayName: 'Ktoś',
        email: cashier.user.email,
      })
      .expect(409);
    expect(taken.text).toContain('Ten adres e-mail ma już konto.');
    expect(await users().count()).toBe(count);
  });

  it('invites a cashier: the first password is shown once, stored only hashed, and the account is audited', async () => {
    const res = await owner
      .post('/partner/team')
      .type('form')
      .send({
        _csrf: await tokenOf('/partner/team?lang=en'),
        lang: 'en',
        displayName: 'Jan Kowalski',
        email: 'jan.kowalski@kino.example',
      })
      .expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers.location).toBeUndefined();
    expectNoInlineCode(res.text);
    const password = /<code class="secret" id="first-password">([^<]+)<\/code>/.exec(res.text)![1];
    expect(res.text).toContain('The account of Jan Kowalski (jan.kowalski@kino.example) is ready.');
    const user = await users().findOneByOrFail({ email: 'jan.kowalski@kino.example' });
    expect(user).toMatchObject({ role: 'merchant_cashier', partnerId: kino.partnerId, disabled: false });
    expect(user.passwordHash).not.toContain(password);
    expect(await audited('user.create', user.id)).toBe(1);
    expect(await t.login(user.email, password)).toBeTruthy();
    // The list shows the account, never the password.
    const list = await owner.get('/partner/team?lang=en').expect(200);
    expect(list.text).toContain('<th scope="row">Jan Kowalski</th>');
    expect(list.text).not.toContain(password);
  });

  it('disables and re-enables a cashier (audited); another partner’s account answers 404 and stays as it was', async () => {
    const till = await signInWithForm(t, cashier.user.email, cashier.password);
    await till.get('/partner/statistics').expect(200);
    await owner
      .post(`/partner/team/${cashier.user.id}/disable`)
      .type('form')
      .send({ _csrf: await tokenOf('/partner/team'), lang: 'en' })
      .expect(303)
      .expect('Location', '/partner/team?notice=disabled&lang=en');
    expect((await users().findOneByOrFail({ id: cashier.user.id })).disabled).toBe(true);
    expect(await audited('user.update', cashier.user.id)).toBe(1);
    // Signed out at once.
    await till.get('/partner/statistics').expect(303).expect('Location', '/signin');
    const list = await owner.get('/partner/team?notice=disabled&lang=en').expect(200);
    expect(list.text).toContain('The cashier’s account was disabled and signed out.');
    expect(urlsIn(list.text)).toContain(`/partner/team/${cashier.user.id}/enable`);

    await owner
      .post(`/partner/team/${cashier.user.id}/enable`)
      .type('form')
      .send({ _csrf: await tokenOf('/partner/team'), lang: 'pl' })
      .expect(303)
      .expect('Location', '/partner/team?notice=enabled&lang=pl');
    expect((await users().findOneByOrFail({ id: cashier.user.id })).disabled).toBe(false);
    expect(await audited('user.update', cashier.user.id)).toBe(2);

    const audit = await t.auditCount();
    await owner
      .post(`/partner/team/${otherCashier.user.id}/disable`)
      .type('form')
      .send({ _csrf: await tokenOf('/partner/team') })
      .expect(404);
    expect((await users().findOneByOrFail({ id: otherCashier.user.id })).disabled).toBe(false);
    // The owner's own account is not a cashier's.
    const self = await users().findOneByOrFail({ email: kino.owner.email });
    await owner
      .post(`/partner/team/${self.id}/disable`)
      .type('form')
      .send({ _csrf: await tokenOf('/partner/team') })
      .expect(403);
    // And without the token nothing happens.
    await owner.post(`/partner/team/${cashier.user.id}/disable`).type('form').send({}).expect(403);
    expect((await users().findOneByOrFail({ id: cashier.user.id })).disabled).toBe(false);
    expect(await t.auditCount()).toBe(audit);
  });

  it('creates a till key shown once, lists it, and revokes it (audited); another partner’s key answers 404', async () => {
    const empty = await owner.get('/partner/keys?lang=en').expect(200);
    expectNoInlineCode(empty.text);
    expect(empty.text).toContain('You have no API keys yet.');
    expect((await owner.get('/partner/keys?lang=pl').expect(200)).text).toContain('<h1>Klucze API</h1>');

    const count = await keys().count();
    await owner.post('/partner/keys').type('form').send({ name: 'Kasa 1' }).expect(403);
    const bad = await owner
      .post('/partner/keys')
      .type('form')
      .send({ _csrf: await tokenOf('/partner/keys'), lang: 'en', name: '  ' })
      .expect(400);
    expect(bad.text).toContain('<a href="#name">Enter what the key is for.</a>');
    expect(bad.text).toContain('aria-describedby="name-hint name-error" aria-invalid="true"');
    expect(await keys().count()).toBe(count);

    const res = await owner
      .post('/partner/keys')
      .type('form')
      .send({ _csrf: await tokenOf('/partner/keys'), lang: 'en', name: 'Till 1' })
      .expect(200);
    expect(res.headers.location).toBeUndefined();
    const secret = /<code class="secret" id="new-key">([^<]+)<\/code>/.exec(res.text)![1];
    const key = await keys().findOneByOrFail({ name: 'Till 1' });
    expect(key).toMatchObject({ partnerId: kino.partnerId, scopes: ['validations:write'], revokedAt: null });
    expect(secret).toContain(key.prefix);
    expect(secret).not.toContain(key.secretHash);
    expect(await audited('api_key.create', key.id)).toBe(1);
    // The key works at the till.
    const till = () => t.http.post('/api/v1/validations').set('X-API-Key', secret).send({ code: 'nonsense' });
    await till().expect(200);
    const list = await owner.get('/partner/keys?lang=en').expect(200);
    expect(list.text).toContain('<th scope="row">Till 1</th>');
    expect(list.text).not.toContain(secret);
    expect(list.text).toContain('Revoke the key “Till 1”');

    const otherKey = (
      await t.http
        .post(`/api/v1/partners/${other.partnerId}/api-keys`)
        .auth(other.owner.token, { type: 'bearer' })
        .send({ name: 'Basen', scopes: ['validations:write'] })
        .expect(201)
    ).body.id as string;
    await owner
      .post(`/partner/keys/${otherKey}/revoke`)
      .type('form')
      .send({ _csrf: await tokenOf('/partner/keys') })
      .expect(404);
    expect((await keys().findOneByOrFail({ id: otherKey })).revokedAt).toBeNull();

    await owner
      .post(`/partner/keys/${key.id}/revoke`)
      .type('form')
      .send({ _csrf: await tokenOf('/partner/keys'), lang: 'en' })
      .expect(303)
      .expect('Location', '/partner/keys?notice=revoked&lang=en');
    expect((await keys().findOneByOrFail({ id: key.id })).revokedAt).not.toBeNull();
    expect(await audited('api_key.revoke', key.id)).toBe(1);
    await till().expect(401);
    const after = await owner.get('/partner/keys?notice=revoked&lang=en').expect(200);
    expect(after.text).toContain('The key was revoked.');
    expect(after.text).not.toContain('Revoke the key “Till 1”');
  });

  it('shows its own partner’s checks per day and outlet as charts with tables, and the CSV link works with the session', async () => {
    const day = '2026-03-10';
    await insertCheck(kino.partnerId, `${day}T10:00:00Z`, outlet, 'valid');
    await insertCheck(kino.partnerId, `${day}T11:00:00Z`, outlet, 'valid');
    await insertCheck(kino.partnerId, `${day}T12:00:00Z`, outlet, 'expired');
    await insertCheck(other.partnerId, `${day}T12:00:00Z`, null, 'valid');
    const query = '?from=2026-03-08&to=2026-03-12';
    const res = await owner.get(`/partner/statistics${query}&lang=en`).expect(200);
    expectNoInlineCode(res.text);
    expect(res.text).toContain('From March 8, 2026 to March 12, 2026.');
    expect(res.text).toContain('<dt>Card checks</dt><dd>3</dd>');
    expect(res.text).toContain('<dt>Valid cards</dt><dd>2</dd>');
    expect(res.text).toContain('<tr><th scope="row">March 10, 2026</th><td>3</td></tr>');
    expect(res.text).toContain('<tr><th scope="row">1. Kino Zamek – Rynek</th><td>3</td></tr>');
    expect(res.text).toMatch(/<svg role="img" aria-labelledby="checks-day-svg-title"/);
    expect(res.text).toContain(
      '<h2 id="redemptions-offer-title">Uses per offer</h2>\n  <p>Nothing in this period.</p>',
    );
    expect(res.text).toMatch(/value="2026-03-08"/);
    const csv = urlsIn(res.text).find((u) => u.includes('statistics.csv'))!;
    expect(csv).toBe(
      `/api/v1/partners/${kino.partnerId}/statistics.csv?from=2026-03-08&to=2026-03-12&language=en`,
    );
    const file = await owner.get(csv).expect(200);
    expect(file.headers['content-type']).toMatch(/^text\/csv/);
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename=/);
    expect(file.text).toContain('2026-03-10');

    const pl = await owner.get(`/partner/statistics${query}&lang=pl`).expect(200);
    expect(pl.text).toContain('<dt>Sprawdzenia kart</dt><dd>3</dd>');
    expect(pl.text).toContain('<tr><th scope="row">10 marca 2026</th><td>3</td></tr>');
    expect(urlsIn(pl.text)).toContain(
      `/api/v1/partners/${kino.partnerId}/statistics.csv?from=2026-03-08&to=2026-03-12&delimiter=semicolon&language=pl`,
    );
    // The cashier sees the same numbers; the other partner's owner sees only its own.
    const till = await signInWithForm(t, cashier.user.email, cashier.password);
    expect((await till.get(`/partner/statistics${query}&lang=en`).expect(200)).text).toContain(
      '<dt>Card checks</dt><dd>3</dd>',
    );
    const basen = await signInWithForm(t, other.owner.email, other.owner.password);
    expect((await basen.get(`/partner/statistics${query}&lang=en`).expect(200)).text).toContain(
      '<dt>Card checks</dt><dd>1</dd>',
    );
    await basen.get(csv).expect(404);
  });

  it('gives the period form back with errors at its fields (400), without numbers', async () => {
    const bad = await owner.get('/partner/statistics?from=2026-02-30&to=2026-03-01&lang=en').expect(400);
    expect(bad.text).toContain('<a href="#from">Enter a real date like 2026-12-31.</a>');
    expect(bad.text).toContain('aria-describedby="from-hint from-error" aria-invalid="true"');
    expect(bad.text).not.toContain('<svg');
    const reversed = await owner.get('/partner/statistics?from=2026-03-05&to=2026-03-01&lang=pl').expect(400);
    expect(reversed.text).toContain(
      '<a href="#from">Pierwszy dzień nie może być późniejszy niż ostatni.</a>',
    );
    const long = await owner.get('/partner/statistics?from=2024-01-01&to=2026-03-01&lang=en').expect(400);
    expect(long.text).toContain('<a href="#to">The period can be at most 366 days.</a>');
    await owner.get('/partner/statistics?from=x&lang=en').expect(400);
  });

  it('documents its forms: a secret’s page answers 200 itself, the other forms 303 to the next page', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { responses: Record<string, unknown>; tags: string[] }>>;
    };
    const codes = (path: string, method: string) => Object.keys(doc.paths[path][method].responses).sort();
    for (const path of ['/partner/team', '/partner/keys'])
      expect(codes(path, 'post')).toEqual(
        ['200', '400', '401', '403', '429', ...(path === '/partner/team' ? ['409'] : [])].sort(),
      );
    for (const path of [
      '/partner/team/{id}/disable',
      '/partner/team/{id}/enable',
      '/partner/keys/{id}/revoke',
    ])
      expect(codes(path, 'post')).toEqual(expect.arrayContaining(['303', '403', '404']));
    expect(doc.paths['/partner/statistics'].get.tags).toEqual(['web']);
  });
});
