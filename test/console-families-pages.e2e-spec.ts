import type TestAgent from 'supertest/lib/agent';
import { AuditLogEntity } from '../src/audit/audit-log.entity';
import { CardEntity } from '../src/cards/card.entity';
import { formatCardNumber } from '../src/cards/card-number';
import { engine } from './support/databases';
import { Enrolled, enrolFamily } from './support/enrolment-factory';
import { cspOf, expectNoInlineCode, urlsIn } from './support/page-html';
import { csrfIn, signInWithForm } from './support/page-forms';
import { startApp, TestApp, TestUser } from './support/test-app';

// The staff console's family search, family page (members, applications, cards, history, card form) and card page.

describe(`staff console family and card pages (${engine})`, () => {
  let t: TestApp;
  let caseWorker: TestUser;
  let staff: TestAgent;
  let family: Enrolled;
  let number: string;

  const cardsOf = (familyId: string) =>
    t.dataSource.getRepository(CardEntity).find({ where: { familyId }, order: { createdAt: 'ASC' } });
  const cardOf = (id: string) => t.dataSource.getRepository(CardEntity).findOneByOrFail({ id });
  const auditOf = (entityId: string) =>
    t.dataSource.getRepository(AuditLogEntity).find({ where: { entityId }, order: { id: 'ASC' } });
  const familyPage = (lang = 'en') =>
    staff.get(`/console/families/${family.familyId}?lang=${lang}`).expect(200);
  /** Posts the family page's card form with the page's own CSRF token. */
  const post = async (fields: Record<string, string>) => {
    const page = await familyPage();
    return staff
      .post(`/console/families/${family.familyId}/cards`)
      .type('form')
      .send({ _csrf: csrfIn(page.text), lang: 'en', ...fields });
  };
  const search = async (q: string, lang = 'en') => {
    const form = await staff.get(`/console/families?lang=${lang}`).expect(200);
    return staff
      .post('/console/families')
      .type('form')
      .send({ _csrf: csrfIn(form.text), lang, q });
  };

  beforeAll(async () => {
    t = await startApp();
    caseWorker = await t.newUser('case_worker');
    family = await enrolFamily(t, caseWorker.token, 'Wiśniewska');
    number = (
      await t.http
        .get(`/api/v1/applications/${family.applicationId}`)
        .auth(caseWorker.token, { type: 'bearer' })
        .expect(200)
    ).body.number;
    staff = await signInWithForm(t, caseWorker.user.email, caseWorker.password);
  });
  afterAll(() => t.close());

  it('is for staff who work with families: others are refused and see no data', async () => {
    const own = await signInWithForm(t, family.family.user.email, family.family.password);
    for (const path of ['/console/families', `/console/families/${family.familyId}`]) {
      const res = await own.get(path).expect(403);
      expect(res.text).not.toContain('Wiśniewska');
    }
    for (const role of ['partner_manager', 'merchant_owner'] as const) {
      const user = await t.newUser(role);
      await t.http
        .get(`/console/families/${family.familyId}`)
        .auth(user.token, { type: 'bearer' })
        .expect(403);
      await t.http
        .post('/console/families')
        .auth(user.token, { type: 'bearer' })
        .type('form')
        .send({ q: 'Wi' })
        .expect(403);
    }
    await t.http
      .get('/console/families')
      .set('Accept', 'text/html')
      .expect(303)
      .expect('Location', '/signin');
    await t.http.get(`/console/families/${family.familyId}`).set('Accept', 'text/html').expect(303);
    // A family that is not there, and a card that is not there.
    await staff.get('/console/families/0190d0a4-51f2-7c3b-8a9e-2b3c4d5e6f70').expect(404);
    await staff.get('/console/cards/0190d0a4-51f2-7c3b-8a9e-2b3c4d5e6f70').expect(404);
    await staff.get('/console/families/not-a-uuid').expect(400);
  });

  it('searches by last name with a POST (nothing in the URL), in English and Polish, under the strict CSP', async () => {
    const form = await staff.get('/console/families?lang=en').expect(200);
    expect(form.headers['cache-control']).toBe('no-store');
    expect(cspOf(form)['script-src']).toEqual(["'self'"]);
    expectNoInlineCode(form.text);
    expect(form.text).toContain('<form method="post" action="/console/families"');
    expect(form.text).toContain(
      '<a href="/console/families?lang&#x3D;en" aria-current="page">Families and cards</a>',
    );
    const res = await search('wiśniewska');
    expect(res.status).toBe(200);
    expect(cspOf(res)['script-src']).toEqual(["'self'"]);
    expect(res.text).toContain('1 family found.');
    expect(res.text).toContain(
      `<a href="/console/families/${family.familyId}?lang&#x3D;en">Wiśniewska</a></th><td>5</td>`,
    );
    for (const url of urlsIn(res.text)) expect(url).not.toMatch(/wi[sś]niewska/i);
    const pl = await search('Wiśniewska', 'pl');
    expect(pl.text).toContain('<html lang="pl">');
    expect(pl.text).toContain('Znaleziono 1 rodzinę.');
    const none = await search('Nobody-Here');
    expect(none.text).toContain('No family matches “Nobody-Here”.');
  });

  it('finds the family by a card number (as printed, with spaces) and by the application number', async () => {
    const [card] = await cardsOf(family.familyId);
    for (const q of [formatCardNumber(card.number), number]) {
      const res = await search(q);
      expect(res.status).toBe(200);
      expect(urlsIn(res.text)).toContain(`/console/families/${family.familyId}?lang=en`);
    }
  });

  it('gives the search back with the error at its field, and refuses it without the CSRF token', async () => {
    const res = await search(' ');
    expect(res.status).toBe(400);
    expect(res.text).toContain('<a href="#q">Enter a last name, a card number or an application number.</a>');
    expect(res.text).toMatch(
      /<input id="q" name="q" type="search" value="" autocomplete="off" aria-describedby="q-hint q-error" aria-invalid="true">/,
    );
    await staff.post('/console/families').type('form').send({ q: 'Wiśniewska' }).expect(403);
  });

  it('shows the family: members without their ID numbers, applications, cards and history', async () => {
    const res = await familyPage();
    expectNoInlineCode(res.text);
    expect(res.text).toContain('<h1>Family Wiśniewska</h1>');
    for (const m of family.members) {
      expect(res.text).toContain(`<th scope="row">${m.firstName} ${m.lastName}</th>`);
      expect(res.text).not.toContain(m.nationalId!);
      expect(res.text).not.toContain(m.nationalId!.slice(-3) + '<');
    }
    expect(res.text).toContain('<td>On file</td>');
    expect(res.text).toContain(`>${number}</a></th><td>New family</td><td>Approved</td>`);
    const cards = await cardsOf(family.familyId);
    expect(cards).toHaveLength(5);
    for (const c of cards) expect(urlsIn(res.text)).toContain(`/console/cards/${c.id}?lang=en`);
    expect(res.text).toContain('Card issued');
    expect(res.text).toContain('Application approved');
    expect(res.text).toContain('<td>Meets the rules</td>');
    expect(res.text).toContain(`Application ${number}`);
    expect(res.text).toContain('name="_csrf"');
    const pl = await familyPage('pl');
    expect(pl.text).toContain('<h1>Rodzina Wiśniewska</h1>');
    expect(pl.text).toContain('Wydano kartę');
    expect(pl.text).toContain('<label for="action-suspend">Zawieś</label>');
  });

  it('shows an auditor the family without the card form, and refuses their card changes', async () => {
    const auditor = await t.newUser('auditor');
    const res = await t.http
      .get(`/console/families/${family.familyId}?lang=en`)
      .auth(auditor.token, { type: 'bearer' })
      .expect(200);
    expect(res.text).not.toContain('name="action"');
    expect(res.text).toContain('changing its cards is for case workers and administrators');
    const [card] = await cardsOf(family.familyId);
    await t.http
      .post(`/console/families/${family.familyId}/cards`)
      .auth(auditor.token, { type: 'bearer' })
      .type('form')
      .send({ card: card.id, action: 'suspend' })
      .expect(403);
    expect((await cardOf(card.id)).status).toBe('active');
  });

  it('refuses a card change posted without the CSRF token: nothing changes', async () => {
    const [card] = await cardsOf(family.familyId);
    const audit = await t.auditCount();
    const res = await staff
      .post(`/console/families/${family.familyId}/cards`)
      .type('form')
      .send({ card: card.id, action: 'suspend' });
    expect(res.status).toBe(403);
    expect((await cardOf(card.id)).status).toBe('active');
    expect(await t.auditCount()).toBe(audit);
  });

  it('gives the form back with errors at their fields, changing nothing', async () => {
    const [card] = await cardsOf(family.familyId);
    const audit = await t.auditCount();
    const res = await post({ card: card.id, action: 'revoke', reason: 'stolen' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('<a href="#reason">Choose a reason listed under the step you chose.</a>');
    expect(res.text).toMatch(
      /<select id="reason" name="reason" aria-describedby="reason-hint reason-error" aria-invalid="true">/,
    );
    expect(res.text).toMatch(/<input type="radio" id="action-revoke" name="action" value="revoke" checked>/);
    const noCard = await post({ action: 'suspend' });
    expect(noCard.status).toBe(400);
    expect(noCard.text).toContain(
      '<p id="card-error" class="field-error">Choose one of the family&#x27;s cards.</p>',
    );
    expect((await cardOf(card.id)).status).toBe('active');
    expect(await t.auditCount()).toBe(audit);
  });

  it('suspends and resumes a card: the database changes, the audit log has it, the page says so', async () => {
    const [card] = await cardsOf(family.familyId);
    const res = await post({ card: card.id, action: 'suspend', note: 'Reported by the school' });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/console/families/${family.familyId}?notice=suspend&lang=en`);
    expect((await cardOf(card.id)).status).toBe('suspended');
    const entry = (await auditOf(card.id)).at(-1)!;
    expect(entry).toMatchObject({ action: 'card.suspended', actorId: caseWorker.user.id });
    expect(entry.summary).toMatchObject({ note: 'Reported by the school' });
    const page = await staff.get(res.headers.location).expect(200);
    expect(page.text).toContain('<p class="notice" role="status">The card was suspended.</p>');
    expect(page.text).toContain('Card suspended');
    expect(page.text).toContain('Reported by the school');
    // A suspended card cannot be suspended again: the service says 409 and the page says why.
    const again = await post({ card: card.id, action: 'suspend' });
    expect(again.status).toBe(409);
    expect(again.text).toContain('This card cannot take that step now');
    expect((await post({ card: card.id, action: 'resume' })).status).toBe(303);
    expect((await cardOf(card.id)).status).toBe('active');
    expect((await auditOf(card.id)).at(-1)!.action).toBe('card.resumed');
  });

  it('revokes a card with its reason', async () => {
    const card = (await cardsOf(family.familyId))[1];
    const res = await post({ card: card.id, action: 'revoke', reason: 'lost_authority' });
    expect(res.status).toBe(303);
    expect(await cardOf(card.id)).toMatchObject({ status: 'revoked', statusReason: 'lost_authority' });
    expect((await auditOf(card.id)).at(-1)).toMatchObject({ action: 'card.revoked' });
    const page = await staff.get(`/console/cards/${card.id}?lang=en`).expect(200);
    expect(page.text).toContain('Loss of parental authority');
    expect(page.text).toContain('Card revoked');
  });

  it('replaces a lost card with the fee waived, and the card page links to the new card', async () => {
    const token = await t.adminToken();
    const programme = (await t.http.get('/api/v1/programmes').auth(token, { type: 'bearer' }).expect(200))
      .body;
    const id = (Array.isArray(programme) ? programme : programme.items)[0].id;
    await t.http
      .patch(`/api/v1/programmes/${id}`)
      .auth(token, { type: 'bearer' })
      .send({ duplicateCardFee: 1500 })
      .expect(200);
    const form = await familyPage();
    expect(form.text).toMatch(/<label for="waiveFee">Waive the duplicate card fee \(PLN\s15\.00\)<\/label>/);
    const card = (await cardsOf(family.familyId))[2];
    const res = await post({ card: card.id, action: 'report-lost', reason: 'stolen', waiveFee: 'yes' });
    expect(res.status).toBe(303);
    const old = await cardOf(card.id);
    expect(old).toMatchObject({ status: 'replaced', statusReason: 'stolen' });
    expect(await cardOf(old.replacedById!)).toMatchObject({
      status: 'active',
      feeAmount: 1500,
      feeWaived: true,
    });
    expect((await auditOf(card.id)).at(-1)).toMatchObject({ action: 'card.replaced' });
    const page = await staff.get(`/console/cards/${card.id}?lang=pl`).expect(200);
    expect(page.text).toContain('<html lang="pl">');
    expect(urlsIn(page.text)).toContain(`/console/cards/${old.replacedById}?lang=pl`);
    expect(page.text).toContain('Wymieniono kartę');
    const replacement = await staff.get(`/console/cards/${old.replacedById}?lang=en`).expect(200);
    expect(replacement.text).toMatch(/PLN\s15\.00, waived/);
  });

  it('documents its routes as pages: HTML answers, staff auth, errors as pages or problem+json', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body;
    const ops = [
      ['get', '/console/families', '200'],
      ['post', '/console/families', '200'],
      ['get', '/console/families/{id}', '200'],
      ['post', '/console/families/{id}/cards', '303'],
      ['get', '/console/cards/{id}', '200'],
    ];
    for (const [method, path, success] of ops) {
      const op = doc.paths[path]?.[method];
      expect({ path, method, tags: op?.tags }).toEqual({ path, method, tags: ['web'] });
      const codes = Object.keys(op.responses);
      expect(codes).toEqual(expect.arrayContaining([success, '401', '403']));
      expect(codes.filter((c) => c.startsWith('2') || c === '303')).toEqual([success]);
      for (const code of codes.filter((c) => /^[45]/.test(c))) {
        const content = op.responses[code].content ?? {};
        expect({ path, code, documented: 'text/html' in content || 'application/json' in content }).toEqual({
          path,
          code,
          documented: true,
        });
      }
    }
  });
});
