import type TestAgent from 'supertest/lib/agent';
import { AuditLogEntity } from '../src/audit/audit-log.entity';
import { OfferEntity } from '../src/offers/offer.entity';
import { OutletEntity } from '../src/partners/outlet.entity';
import { PartnerEntity } from '../src/partners/partner.entity';
import { UserEntity } from '../src/users/user.entity';
import { engine } from './support/databases';
import { cspOf, expectNoInlineCode, urlsIn } from './support/page-html';
import { csrfIn, pageClient, signInWithForm } from './support/page-forms';
import {
  addOutlet,
  approvedPartner,
  offerBody,
  registerPartner,
  RegisteredPartner,
  validNip,
} from './support/partner-factory';
import { startApp, TestApp, TestUser } from './support/test-app';

// The partner portal's pages: registration, the profile with its logo, outlets, and the offer editor.

/** A 1×1 PNG: signature, IHDR with width and height 1. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe(`partner portal pages (${engine})`, () => {
  let t: TestApp;
  let manager: TestUser;
  let partner: RegisteredPartner;
  let other: RegisteredPartner;
  let owner: TestAgent;
  let cashier: TestUser;
  let cashierClient: TestAgent;
  let outletId: string;

  const audits = (action: string, entityId: string) =>
    t.dataSource.getRepository(AuditLogEntity).countBy({ action, entityId });

  beforeAll(async () => {
    t = await startApp();
    manager = await t.newUser('partner_manager');
    partner = await approvedPartner(t, manager.token);
    other = await registerPartner(t);
    outletId = await addOutlet(t, partner.owner.token, partner.partnerId);
    owner = await signInWithForm(t, partner.owner.email, partner.owner.password);
    cashier = await t.newUser('merchant_cashier', { partnerId: partner.partnerId });
    cashierClient = await signInWithForm(t, cashier.user.email, cashier.password);
  });
  afterAll(() => t.close());

  const profileForm = (csrf: string) => ({
    _csrf: csrf,
    lang: 'en',
    name: (partner.body.name as string).trim(),
    category: 'culture',
    'description-pl': 'Kino studyjne w centrum miasta',
    'description-en': 'An art-house cinema in the town centre',
    website: '',
    contactName: 'Ewa Nowak',
    contactEmail: 'ewa@kino.example',
    contactPhone: '',
  });

  const placeForm = (csrf: string) => ({
    _csrf: csrf,
    lang: 'en',
    kind: 'place',
    name: 'Kino Zamek – Czechów',
    street: 'ul. Wileńska 7',
    postalCode: '20-603',
    city: 'Lublin',
    latitude: '51,27',
    longitude: '22.55',
    'hours-mon': '09:00-17:00',
    'hours-sat': '10:00-13:00, 14.00–18.00',
  });

  describe('registration', () => {
    const form = (csrf: string, overrides: Record<string, string> = {}) => ({
      _csrf: csrf,
      lang: 'en',
      name: 'Muzeum Wsi',
      taxNumber: validNip(),
      category: 'culture',
      'description-pl': 'Skansen z zagrodami',
      'description-en': 'An open-air museum',
      website: '',
      contactName: 'Jan Kowal',
      contactEmail: 'kontakt@muzeum.example',
      contactPhone: '',
      ownerName: 'Jan Kowal',
      ownerEmail: `owner-${Date.now()}@muzeum.example`,
      password: 'four unrelated words here 9',
      acceptAgreement: 'yes',
      ...overrides,
    });

    it('is a public form in English and Polish, under the strict CSP', async () => {
      const res = await pageClient(t).get('/partner/register?lang=en').expect(200);
      expect(cspOf(res)['script-src']).toEqual(["'self'"]);
      expectNoInlineCode(res.text);
      expect(res.text).toContain('<html lang="en">');
      expect(res.text).toContain('Register your business as a partner');
      expect(res.text).toContain('<label for="description-pl">Description (Polish)</label>');
      expect(res.headers['set-cookie']?.[0]).toMatch(/^fc_form=/);
      const pl = await pageClient(t).get('/partner/register').set('Accept-Language', 'pl').expect(200);
      expect(pl.text).toContain('<html lang="pl">');
      expect(pl.text).toContain('Zarejestruj firmę jako partnera');
    });

    it('refuses a post without the form’s token and saves nothing', async () => {
      const client = pageClient(t);
      await client.get('/partner/register?lang=en').expect(200);
      const body = form('forged');
      const res = await client.post('/partner/register').type('form').send(body).expect(403);
      expect(res.text).toContain('The form expired or came from another site.');
      expect(await t.dataSource.getRepository(UserEntity).countBy({ email: body.ownerEmail })).toBe(0);
    });

    it('shows each wrong field with a 400 and saves nothing', async () => {
      const client = pageClient(t);
      const page = await client.get('/partner/register?lang=en').expect(200);
      const body = form(csrfIn(page.text), { acceptAgreement: '', contactEmail: 'not an address' });
      const partners = await t.dataSource.getRepository(PartnerEntity).count();
      const res = await client.post('/partner/register').type('form').send(body).expect(400);
      expect(res.text).toContain('<a href="#acceptAgreement">Accept the partner agreement to register.</a>');
      expect(res.text).toMatch(
        /id="acceptAgreement"[^>]*aria-describedby="acceptAgreement-error" aria-invalid="true"/,
      );
      expect(res.text).toContain('<a href="#contactEmail">Give a valid contact e-mail address.</a>');
      expect(res.text).not.toContain(body.password);
      expect(res.text).toContain('value="Muzeum Wsi"');
      expect(await t.dataSource.getRepository(PartnerEntity).count()).toBe(partners);
      // The tax number's check digit is the service's to judge.
      const again = await client
        .post('/partner/register')
        .type('form')
        .send(form(csrfIn(res.text), { taxNumber: '1234567890' }))
        .expect(400);
      expect(again.text).toContain('<a href="#taxNumber">Give a valid tax number');
      expect(await t.dataSource.getRepository(PartnerEntity).count()).toBe(partners);
    });

    it('registers the business and its owner, pending review, with the audit entry', async () => {
      const client = pageClient(t);
      const page = await client.get('/partner/register?lang=en').expect(200);
      const body = form(csrfIn(page.text));
      const res = await client.post('/partner/register').type('form').send(body).expect(303);
      expect(res.headers.location).toBe('/partner/register?notice=registered&lang=en');
      const saved = await t.dataSource
        .getRepository(PartnerEntity)
        .findOneByOrFail({ taxNumber: body.taxNumber });
      expect(saved).toMatchObject({ status: 'pending', name: 'Muzeum Wsi', agreementVersion: '1.0' });
      expect(saved.description).toEqual({ pl: 'Skansen z zagrodami', en: 'An open-air museum' });
      expect(await audits('partner.register', saved.id)).toBe(1);
      const user = await t.dataSource.getRepository(UserEntity).findOneByOrFail({ email: body.ownerEmail });
      expect(user).toMatchObject({ role: 'merchant_owner', partnerId: saved.id });
      const done = await client.get(res.headers.location).expect(200);
      expect(done.text).toContain('waits for programme staff to review it');
      // The same tax number again is a conflict at its field.
      const twice = await client
        .post('/partner/register')
        .type('form')
        .send(
          form(csrfIn((await client.get('/partner/register?lang=en')).text), { taxNumber: body.taxNumber }),
        )
        .expect(409);
      expect(twice.text).toContain('A partner with this tax number is already registered.');
    });

    it('sends the owner to the portal after signing in', async () => {
      const client = pageClient(t);
      const page = await client.get('/signin?lang=en');
      const res = await client
        .post('/signin')
        .type('form')
        .send({
          _csrf: csrfIn(page.text),
          lang: 'en',
          email: partner.owner.email,
          password: partner.owner.password,
        })
        .expect(303);
      expect(res.headers.location).toBe('/partner?lang=en');
    });
  });

  describe('who may open the portal', () => {
    const pages = () => ['/partner', '/partner/outlets', '/partner/offers', `/partner/outlets/${outletId}`];

    it('sends a browser without a session to sign in, and refuses families and staff', async () => {
      await t.http
        .get('/partner/offers?lang=pl')
        .set('Accept', 'text/html')
        .expect(303)
        .expect('Location', '/signin?lang=pl');
      const family = await t.newUser('family');
      for (const path of pages()) {
        await t.http.get(path).auth(family.token, { type: 'bearer' }).expect(403);
        await t.http.get(path).auth(manager.token, { type: 'bearer' }).expect(403);
      }
    });

    it('lets the cashier read, not write', async () => {
      for (const path of pages()) await cashierClient.get(path).expect(200);
      const profile = await cashierClient.get('/partner?lang=en').expect(200);
      expect(profile.text).toContain('Only the owner’s account can change this.');
      expect(profile.text).not.toContain('action="/partner"');
      await cashierClient.get('/partner/outlets/new').expect(403);
      await cashierClient.get('/partner/offers/new').expect(403);
      const csrf = csrfIn(profile.text);
      await cashierClient.post('/partner').type('form').send({ _csrf: csrf, name: 'Taken over' }).expect(403);
      expect(
        (await t.dataSource.getRepository(PartnerEntity).findOneByOrFail({ id: partner.partnerId })).name,
      ).not.toBe('Taken over');
    });

    it('answers 404 for another partner’s outlet or offer', async () => {
      const theirs = await addOutlet(t, other.owner.token, other.partnerId);
      const offer = await t.http
        .post(`/api/v1/partners/${other.partnerId}/offers`)
        .auth(other.owner.token, { type: 'bearer' })
        .send(offerBody([theirs]))
        .expect(201);
      await owner.get(`/partner/outlets/${theirs}`).expect(404);
      await owner.get(`/partner/offers/${offer.body.id}`).expect(404);
      const csrf = csrfIn((await owner.get('/partner/outlets')).text);
      await owner
        .post(`/partner/outlets/${theirs}/remove`)
        .type('form')
        .send({ _csrf: csrf, confirm: 'yes' })
        .expect(404);
      expect(await t.dataSource.getRepository(OutletEntity).existsBy({ id: theirs })).toBe(true);
      await owner
        .post(`/partner/offers/${offer.body.id}/step`)
        .type('form')
        .send({ _csrf: csrf, step: 'end' })
        .expect(404);
      expect(
        (await t.dataSource.getRepository(OfferEntity).findOneByOrFail({ id: offer.body.id })).status,
      ).toBe('draft');
    });
  });

  describe('profile', () => {
    it('shows the status in words and the profile form, in English and Polish, under the strict CSP', async () => {
      const res = await owner.get('/partner?lang=en').expect(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(cspOf(res)['script-src']).toEqual(["'self'"]);
      expectNoInlineCode(res.text);
      expect(res.text).toContain('<strong>Approved</strong>');
      expect(res.text).toContain('<a href="/partner?lang&#x3D;en" aria-current="page">Profile</a>');
      expect(res.text).toContain('name="contactEmail"');
      expect(urlsIn(res.text)).toContain(`/partner/logo?_csrf=${csrfIn(res.text)}&lang=en`);
      const pl = await owner.get('/partner').set('Accept-Language', 'pl').expect(200);
      expect(pl.text).toContain('<html lang="pl">');
      expect(pl.text).toContain('<strong>Zatwierdzona</strong>');
      const pending = await signInWithForm(t, other.owner.email, other.owner.password);
      expect((await pending.get('/partner?lang=en').expect(200)).text).toContain(
        '<strong>Waiting for review</strong>',
      );
    });

    it('refuses a post without the session’s token and changes nothing', async () => {
      await owner.post('/partner').type('form').send({ name: 'Forged name' }).expect(403);
      expect(
        (await t.dataSource.getRepository(PartnerEntity).findOneByOrFail({ id: partner.partnerId })).name,
      ).not.toBe('Forged name');
    });

    it('shows a wrong field with a 400 and changes nothing', async () => {
      const page = await owner.get('/partner?lang=en');
      const before = await t.auditCount();
      const res = await owner
        .post('/partner')
        .type('form')
        .send({ ...profileForm(csrfIn(page.text)), website: 'not a website' })
        .expect(400);
      expect(res.text).toContain(
        '<a href="#website">Give the website as an address starting with http:// or https://.</a>',
      );
      expect(res.text).toMatch(
        /id="website"[^>]*aria-describedby="website-hint website-error" aria-invalid="true"/,
      );
      expect(await t.auditCount()).toBe(before);
    });

    it('saves the profile with the audit entry', async () => {
      const page = await owner.get('/partner?lang=en');
      const res = await owner
        .post('/partner')
        .type('form')
        .send({ ...profileForm(csrfIn(page.text)), contactPhone: '+48 600 100 200' })
        .expect(303);
      expect(res.headers.location).toBe('/partner?notice=saved&lang=en');
      const saved = await t.dataSource
        .getRepository(PartnerEntity)
        .findOneByOrFail({ id: partner.partnerId });
      expect(saved).toMatchObject({ contactPhone: '+48 600 100 200', website: null });
      expect(await audits('partner.update', partner.partnerId)).toBe(1);
      expect((await owner.get(res.headers.location)).text).toContain('Your changes are saved.');
    });

    it('uploads a PNG logo and refuses anything else at the field', async () => {
      const page = await owner.get('/partner?lang=en');
      const csrf = csrfIn(page.text);
      const bad = await owner
        .post(`/partner/logo?_csrf=${csrf}&lang=en`)
        .attach('logo', Buffer.from('GIF89a not a logo'), 'logo.gif')
        .expect(400);
      expect(bad.text).toContain('<a href="#logo">Choose a PNG or JPEG image');
      const huge = Buffer.concat([PNG, Buffer.alloc(600 * 1024)]);
      const tooLarge = await owner
        .post(`/partner/logo?_csrf=${csrf}&lang=pl`)
        .attach('logo', huge, 'logo.png')
        .expect(413);
      expect(tooLarge.text).toContain('Wybierz obraz PNG lub JPEG');
      await owner.post(`/partner/logo?_csrf=${csrf}`).attach('other', PNG, 'logo.png').expect(400);
      // A multipart body cut short is no file either: the same 400 page, not a 500 (found by fuzzing).
      await owner
        .post(`/partner/logo?_csrf=${csrf}`)
        .set('Content-Type', 'multipart/form-data; boundary=b')
        .send('--b\r\nContent-Disp')
        .expect(400);
      await owner.post('/partner/logo').attach('logo', PNG, 'logo.png').expect(403);
      expect(await audits('partner.logo', partner.partnerId)).toBe(0);
      const res = await owner
        .post(`/partner/logo?_csrf=${csrf}&lang=en`)
        .attach('logo', PNG, 'logo.png')
        .expect(303);
      expect(res.headers.location).toBe('/partner?notice=logo&lang=en');
      expect(await audits('partner.logo', partner.partnerId)).toBe(1);
      const shown = await owner.get(res.headers.location).expect(200);
      const src = urlsIn(shown.text).find((u) => u.startsWith(`/api/v1/partners/${partner.partnerId}/logo`));
      expect(src).toBeDefined();
      const logo = await owner.get(src!).expect(200);
      expect(logo.headers['content-type']).toBe('image/png');
    });
  });

  describe('outlets', () => {
    it('lists the outlets with links to each', async () => {
      const res = await owner.get('/partner/outlets?lang=en').expect(200);
      expectNoInlineCode(res.text);
      expect(res.text).toContain(
        `<a href="/partner/outlets/${outletId}?lang&#x3D;en">Kino Zamek – Stare Miasto</a>`,
      );
      expect(res.text).toContain('ul. Grodzka 1, 20-112 Lublin');
      const pl = await owner.get('/partner/outlets?lang=pl').expect(200);
      expect(pl.text).toContain('Dodaj placówkę');
    });

    it('shows wrong fields with a 400 and saves nothing', async () => {
      const page = await owner.get('/partner/outlets/new?lang=en').expect(200);
      const count = await t.dataSource.getRepository(OutletEntity).countBy({ partnerId: partner.partnerId });
      const res = await owner
        .post('/partner/outlets')
        .type('form')
        .send({ ...placeForm(csrfIn(page.text)), latitude: 'north', 'hours-tue': '9 till 5' })
        .expect(400);
      expect(res.text).toContain('<a href="#latitude">Give the latitude as a number');
      expect(res.text).toContain('<a href="#hours-tue">Write the hours like 09:00-17:00');
      expect(await t.dataSource.getRepository(OutletEntity).countBy({ partnerId: partner.partnerId })).toBe(
        count,
      );
    });

    it('adds, changes and removes an outlet, each audited', async () => {
      const page = await owner.get('/partner/outlets/new?lang=en').expect(200);
      const created = await owner
        .post('/partner/outlets')
        .type('form')
        .send(placeForm(csrfIn(page.text)))
        .expect(303);
      expect(created.headers.location).toBe('/partner/outlets?notice=created&lang=en');
      const outlet = await t.dataSource
        .getRepository(OutletEntity)
        .findOneByOrFail({ partnerId: partner.partnerId, name: 'Kino Zamek – Czechów' });
      expect(outlet.openingHours).toEqual({
        mon: [['09:00', '17:00']],
        sat: [
          ['10:00', '13:00'],
          ['14:00', '18:00'],
        ],
      });
      expect(outlet.latitude).toBeCloseTo(51.27);
      expect(await audits('outlet.create', outlet.id)).toBe(1);

      const edit = await owner.get(`/partner/outlets/${outlet.id}?lang=en`).expect(200);
      expect(edit.text).toContain('value="10:00-13:00, 14:00-18:00"');
      await owner
        .post(`/partner/outlets/${outlet.id}`)
        .type('form')
        .send({ ...placeForm(csrfIn(edit.text)), city: 'Świdnik' })
        .expect(303);
      expect((await t.dataSource.getRepository(OutletEntity).findOneByOrFail({ id: outlet.id })).city).toBe(
        'Świdnik',
      );
      expect(await audits('outlet.update', outlet.id)).toBe(1);

      const unconfirmed = await owner
        .post(`/partner/outlets/${outlet.id}/remove`)
        .type('form')
        .send({ _csrf: csrfIn(edit.text), lang: 'en' })
        .expect(400);
      expect(unconfirmed.text).toContain('Tick the box to confirm.');
      expect(await t.dataSource.getRepository(OutletEntity).existsBy({ id: outlet.id })).toBe(true);
      await owner
        .post(`/partner/outlets/${outlet.id}/remove`)
        .type('form')
        .send({ _csrf: csrfIn(edit.text), lang: 'en', confirm: 'yes' })
        .expect(303)
        .expect('Location', '/partner/outlets?notice=removed&lang=en');
      expect(await t.dataSource.getRepository(OutletEntity).existsBy({ id: outlet.id })).toBe(false);
      expect(await audits('outlet.delete', outlet.id)).toBe(1);
    });

    it('adds an online shop', async () => {
      const page = await owner.get('/partner/outlets/new?lang=en').expect(200);
      await owner
        .post('/partner/outlets')
        .type('form')
        .send({
          _csrf: csrfIn(page.text),
          lang: 'en',
          kind: 'online',
          name: 'Sklep internetowy',
          url: 'https://sklep.example.pl',
          discountCode: 'KDR10',
        })
        .expect(303);
      const shop = await t.dataSource
        .getRepository(OutletEntity)
        .findOneByOrFail({ partnerId: partner.partnerId, kind: 'online' });
      expect(shop).toMatchObject({ url: 'https://sklep.example.pl', discountCode: 'KDR10', latitude: null });
    });
  });

  describe('offers', () => {
    const editorForm = (csrf: string, overrides: Record<string, string | string[]> = {}) => ({
      _csrf: csrf,
      lang: 'en',
      'title-pl': 'Bilet rodzinny taniej',
      'description-pl': 'Dla całej rodziny',
      'title-en': 'Family ticket for less',
      benefitType: 'amount_off',
      amount: '15,50',
      scheduleKind: 'temporary',
      startsOn: '2030-06-01',
      endsOn: '2030-08-31',
      audienceKind: 'age_range',
      minAge: '6',
      maxAge: '',
      minFamilySize: '4',
      perCardPerDay: '1',
      outlets: [outletId],
      intent: 'save',
      ...overrides,
    });

    it('previews the offer with the catalogue’s own item, saving nothing', async () => {
      const page = await owner.get('/partner/offers/new?lang=en').expect(200);
      expectNoInlineCode(page.text);
      expect(page.text).toContain('<script type="module" src="/static/partner/offer-editor.js"></script>');
      const before = await t.dataSource.getRepository(OfferEntity).countBy({ partnerId: partner.partnerId });
      const res = await owner
        .post('/partner/offers/new')
        .type('form')
        .send(editorForm(csrfIn(page.text), { intent: 'preview' }))
        .expect(200);
      expectNoInlineCode(res.text);
      expect(res.text).toContain('Preview: how families will see it');
      expect(res.text).toContain(
        '<h3 id="offer-draft"><a href="#offer-preview">Family ticket for less</a></h3>',
      );
      expect(res.text).toMatch(/<p class="benefit">PLN\s15\.50 off<\/p>/);
      expect(res.text).toContain('From June 1, 2030');
      expect(res.text).toContain('Card holders aged 6 or over');
      expect(res.text).toContain('At least 4 people in the family');
      expect(res.text).toContain('value="15,50"');
      expect(await t.dataSource.getRepository(OfferEntity).countBy({ partnerId: partner.partnerId })).toBe(
        before,
      );
      const pl = await owner
        .post('/partner/offers/new')
        .type('form')
        .send(editorForm(csrfIn(page.text), { intent: 'preview', lang: 'pl' }))
        .expect(200);
      expect(pl.text).toContain('Podgląd: tak zobaczą ofertę rodziny');
      expect(pl.text).toContain('Bilet rodzinny taniej');
      expect(pl.text).toMatch(/<p class="benefit">−15,50\szł<\/p>/);
    });

    it('shows wrong fields with a 400 and saves nothing', async () => {
      const page = await owner.get('/partner/offers/new?lang=en').expect(200);
      const before = await t.dataSource.getRepository(OfferEntity).countBy({ partnerId: partner.partnerId });
      const res = await owner
        .post('/partner/offers/new')
        .type('form')
        .send(
          editorForm(csrfIn(page.text), {
            'title-pl': '',
            endsOn: '2030-05-01',
            minFamilySize: '2',
            outlets: [],
          }),
        )
        .expect(400);
      for (const field of ['title-pl', 'startsOn', 'minFamilySize', 'outlets'])
        expect(res.text).toContain(`<a href="#${field}">`);
      expect(res.text).not.toContain('Preview: how families will see it');
      expect(await t.dataSource.getRepository(OfferEntity).countBy({ partnerId: partner.partnerId })).toBe(
        before,
      );
    });

    it('saves a draft, edits it and takes it through its steps, each audited', async () => {
      const page = await owner.get('/partner/offers/new?lang=en').expect(200);
      const created = await owner
        .post('/partner/offers/new')
        .type('form')
        .send(editorForm(csrfIn(page.text)))
        .expect(303);
      const id = /^\/partner\/offers\/([0-9a-f-]{36})\?notice=created&lang=en$/.exec(
        created.headers.location,
      )![1];
      const offer = await t.dataSource.getRepository(OfferEntity).findOneByOrFail({ id });
      expect(offer).toMatchObject({
        status: 'draft',
        benefit: { type: 'amount_off', amount: 1550 },
        schedule: { kind: 'temporary', startsOn: '2030-06-01', endsOn: '2030-08-31' },
        audience: { kind: 'age_range', minAge: 6 },
        minFamilySize: 4,
        limits: { perCardPerDay: 1 },
      });
      expect(offer.texts).toEqual({
        pl: { title: 'Bilet rodzinny taniej', description: 'Dla całej rodziny' },
        en: { title: 'Family ticket for less' },
      });
      expect(await audits('offer.create', id)).toBe(1);

      const editor = await owner.get(created.headers.location).expect(200);
      expect(editor.text).toContain('Status: Draft');
      expect(editor.text).toContain('Preview: how families will see it');
      await owner
        .post(`/partner/offers/${id}`)
        .type('form')
        .send(editorForm(csrfIn(editor.text), { benefitType: 'percent', percent: '20', amount: '' }))
        .expect(303)
        .expect('Location', '/partner/offers?notice=saved&lang=en');
      expect((await t.dataSource.getRepository(OfferEntity).findOneByOrFail({ id })).benefit).toEqual({
        type: 'percent',
        percent: 20,
      });
      expect(await audits('offer.update', id)).toBe(1);

      const list = await owner.get('/partner/offers?lang=en').expect(200);
      expectNoInlineCode(list.text);
      expect(list.text).toContain('Family ticket for less');
      expect(list.text).toContain('June 1, 2030 to August 31, 2030');
      expect(list.text).toContain(
        'Submit for approval<span class="visually-hidden">: Family ticket for less</span>',
      );
      const csrf = csrfIn(list.text);
      // Pausing a draft is not a step the offer can take.
      await owner
        .post(`/partner/offers/${id}/step`)
        .type('form')
        .send({ _csrf: csrf, lang: 'en', step: 'pause' })
        .expect(409);
      await owner.post(`/partner/offers/${id}/step`).type('form').send({ step: 'submit' }).expect(403);
      expect((await t.dataSource.getRepository(OfferEntity).findOneByOrFail({ id })).status).toBe('draft');
      await owner
        .post(`/partner/offers/${id}/step`)
        .type('form')
        .send({ _csrf: csrf, lang: 'en', step: 'submit' })
        .expect(303)
        .expect('Location', '/partner/offers?notice=submitted&lang=en');
      expect((await t.dataSource.getRepository(OfferEntity).findOneByOrFail({ id })).status).toBe(
        'pending_approval',
      );
      expect(await audits('offer.submit', id)).toBe(1);
      const pl = await owner.get('/partner/offers?lang=pl').expect(200);
      expect(pl.text).toContain('Czeka na zatwierdzenie');
      // The cashier sees the offer, without the steps or the form.
      const seen = await cashierClient.get(`/partner/offers/${id}?lang=en`).expect(200);
      expect(seen.text).not.toContain('name="intent"');
      expect((await cashierClient.get('/partner/offers?lang=en')).text).not.toContain('name="step"');
      await cashierClient
        .post(`/partner/offers/${id}/step`)
        .type('form')
        .send({ _csrf: csrfIn(seen.text), step: 'end' })
        .expect(403);
    });
  });
});
