import type TestAgent from 'supertest/lib/agent';
import { engine } from './support/databases';
import { csrfIn, signInWithForm } from './support/page-forms';
import { cspOf, expectNoInlineCode, urlsIn } from './support/page-html';
import {
  addOutlet,
  approvedPartner,
  offerBody,
  registerPartner,
  RegisteredPartner,
} from './support/partner-factory';
import { startApp, TestApp, TestUser } from './support/test-app';

// The staff console's partner approvals (/console/partners) and offer moderation (/console/offers).

describe(`staff console partner and offer pages (${engine})`, () => {
  let t: TestApp;
  let manager: TestUser;
  let staff: TestAgent;
  let pending: RegisteredPartner;

  const partnerOf = async (id: string) =>
    (await t.http.get(`/api/v1/partners/${id}`).auth(manager.token, { type: 'bearer' }).expect(200)).body;
  const offerOf = async (partnerId: string, id: string) =>
    (
      await t.http
        .get(`/api/v1/partners/${partnerId}/offers/${id}`)
        .auth(manager.token, { type: 'bearer' })
        .expect(200)
    ).body;
  const auditOf = async (entityId: string) =>
    (
      await t.http
        .get(`/api/v1/audit?entityId=${entityId}`)
        .auth(await t.adminToken(), { type: 'bearer' })
        .expect(200)
    ).body.items as { action: string; summary: Record<string, unknown> }[];

  const outlets = new Map<string, string>();
  /** An offer the partner's owner wrote and sent for approval, at the partner's one outlet. */
  async function submittedOffer(partner: RegisteredPartner, title: string): Promise<string> {
    const outlet =
      outlets.get(partner.partnerId) ?? (await addOutlet(t, partner.owner.token, partner.partnerId));
    outlets.set(partner.partnerId, outlet);
    const url = `/api/v1/partners/${partner.partnerId}/offers`;
    const created = await t.http
      .post(url)
      .auth(partner.owner.token, { type: 'bearer' })
      .send(
        offerBody([outlet], {
          texts: { pl: { title: `${title} PL`, terms: 'Tylko w weekendy' }, en: { title } },
          limits: { perCardPerDay: 1 },
          audience: { kind: 'children' },
        }),
      )
      .expect(201);
    await t.http
      .post(`${url}/${created.body.id}/submit`)
      .auth(partner.owner.token, { type: 'bearer' })
      .send({})
      .expect(200);
    return created.body.id as string;
  }

  beforeAll(async () => {
    t = await startApp();
    manager = await t.newUser('partner_manager');
    pending = await registerPartner(t, { name: 'Kino Zamek Oczekujące' });
    staff = await signInWithForm(t, manager.user.email, manager.password);
  });
  afterAll(() => t.close());

  it('is for staff: others are refused or sent to sign in, and see no partner data', async () => {
    const owner = await signInWithForm(t, pending.owner.email, pending.owner.password);
    for (const path of ['/console/partners', `/console/partners/${pending.partnerId}`, '/console/offers']) {
      const res = await owner.get(path).expect(403);
      expect(res.text).not.toContain('Oczekujące');
    }
    const family = await t.newUser('family');
    await t.http.get('/console/offers').auth(family.token, { type: 'bearer' }).expect(403);
    for (const path of ['/console/partners', '/console/offers'])
      await t.http.get(path).set('Accept', 'text/html').expect(303).expect('Location', '/signin');
    // Staff readers open the pages; an unknown partner or offer is a 404.
    for (const role of ['case_worker', 'auditor', 'admin'] as const) {
      const reader = await t.newUser(role);
      await t.http.get('/console/partners').auth(reader.token, { type: 'bearer' }).expect(200);
      await t.http.get('/console/offers').auth(reader.token, { type: 'bearer' }).expect(200);
    }
    await staff.get('/console/partners/0190c7c4-0000-7000-8000-000000000000').expect(404);
    await staff.get('/console/offers/0190c7c4-0000-7000-8000-000000000000').expect(404);
  });

  it('lists pending partners first, searches by name and pages, in English and Polish under the strict CSP', async () => {
    const approved = await approvedPartner(t, manager.token, { name: 'Basen Zatwierdzony' });
    const res = await staff.get('/console/partners?lang=en').expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(cspOf(res)['script-src']).toEqual(["'self'"]);
    expectNoInlineCode(res.text);
    expect(res.text).toContain('<html lang="en">');
    expect(res.text).toContain('Kino Zamek Oczekujące');
    expect(res.text).not.toContain('Basen Zatwierdzony');
    expect(res.text).toContain('<option value="pending" selected>Waiting for approval</option>');
    expect(urlsIn(res.text)).toContain(`/console/partners/${pending.partnerId}?lang=en`);
    expect(res.text).toMatch(/<a href="\/console\/partners\?lang&#x3D;en" aria-current="page">Partners<\/a>/);

    const all = await staff.get('/console/partners?status=all&q=basen%20zatw&lang=en').expect(200);
    expect(all.text).toContain('Basen Zatwierdzony');
    expect(all.text).not.toContain('Kino Zamek Oczekujące');
    expect(all.text).toContain('1 partner found');
    expect(urlsIn(all.text)).toContain(`/console/partners/${approved.partnerId}?lang=en`);

    const pl = await staff.get('/console/partners').set('Accept-Language', 'pl').expect(200);
    expect(pl.text).toContain('<html lang="pl">');
    expect(pl.text).toContain('Czeka na zatwierdzenie');
    expect(pl.text).toContain('Nazwa lub NIP');

    for (let i = 0; i < 21; i++) await registerPartner(t, { name: `Sklep Kolejka ${i}` });
    const first = await staff.get('/console/partners?q=kolejka&lang=en').expect(200);
    expect(first.text).toContain('Page 1 of 2');
    expect(urlsIn(first.text)).toContain('/console/partners?status=pending&q=kolejka&page=2&lang=en');
    const second = await staff.get('/console/partners?status=pending&q=kolejka&page=2&lang=en').expect(200);
    expect(second.text).toContain('Page 2 of 2');
    expect((second.text.match(/Sklep Kolejka/g) ?? []).length).toBe(1);
    await staff.get('/console/partners?status=nonsense').expect(400);
  });

  it('shows a partner’s profile, agreement, outlets, offers, accounts and history, with its decision forms', async () => {
    const offerId = await submittedOffer(pending, 'Family Sunday');
    const res = await staff.get(`/console/partners/${pending.partnerId}?lang=en`).expect(200);
    expectNoInlineCode(res.text);
    expect(res.text).toContain('<h1>Kino Zamek Oczekujące</h1>');
    expect(res.text).toContain(pending.body.taxNumber as string);
    expect(res.text).toMatch(/Version 1\.0, accepted /);
    expect(res.text).toContain('Kino Zamek – Stare Miasto');
    expect(urlsIn(res.text)).toContain(`/console/offers/${offerId}?lang=en`);
    expect(res.text).toContain('Family Sunday');
    // Accounts by name and role, never their e-mail addresses.
    expect(res.text).toMatch(/<th scope="row">Ewa Nowak<\/th><td>Owner<\/td><td>Active<\/td>/);
    expect(res.text).not.toContain(pending.owner.email);
    expect(res.text).toMatch(/<td>Registered<\/td>/);
    // Pending: approve, reject or end; not suspend or reinstate.
    for (const action of ['approve', 'reject', 'end'])
      expect(res.text).toContain(`action="/console/partners/${pending.partnerId}/${action}"`);
    for (const action of ['suspend', 'reinstate'])
      expect(res.text).not.toContain(`/console/partners/${pending.partnerId}/${action}"`);
    expect(res.text).toContain('name="_csrf"');
    const pl = await staff.get(`/console/partners/${pending.partnerId}?lang=pl`).expect(200);
    expect(pl.text).toContain('<button type="submit" class="primary">Zatwierdź</button>');
    expect(pl.text).toContain('Historia');
  });

  it('shows case workers and auditors the partner without forms, and refuses their decisions', async () => {
    for (const role of ['case_worker', 'auditor'] as const) {
      const reader = await t.newUser(role);
      const res = await t.http
        .get(`/console/partners/${pending.partnerId}`)
        .auth(reader.token, { type: 'bearer' })
        .expect(200);
      expect(res.text).toContain('Kino Zamek Oczekujące');
      expect(res.text).not.toContain(`/console/partners/${pending.partnerId}/approve`);
      await t.http
        .post(`/console/partners/${pending.partnerId}/approve`)
        .auth(reader.token, { type: 'bearer' })
        .type('form')
        .send({})
        .expect(403);
    }
    expect((await partnerOf(pending.partnerId)).status).toBe('pending');
  });

  it('refuses a decision posted without the CSRF token: nothing changes', async () => {
    const audit = await t.auditCount();
    const res = await staff.post(`/console/partners/${pending.partnerId}/approve`).type('form').send({});
    expect(res.status).toBe(403);
    expect((await partnerOf(pending.partnerId)).status).toBe('pending');
    expect(await t.auditCount()).toBe(audit);
  });

  it('gives a reject without a reason back with the error at its field, and changes nothing', async () => {
    const audit = await t.auditCount();
    const page = await staff.get(`/console/partners/${pending.partnerId}?lang=en`).expect(200);
    const res = await staff
      .post(`/console/partners/${pending.partnerId}/reject`)
      .type('form')
      .send({ _csrf: csrfIn(page.text), lang: 'en', reason: '   ' })
      .expect(400);
    expect(res.text).toContain('<a href="#reject-reason">Give the reason.</a>');
    expect(res.text).toContain('<p id="reject-reason-error" class="field-error">Give the reason.</p>');
    expect(res.text).toMatch(
      /<textarea id="reject-reason" name="reason"[^>]* aria-describedby="reject-reason-hint reject-reason-error" aria-invalid="true">/,
    );
    expect(cspOf(res)['script-src']).toEqual(["'self'"]);
    const long = await staff
      .post(`/console/partners/${pending.partnerId}/reject`)
      .type('form')
      .send({ _csrf: csrfIn(page.text), lang: 'pl', reason: 'x'.repeat(501) })
      .expect(400);
    expect(long.text).toContain('Skróć powód do 500 znaków.');
    expect((await partnerOf(pending.partnerId)).status).toBe('pending');
    expect(await t.auditCount()).toBe(audit);
    await staff
      .post(`/console/partners/${pending.partnerId}/promote`)
      .type('form')
      .send({ _csrf: csrfIn(page.text) })
      .expect(404);
  });

  it('approves, suspends with a reason and reinstates: the partner changes, each step audited as by the API', async () => {
    const page = await staff.get(`/console/partners/${pending.partnerId}?lang=en`).expect(200);
    const csrf = csrfIn(page.text);
    await staff
      .post(`/console/partners/${pending.partnerId}/approve`)
      .type('form')
      .send({ _csrf: csrf, lang: 'en' })
      .expect(303)
      .expect('Location', `/console/partners/${pending.partnerId}?notice=approve&lang=en`);
    expect((await partnerOf(pending.partnerId)).status).toBe('approved');
    const shown = await staff
      .get(`/console/partners/${pending.partnerId}?notice=approve&lang=en`)
      .expect(200);
    expect(shown.text).toContain('<p class="notice" role="status">The partner was approved.</p>');
    expect(shown.text).toContain(`action="/console/partners/${pending.partnerId}/suspend"`);
    expect(shown.text).not.toContain(`action="/console/partners/${pending.partnerId}/approve"`);
    // Approving again is not allowed from "approved": the page says so with a 409 and nothing changes.
    const audit = await t.auditCount();
    const twice = await staff
      .post(`/console/partners/${pending.partnerId}/approve`)
      .type('form')
      .send({ _csrf: csrf, lang: 'en' })
      .expect(409);
    expect(twice.text).toContain('The partner’s status does not allow this decision now');
    expect(await t.auditCount()).toBe(audit);

    await staff
      .post(`/console/partners/${pending.partnerId}/suspend`)
      .type('form')
      .send({ _csrf: csrf, lang: 'en', reason: 'Complaints from families' })
      .expect(303);
    const suspended = await partnerOf(pending.partnerId);
    expect(suspended).toMatchObject({ status: 'suspended', statusReason: 'Complaints from families' });
    await staff
      .post(`/console/partners/${pending.partnerId}/reinstate`)
      .type('form')
      .send({ _csrf: csrf, lang: 'en' })
      .expect(303);
    expect((await partnerOf(pending.partnerId)).status).toBe('approved');

    const entries = await auditOf(pending.partnerId);
    expect(entries.map((e) => e.action).slice(0, 3)).toEqual([
      'partner.reinstate',
      'partner.suspend',
      'partner.approve',
    ]);
    expect(entries[1].summary).toMatchObject({
      from: 'approved',
      to: 'suspended',
      reason: 'Complaints from families',
    });
    const history = await staff.get(`/console/partners/${pending.partnerId}?lang=en`).expect(200);
    expect(history.text).toContain('Reason: Complaints from families');
    expect(history.text.indexOf('<td>Reinstated</td>')).toBeLessThan(
      history.text.indexOf('<td>Suspended</td>'),
    );
  });

  it('ends a partnership: its offers end and its accounts are disabled, as the service does', async () => {
    const partner = await approvedPartner(t, manager.token, { name: 'Sala Zabaw Koniec' });
    const offerId = await submittedOffer(partner, 'Soft play');
    const page = await staff.get(`/console/partners/${partner.partnerId}?lang=en`).expect(200);
    await staff
      .post(`/console/partners/${partner.partnerId}/end`)
      .type('form')
      .send({ _csrf: csrfIn(page.text), lang: 'en', reason: 'The business closed' })
      .expect(303);
    expect(await partnerOf(partner.partnerId)).toMatchObject({ status: 'ended' });
    expect((await offerOf(partner.partnerId, offerId)).status).toBe('ended');
    const after = await staff.get(`/console/partners/${partner.partnerId}?lang=en`).expect(200);
    expect(after.text).toMatch(/<th scope="row">Ewa Nowak<\/th><td>Owner<\/td><td>Disabled<\/td>/);
    expect(after.text).not.toContain('name="reason"');
    expect((await auditOf(partner.partnerId))[0]).toMatchObject({ action: 'partner.end' });
  });

  describe('offer moderation', () => {
    let partner: RegisteredPartner;
    let offerId: string;

    beforeAll(async () => {
      partner = await approvedPartner(t, manager.token, { name: 'Muzeum Wsi' });
      offerId = await submittedOffer(partner, 'Free entry for children');
    });

    it('lists waiting offers oldest first, in English and Polish', async () => {
      const later = await submittedOffer(partner, 'Later offer');
      const res = await staff.get('/console/offers?lang=en').expect(200);
      expectNoInlineCode(res.text);
      expect(cspOf(res)['script-src']).toEqual(["'self'"]);
      expect(urlsIn(res.text)).toContain(`/console/offers/${offerId}?lang=en`);
      expect(res.text).toContain('Muzeum Wsi');
      expect(res.text.indexOf('Free entry for children')).toBeLessThan(res.text.indexOf('Later offer'));
      expect(res.text).toMatch(
        /<a href="\/console\/offers\?lang&#x3D;en" aria-current="page">Offer moderation<\/a>/,
      );
      const pl = await staff.get('/console/offers?lang=pl').expect(200);
      expect(pl.text).toContain('Moderacja ofert');
      expect(pl.text).toContain('Free entry for children PL');
      expect(urlsIn(pl.text)).toContain(`/console/offers/${later}?lang=pl`);
    });

    it('shows the offer as families will see it, with its details and the decision forms', async () => {
      const res = await staff.get(`/console/offers/${offerId}?lang=en`).expect(200);
      expectNoInlineCode(res.text);
      expect(res.text).toContain('<li class="offer">');
      expect(res.text).toContain('<p class="benefit">−10%</p>');
      expect(res.text).toContain('Children');
      expect(res.text).toContain('Per card per day: 1');
      expect(res.text).toContain('Always, with no end date');
      expect(res.text).toContain('Kino Zamek – Stare Miasto');
      expect(res.text).toContain(`action="/console/offers/${offerId}/approve"`);
      expect(res.text).toContain(`action="/console/offers/${offerId}/reject"`);
      const pl = await staff.get(`/console/offers/${offerId}?lang=pl`).expect(200);
      expect(pl.text).toContain('Tak zobaczą ją rodziny');
      expect(pl.text).toContain('Tylko w weekendy');
      expect(pl.text).toContain('Na kartę dziennie: 1');
      const auditor = await t.newUser('auditor');
      const read = await t.http
        .get(`/console/offers/${offerId}`)
        .auth(auditor.token, { type: 'bearer' })
        .expect(200);
      expect(read.text).not.toContain('/approve"');
      await t.http
        .post(`/console/offers/${offerId}/approve`)
        .auth(auditor.token, { type: 'bearer' })
        .type('form')
        .send({})
        .expect(403);
    });

    it('refuses a post without the CSRF token, and a send-back without a reason; nothing changes', async () => {
      const audit = await t.auditCount();
      await staff.post(`/console/offers/${offerId}/approve`).type('form').send({}).expect(403);
      const page = await staff.get(`/console/offers/${offerId}?lang=en`).expect(200);
      const res = await staff
        .post(`/console/offers/${offerId}/reject`)
        .type('form')
        .send({ _csrf: csrfIn(page.text), lang: 'en', reason: '' })
        .expect(400);
      expect(res.text).toContain('<a href="#reject-reason">Give the reason: the partner reads it.</a>');
      expect(res.text).toContain(
        'aria-describedby="reject-reason-hint reject-reason-error" aria-invalid="true"',
      );
      expect((await offerOf(partner.partnerId, offerId)).status).toBe('pending_approval');
      expect(await t.auditCount()).toBe(audit);
    });

    it('sends an offer back with a reason, and approves another: both changed and audited', async () => {
      const page = await staff.get(`/console/offers/${offerId}?lang=en`).expect(200);
      await staff
        .post(`/console/offers/${offerId}/reject`)
        .type('form')
        .send({ _csrf: csrfIn(page.text), lang: 'en', reason: 'Say which days it holds' })
        .expect(303)
        .expect('Location', '/console/offers?notice=reject&lang=en');
      expect(await offerOf(partner.partnerId, offerId)).toMatchObject({
        status: 'draft',
        statusReason: 'Say which days it holds',
      });
      expect((await auditOf(offerId))[0]).toMatchObject({
        action: 'offer.reject',
        summary: { from: 'pending_approval', to: 'draft', reason: 'Say which days it holds' },
      });
      const queue = await staff.get('/console/offers?notice=reject&lang=en').expect(200);
      expect(queue.text).toContain('The offer was sent back to the partner.');
      expect(queue.text).not.toContain(`/console/offers/${offerId}`);

      const other = await submittedOffer(partner, 'Guided tour');
      await staff
        .post(`/console/offers/${other}/approve`)
        .type('form')
        .send({ _csrf: csrfIn(page.text), lang: 'en' })
        .expect(303);
      expect((await offerOf(partner.partnerId, other)).status).toBe('published');
      expect((await auditOf(other))[0]).toMatchObject({ action: 'offer.approve' });
    });

    it('says so when the partner is not approved, and publishes nothing', async () => {
      const waiting = await registerPartner(t, { name: 'Teatr Czeka' });
      const offer = await submittedOffer(waiting, 'Theatre matinee');
      const page = await staff.get(`/console/offers/${offer}?lang=en`).expect(200);
      const res = await staff
        .post(`/console/offers/${offer}/approve`)
        .type('form')
        .send({ _csrf: csrfIn(page.text), lang: 'en' })
        .expect(409);
      expect(res.text).toContain('The partner is not approved, so its offers cannot be published yet.');
      expect((await offerOf(waiting.partnerId, offer)).status).toBe('pending_approval');
    });
  });
});
