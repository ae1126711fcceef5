import type TestAgent from 'supertest/lib/agent';
import { engine } from './support/databases';
import { enrolFamily, Enrolled } from './support/enrolment-factory';
import { cspOf, expectNoInlineCode, urlsIn } from './support/page-html';
import { csrfIn, signInWithForm } from './support/page-forms';
import { startApp, TestApp } from './support/test-app';

// The family account page as the server sends it, and its lost-card form.

interface Card {
  id: string;
  number: string;
  holderName: string;
  status: string;
}

describe(`family account page (${engine})`, () => {
  let t: TestApp;
  let enrolled: Enrolled;
  let client: TestAgent;
  let cards: Card[];

  beforeAll(async () => {
    t = await startApp();
    const caseWorker = await t.newUser('case_worker');
    enrolled = await enrolFamily(t, caseWorker.token, 'Zielińska');
    client = await signInWithForm(t, enrolled.family.user.email, enrolled.family.password);
    cards = (
      await t.http
        .get('/api/v1/families/mine/cards')
        .auth(enrolled.family.token, { type: 'bearer' })
        .expect(200)
    ).body;
  });
  afterAll(() => t.close());

  it('is private: a browser without a session goes to sign in; other roles are refused', async () => {
    await t.http
      .get('/account?lang=pl')
      .set('Accept', 'text/html')
      .expect(303)
      .expect('Location', '/signin?lang=pl');
    const merchant = await t.newUser('merchant_owner');
    await t.http.get('/account').auth(merchant.token, { type: 'bearer' }).expect(403);
  });

  it('shows the application’s timeline and the cards with their numbers masked, under the strict CSP', async () => {
    const res = await client.get('/account?lang=en').expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(cspOf(res)['script-src']).toEqual(["'self'"]);
    expectNoInlineCode(res.text);
    expect(res.text).toMatch(/New family: <strong>Approved<\/strong>/);
    expect(res.text).toMatch(/<time datetime="[^"]+">[^<]+<\/time>: Sent/);
    expect(cards.length).toBe(enrolled.members.length);
    for (const card of cards) {
      expect(res.text).toContain(
        `<th scope="row">${card.holderName}</th><td>•••• ${card.number.slice(-4)}</td>`,
      );
      expect(res.text).not.toContain(card.number);
      expect(urlsIn(res.text)).toContain(`/api/v1/cards/${card.id}/pdf?language=en`);
    }
    expect(urlsIn(res.text)).toEqual(
      expect.arrayContaining([
        `/api/v1/families/${enrolled.familyId}/cards/pdf?language=en`,
        '/family/wallet?lang=en',
        '/api/v1/families/mine/export',
      ]),
    );
  });

  it('speaks Polish', async () => {
    const res = await client.get('/account').set('Accept-Language', 'pl').expect(200);
    expect(res.text).toContain('<html lang="pl">');
    expect(res.text).toContain('Konto rodziny');
  });

  it('downloads a card PDF and the family’s data with the session cookie', async () => {
    const pdf = await client.get(`/api/v1/cards/${cards[0].id}/pdf?language=en`).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const data = await client.get('/api/v1/families/mine/export').expect(200);
    expect(data.headers['content-disposition']).toMatch(/^attachment; filename="family-data-/);
  });

  it('reports a lost card only with the CSRF token, the confirmation and a reason', async () => {
    const page = await client.get('/account?lang=en');
    const form = { card: cards[2].id, reason: 'lost', confirm: 'yes', lang: 'en' };
    await client.post('/account/lost-card').type('form').send(form).expect(403);

    const unconfirmed = await client
      .post('/account/lost-card')
      .type('form')
      .send({ ...form, confirm: '', reason: '', _csrf: csrfIn(page.text) })
      .expect(400);
    expect(unconfirmed.text).toContain('<a href="#reason">Choose what happened.</a>');
    expect(unconfirmed.text).toContain(
      '<p id="confirm-error" class="field-error">Confirm to report the card.</p>',
    );
    expect(unconfirmed.text).toMatch(/id="confirm"[^>]*aria-describedby="confirm-error" aria-invalid="true"/);

    const res = await client
      .post('/account/lost-card')
      .type('form')
      .send({ ...form, _csrf: csrfIn(page.text) })
      .expect(303);
    expect(res.headers.location).toBe('/account?notice=lostReported&lang=en');
    const after = await client.get(res.headers.location).expect(200);
    expect(after.text).toContain('Reported. The programme office will issue a new card');
    expect(after.text).toMatch(/Replacement card: <strong>Sent<\/strong>/);
    const apps = await t.http.get('/api/v1/applications').auth(enrolled.family.token, { type: 'bearer' });
    expect(apps.body.items).toContainEqual(
      expect.objectContaining({ type: 'duplicate_card', status: 'submitted' }),
    );
  });

  it('files a newborn, with its errors at the form’s fields (the ID number checked by the service)', async () => {
    const page = await client.get('/account?lang=en');
    const child = {
      childFirstName: 'Ala',
      childLastName: 'Zielińska',
      childBirthDate: '2026-01-05',
      lang: 'en',
    };
    await client.post('/account/newborn').type('form').send(child).expect(403);
    const missing = await client
      .post('/account/newborn')
      .type('form')
      .send({ ...child, childLastName: '', childBirthDate: '2026-02-30', _csrf: csrfIn(page.text) })
      .expect(400);
    expect(missing.text).toContain('<a href="#childLastName">Enter the last name.</a>');
    expect(missing.text).toMatch(
      /id="childBirthDate"[^>]*aria-describedby="childBirthDate-hint childBirthDate-error"/,
    );
    const wrongId = await client
      .post('/account/newborn')
      .type('form')
      .send({ ...child, childNationalId: '12345678901', _csrf: csrfIn(page.text) })
      .expect(400);
    expect(wrongId.text).toContain(
      '<p id="childNationalId-error" class="field-error">This national ID number',
    );

    const res = await client
      .post('/account/newborn')
      .type('form')
      .send({ ...child, _csrf: csrfIn(page.text) })
      .expect(303);
    expect(res.headers.location).toBe('/account?notice=newbornReported&lang=en');
    const apps = await t.http.get('/api/v1/applications').auth(enrolled.family.token, { type: 'bearer' });
    const filed = apps.body.items.find((a: { type: string }) => a.type === 'add_member');
    expect(filed).toMatchObject({ status: 'submitted' });
    const detail = await t.http
      .get(`/api/v1/applications/${filed.id}`)
      .auth(enrolled.family.token, { type: 'bearer' });
    expect(detail.body.members).toEqual([
      expect.objectContaining({ firstName: 'Ala', role: 'child', birthDate: '2026-01-05' }),
    ]);
  });

  it('extends a child’s card for education with the child’s facts stated again', async () => {
    const page = await client.get('/account?lang=en');
    const option = /<option value="([0-9a-f-]{36})"[^>]*>Zofia Zielińska<\/option>/.exec(page.text);
    expect(option).not.toBeNull();
    const form = {
      educationMember: option![1],
      educationEnd: '2040-06-30',
      educationInstitution: 'UMCS',
      lang: 'en',
    };
    await client.post('/account/education').type('form').send(form).expect(403);
    const res = await client
      .post('/account/education')
      .type('form')
      .send({ ...form, _csrf: csrfIn(page.text) })
      .expect(303);
    expect(res.headers.location).toBe('/account?notice=educationReported&lang=en');
    const apps = await t.http.get('/api/v1/applications').auth(enrolled.family.token, { type: 'bearer' });
    const filed = apps.body.items.find((a: { type: string }) => a.type === 'extend');
    const detail = await t.http
      .get(`/api/v1/applications/${filed.id}`)
      .auth(enrolled.family.token, { type: 'bearer' });
    expect(detail.body).toMatchObject({ status: 'submitted' });
    expect(detail.body.members).toEqual([
      expect.objectContaining({
        memberId: option![1],
        firstName: 'Zofia',
        educationEnd: '2040-06-30',
        educationInstitution: 'UMCS',
        nationalIdMasked: expect.stringMatching(/^•+\d{3}$/),
      }),
    ]);
    // A member of another family is not found.
    const other = await client
      .post('/account/education')
      .type('form')
      .send({ ...form, educationMember: '00000000-0000-4000-8000-000000000000', _csrf: csrfIn(page.text) });
    expect(other.status).toBe(404);
  });
});
