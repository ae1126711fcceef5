import type TestAgent from 'supertest/lib/agent';
import { AuditLogEntity } from '../src/audit/audit-log.entity';
import { ProgrammeEntity } from '../src/programmes/programme.entity';
import { UserEntity } from '../src/users/user.entity';
import { engine } from './support/databases';
import { samplePng } from './support/enrolment-factory';
import { cspOf, expectNoInlineCode, urlsIn } from './support/page-html';
import { csrfIn, signInWithForm } from './support/page-forms';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startApp, TestApp, TestUser } from './support/test-app';

// The console's administration pages: users, reports and the programme settings editor (with branding).

describe(`console administration pages (${engine})`, () => {
  let t: TestApp;
  let admin: TestAgent;
  let auditor: TestUser;
  let caseWorker: TestUser;

  const audits = (action: string, entityId?: string) =>
    t.dataSource.getRepository(AuditLogEntity).countBy({ action, ...(entityId ? { entityId } : {}) });
  const programme = async () =>
    (await t.dataSource.getRepository(ProgrammeEntity).find({ order: { createdAt: 'ASC' }, take: 1 }))[0];
  const userBy = (email: string) => t.dataSource.getRepository(UserEntity).findOneBy({ email });

  beforeAll(async () => {
    t = await startApp();
    auditor = await t.newUser('auditor');
    caseWorker = await t.newUser('case_worker');
    admin = await signInWithForm(t, ADMIN_EMAIL, ADMIN_PASSWORD);
  });
  afterAll(() => t.close());

  describe('who may open what', () => {
    it.each(['/console/users', '/console/users/new', '/console/reports', '/console/settings'])(
      '%s sends a browser without a session to sign in',
      async (path) => {
        await t.http.get(path).set('Accept', 'text/html').expect(303).expect('Location', '/signin');
      },
    );

    it('refuses users and settings to case workers, the new-account form to auditors, everything to merchants', async () => {
      const as = (user: TestUser, path: string) => t.http.get(path).auth(user.token, { type: 'bearer' });
      await as(caseWorker, '/console/users').expect(403);
      await as(caseWorker, '/console/settings').expect(403);
      await as(caseWorker, '/console/reports').expect(200);
      await as(auditor, '/console/users').expect(200);
      await as(auditor, '/console/settings').expect(200);
      await as(auditor, '/console/users/new').expect(403);
      const merchant = await t.newUser('merchant_owner');
      for (const path of [
        '/console/users',
        '/console/reports',
        '/console/settings',
        '/console/reports/cards.csv',
      ])
        await as(merchant, path).expect(403);
    });

    it('shows the menu with only the sections the role may open', async () => {
      const res = await t.http
        .get('/console/reports?lang=en')
        .auth(caseWorker.token, { type: 'bearer' })
        .expect(200);
      expect(res.text).toContain('aria-current="page">Reports</a>');
      expect(res.text).not.toContain('>Users</a>');
      expect(res.text).not.toContain('>Settings</a>');
    });
  });

  describe('users', () => {
    it('lists staff accounts in English and Polish under the strict CSP, with filters in the URL but no names', async () => {
      const res = await admin.get('/console/users?lang=en').expect(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(cspOf(res)['script-src']).toEqual(["'self'"]);
      expectNoInlineCode(res.text);
      expect(res.text).toContain('<html lang="en">');
      expect(res.text).toContain(caseWorker.user.email);
      expect(res.text).toContain('>Case worker</td>');
      expect(urlsIn(res.text)).toContain(`/console/users/${caseWorker.user.id}?lang=en`);
      const pl = await admin.get('/console/users').set('Accept-Language', 'pl').expect(200);
      expect(pl.text).toContain('<html lang="pl">');
      expect(pl.text).toContain('<h1>Użytkownicy</h1>');
      expect(pl.text).toContain('>Urzędnik rozpatrujący wnioski</td>');
      const auditors = await admin.get('/console/users?role=auditor&lang=en').expect(200);
      expect(auditors.text).toContain(auditor.user.email);
      expect(auditors.text).not.toContain(caseWorker.user.email);
      await admin.get('/console/users?role=family').expect(400);
    });

    it('creates a staff account and shows its first password once, never in a URL', async () => {
      const form = await admin.get('/console/users/new?lang=en').expect(200);
      const before = await audits('user.create');
      const res = await admin
        .post('/console/users/new')
        .type('form')
        .send({
          _csrf: csrfIn(form.text),
          lang: 'en',
          displayName: 'Jan Kowalski',
          email: 'jan.k@city.example',
          role: 'case_worker',
        })
        .expect(201);
      expect(res.headers.location).toBeUndefined();
      expect(res.headers['cache-control']).toBe('no-store');
      const password = /<code class="one-time-password">([^<]+)<\/code>/.exec(res.text)![1];
      expect(password.length).toBeGreaterThanOrEqual(18);
      for (const url of urlsIn(res.text)) expect(url).not.toContain(password);
      expect(await userBy('jan.k@city.example')).toMatchObject({ role: 'case_worker', kind: 'staff' });
      expect(await audits('user.create')).toBe(before + 1);
      await t.login('jan.k@city.example', password);
      // Posting again (a reload) creates nothing: the e-mail is taken.
      const again = await admin
        .post('/console/users/new')
        .type('form')
        .send({
          _csrf: csrfIn(form.text),
          lang: 'en',
          displayName: 'Jan Kowalski',
          email: 'jan.k@city.example',
          role: 'case_worker',
        })
        .expect(409);
      expect(again.text).toContain('An account with this e-mail address already exists.');
    });

    it('refuses bad input with errors at the fields, and a post without the CSRF token, creating nothing', async () => {
      const form = await admin.get('/console/users/new?lang=pl').expect(200);
      const before = await t.dataSource.getRepository(UserEntity).count();
      const res = await admin
        .post('/console/users/new')
        .type('form')
        .send({
          _csrf: csrfIn(form.text),
          lang: 'pl',
          displayName: '',
          email: 'not-an-email',
          role: 'merchant_owner',
        })
        .expect(400);
      expect(res.text).toContain(
        '<p id="email-error" class="field-error">Wpisz adres e-mail w postaci nazwa@example.com.</p>',
      );
      expect(res.text).toMatch(
        /id="email"[^>]*aria-describedby="email-hint email-error"[^>]*aria-invalid="true"/,
      );
      expect(res.text).toContain('<a href="#displayName">Wpisz imię i nazwisko.</a>');
      expect(res.text).toContain('<p id="role-error" class="field-error">Wybierz rolę pracownika.</p>');
      await admin
        .post('/console/users/new')
        .type('form')
        .send({ lang: 'en', displayName: 'Eve', email: 'eve@city.example', role: 'admin' })
        .expect(403);
      expect(await t.dataSource.getRepository(UserEntity).count()).toBe(before);
    });

    it('changes a role, disables and enables through the users service, audited; auditors only read', async () => {
      const target = await t.newUser('partner_manager');
      const page = await admin.get(`/console/users/${target.user.id}?lang=en`).expect(200);
      expect(page.text).toContain('<button type="submit" class="primary">Change role</button>');
      const csrf = csrfIn(page.text);
      const before = await audits('user.update', target.user.id);
      await admin
        .post(`/console/users/${target.user.id}`)
        .type('form')
        .send({ _csrf: csrf, lang: 'en', action: 'role', role: 'auditor' })
        .expect(303)
        .expect('Location', `/console/users/${target.user.id}?notice=role&lang=en`);
      expect((await userBy(target.user.email))!.role).toBe('auditor');
      await admin
        .post(`/console/users/${target.user.id}`)
        .type('form')
        .send({ _csrf: csrf, action: 'disable' })
        .expect(303);
      expect((await userBy(target.user.email))!.disabled).toBe(true);
      expect(await audits('user.update', target.user.id)).toBe(before + 2);
      const shown = await admin.get(`/console/users/${target.user.id}?notice=disable&lang=pl`).expect(200);
      expect(shown.text).toContain('Konto zostało wyłączone.');
      expect(shown.text).toContain('Włącz konto');
      // Without the token, or as an auditor, nothing changes.
      await admin
        .post(`/console/users/${target.user.id}`)
        .type('form')
        .send({ action: 'enable' })
        .expect(403);
      const read = await t.http
        .get(`/console/users/${target.user.id}`)
        .auth(auditor.token, { type: 'bearer' })
        .expect(200);
      expect(read.text).not.toContain('name="action"');
      await t.http
        .post(`/console/users/${target.user.id}`)
        .auth(auditor.token, { type: 'bearer' })
        .type('form')
        .send({ action: 'enable' })
        .expect(403);
      expect((await userBy(target.user.email))!.disabled).toBe(true);
      // A bad role is refused at the field.
      const bad = await admin
        .post(`/console/users/${target.user.id}`)
        .type('form')
        .send({ _csrf: csrf, lang: 'en', action: 'role', role: 'family' })
        .expect(400);
      expect(bad.text).toContain('<p id="role-error" class="field-error">Choose a staff role.</p>');
      expect((await userBy(target.user.email))!.role).toBe('auditor');
    });

    it('will not disable the last active admin (409, nothing changes)', async () => {
      const me = (await userBy(ADMIN_EMAIL))!;
      const page = await admin.get(`/console/users/${me.id}?lang=en`).expect(200);
      const res = await admin
        .post(`/console/users/${me.id}`)
        .type('form')
        .send({ _csrf: csrfIn(page.text), lang: 'en', action: 'disable' })
        .expect(409);
      expect(res.text).toContain('This is the last active administrator.');
      expect((await userBy(ADMIN_EMAIL))!.disabled).toBe(false);
    });

    it('answers 404 for family accounts and unknown ids', async () => {
      const family = await t.newUser('family');
      await admin.get(`/console/users/${family.user.id}`).expect(404);
      await admin.get('/console/users/00000000-0000-4000-8000-000000000000').expect(404);
    });
  });

  describe('reports', () => {
    it('lists the reports in both languages with download links served with the session', async () => {
      const res = await admin.get('/console/reports?lang=en').expect(200);
      expectNoInlineCode(res.text);
      expect(res.text).toContain('Cards expiring in the next 90 days');
      expect(urlsIn(res.text)).toContain('/console/reports/cards-expiring.csv');
      const pl = await admin.get('/console/reports?lang=pl').expect(200);
      expect(pl.text).toContain('Karty wygasające w ciągu 90 dni');
      const csv = await admin.get('/console/reports/cards.csv').expect(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.headers['content-disposition']).toMatch(
        /^attachment; filename="cards-\d{4}-\d{2}-\d{2}\.csv"$/,
      );
      expect(csv.text).toMatch(/^\uFEFF?status,role,cards\r\n/);
      await admin.get('/console/reports/cards').expect(404);
      await admin.get('/console/reports/nothing.csv').expect(404);
      // A partner manager is not offered, nor given, the list of expiring cards (it names card numbers).
      const manager = await t.newUser('partner_manager');
      const byManager = await t.http
        .get('/console/reports?lang=en')
        .auth(manager.token, { type: 'bearer' })
        .expect(200);
      expect(urlsIn(byManager.text)).not.toContain('/console/reports/cards-expiring.csv');
      expect(urlsIn(byManager.text)).toContain('/console/reports/partners.csv');
      await t.http
        .get('/console/reports/cards-expiring.csv')
        .auth(manager.token, { type: 'bearer' })
        .expect(403);
    });
  });

  describe('settings', () => {
    it('shows every setting, grouped, with labels and help in English and Polish; auditors get no form', async () => {
      const res = await admin.get('/console/settings?lang=en').expect(200);
      expectNoInlineCode(res.text);
      expect(res.text).toContain('<legend>Eligibility rules</legend>');
      expect(res.text).toContain('<label for="minChildren">Minimum number of children</label>');
      expect(res.text).toMatch(
        /id="minChildren" name="minChildren" type="text" inputmode="numeric" value="3"/,
      );
      for (const name of [
        'residencyKind',
        'validationRetentionDays',
        'brandTextColour',
        'offerEditsNeedApproval',
      ])
        expect(res.text).toContain(`id="${name}"`);
      const pl = await admin.get('/console/settings?lang=pl').expect(200);
      expect(pl.text).toContain('<legend>Zasady uprawnień</legend>');
      expect(pl.text).toContain('Minimalna liczba dzieci');
      const read = await t.http
        .get('/console/settings?lang=en')
        .auth(auditor.token, { type: 'bearer' })
        .expect(200);
      expect(read.text).not.toContain('action="/console/settings"');
      expect(read.text).toContain('<dt>Minimum number of children</dt><dd>3</dd>');
    });

    const formOf = async (lang = 'en') => {
      const page = await admin.get(`/console/settings?lang=${lang}`).expect(200);
      const body: Record<string, string> = { _csrf: csrfIn(page.text), lang };
      for (const [, name, value] of page.text.matchAll(
        /<input id="(\w+)" name="\w+" type="text"[^>]* value="([^"]*)"/g,
      ))
        body[name] = value;
      for (const [, name, value] of page.text.matchAll(/<textarea id="(\w+)"[^>]*>([^<]*)<\/textarea>/g))
        body[name] = value;
      for (const [, name, options] of page.text.matchAll(/<select id="(\w+)"[^>]*>([\s\S]*?)<\/select>/g))
        body[name] = /<option value="([^"]*)" selected>/.exec(options)![1];
      for (const [, name] of page.text.matchAll(/<input type="checkbox" id="(\w+)"[^>]* checked/g))
        body[name] = 'yes';
      return body;
    };

    it('saves through the programmes service: changed, audited, and the API sees it', async () => {
      const before = await audits('programme.update');
      const body = await formOf();
      expect(body.minChildren).toBe('3');
      await admin
        .post('/console/settings')
        .type('form')
        .send({ ...body, minChildren: '4', partnerAgreementVersion: '2.1' })
        .expect(303)
        .expect('Location', '/console/settings?notice=saved&lang=en');
      const p = await programme();
      expect(p).toMatchObject({
        minChildren: 4,
        partnerAgreementVersion: '2.1',
        offerEditsNeedApproval: true,
      });
      expect(await audits('programme.update')).toBe(before + 1);
      const api = await t.http
        .get(`/api/v1/programmes/${p.id}`)
        .auth(auditor.token, { type: 'bearer' })
        .expect(200);
      expect(api.body.minChildren).toBe(4);
      const shown = await admin.get('/console/settings?notice=saved&lang=pl').expect(200);
      expect(shown.text).toContain('Ustawienia zostały zapisane.');
    });

    it('refuses bad values with errors at their fields (400), saving nothing; and a post without the token', async () => {
      const body = await formOf('pl');
      const before = await programme();
      const res = await admin
        .post('/console/settings')
        .type('form')
        .send({ ...body, minChildren: '0', timeZone: 'Mars/Olympus', childAgeLimit: '20' })
        .expect(400);
      expect(res.text).toContain(
        '<p id="minChildren-error" class="field-error">Wpisz liczbę całkowitą od 1 do 20.</p>',
      );
      expect(res.text).toMatch(
        /id="minChildren"[^>]*aria-describedby="minChildren-hint minChildren-error" aria-invalid="true"/,
      );
      expect(res.text).toContain('<a href="#timeZone">');
      expect(res.text).toContain('value="Mars/Olympus"');
      await admin
        .post('/console/settings')
        .type('form')
        .send({ ...body, _csrf: undefined, childAgeLimit: '20' })
        .expect(403);
      expect(await programme()).toMatchObject({
        minChildren: before.minChildren,
        childAgeLimit: before.childAgeLimit,
      });
    });

    it('takes brand colours only as a readable pair, and /branding.css then wears them', async () => {
      const body = await formOf();
      const low = await admin
        .post('/console/settings')
        .type('form')
        .send({ ...body, brandColour: '#777777', brandTextColour: '#ffffff' })
        .expect(400);
      expect(low.text).toContain(
        '<p id="brandTextColour-error" class="field-error">The text colour must contrast',
      );
      const half = await admin
        .post('/console/settings')
        .type('form')
        .send({ ...body, brandColour: '#1d4ed8' })
        .expect(400);
      expect(half.text).toContain('Set both colours, or leave both empty');
      expect((await programme()).brandColour).toBeNull();
      await admin
        .post('/console/settings')
        .type('form')
        .send({ ...body, brandColour: '#1D4ED8', brandTextColour: '#ffffff' })
        .expect(303);
      expect(await programme()).toMatchObject({ brandColour: '#1d4ed8', brandTextColour: '#ffffff' });
      const css = await t.http.get('/branding.css').expect(200);
      expect(css.text).toContain('--brand: #1d4ed8;');
      expect(css.text).toContain('--brand-ink: #ffffff;');
      await admin
        .post('/console/settings')
        .type('form')
        .send({ ...body, brandColour: '', brandTextColour: '' })
        .expect(303);
      expect((await t.http.get('/branding.css').expect(200)).text).toContain('--brand: #0f766e;');
    });

    it('uploads a logo (multipart, CSRF in the action URL), serves it publicly and shows it in the header', async () => {
      await t.http.get('/branding/logo').expect(404);
      const page = await admin.get('/console/settings?lang=en').expect(200);
      const action = /<form method="post" action="([^"]+)" enctype="multipart\/form-data"/
        .exec(page.text)![1]
        .replace(/&amp;/g, '&')
        .replace(/&#x3D;/g, '=');
      expect(action).toMatch(/^\/console\/settings\/logo\?_csrf=[^&]+&lang=en$/);
      const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00', 'latin1');
      const refused = await admin
        .post(action)
        .attach('logo', gif, { filename: 'logo.gif', contentType: 'image/gif' })
        .expect(400);
      expect(refused.text).toContain(
        '<p id="logo-error" class="field-error" role="alert">This file cannot be used',
      );
      await admin.post('/console/settings/logo?lang=en').attach('logo', samplePng(), 'logo.png').expect(403);
      // A multipart body cut short is no file: refused as an empty form is, not a 500 (found by fuzzing).
      await admin
        .post(action)
        .set('Content-Type', 'multipart/form-data; boundary=b')
        .send('--b\r\nContent-Disp')
        .expect(400);
      expect((await programme()).logoHash).toBeNull();
      const before = await audits('programme.logo');
      await admin
        .post(action)
        .attach('logo', samplePng(), 'logo.png')
        .expect(303)
        .expect('Location', '/console/settings?notice=logo&lang=en');
      expect(await audits('programme.logo')).toBe(before + 1);
      const { logoHash } = await programme();
      const src = `/branding/logo?v=${logoHash!.slice(0, 16)}`;
      const logo = await t.http.get(src).expect(200);
      expect(logo.headers['content-type']).toBe('image/png');
      expect(logo.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(Buffer.compare(logo.body as Buffer, samplePng())).toBe(0);
      const home = await t.http.get('/?lang=en').expect(200);
      expect(home.text).toContain(`<img src="${src.replace('=', '&#x3D;')}" alt="" class="site-logo">`);
      const settings = await admin.get('/console/settings?lang=en').expect(200);
      await admin
        .post('/console/settings/logo/remove')
        .type('form')
        .send({ _csrf: csrfIn(settings.text), lang: 'en' })
        .expect(303);
      expect((await programme()).logoHash).toBeNull();
      await t.http.get('/branding/logo').expect(404);
    });
  });
});
