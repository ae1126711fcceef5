import type { Response } from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { engine } from './support/databases';
import { ADDRESS, largeFamily } from './support/enrolment';
import { samplePdf } from './support/enrolment-factory';
import { cspOf, expectNoInlineCode } from './support/page-html';
import { csrfIn, householdForm, signInWithForm } from './support/page-forms';
import { startApp, TestApp, TestUser } from './support/test-app';

// The application wizard of a family account, posted as a browser without JavaScript posts it.
// test/browser/account.e2e-spec.ts walks it in Chromium.

/** Every address the wizard sends the browser to: a step name, `saved` and the language, nothing personal. */
const SAFE_LOCATION = /^\/(apply(\/(members|statements|documents|review))?|account)(\?(saved=1&)?lang=en)?$/;
const next = (res: Response) => {
  expect(res.status).toBe(303);
  expect(res.headers.location).toMatch(SAFE_LOCATION);
  return res.headers.location as string;
};

describe(`application wizard pages (${engine})`, () => {
  let t: TestApp;
  let family: TestUser;
  let client: TestAgent;
  const people = largeFamily('Wiśniewski');

  beforeAll(async () => {
    t = await startApp();
    family = await t.newUser('family');
    client = await signInWithForm(t, family.user.email, family.password);
  });
  afterAll(() => t.close());

  const applications = async () =>
    (await t.http.get('/api/v1/applications').auth(family.token, { type: 'bearer' }).expect(200)).body.items;
  const post = async (path: string, form: Record<string, string>) => {
    const page = await client.get(path.replace('/submit', '/review')).query({ lang: 'en' }).expect(200);
    return client
      .post(path)
      .type('form')
      .send({ ...form, _csrf: csrfIn(page.text), lang: 'en' });
  };

  it('sends a browser without a session to the sign-in page, and a script to a 401', async () => {
    await t.http.get('/apply/members').set('Accept', 'text/html').expect(303).expect('Location', '/signin');
    await t.http
      .get('/apply/members?lang=en')
      .set('Accept', 'text/html')
      .expect('Location', '/signin?lang=en');
    await t.http.get('/apply/members').expect(401);
  });

  it('starts with the household step, a private page under the strict CSP', async () => {
    expect(next(await client.get('/apply?lang=en'))).toBe('/apply/members?lang=en');
    const res = await client.get('/apply/members?lang=en').expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(cspOf(res)['script-src']).toEqual(["'self'"]);
    expectNoInlineCode(res.text);
    expect(res.text).toContain('<label for="firstName-0">First name</label>');
    expect(res.text).toContain('<label for="firstName-1">First name</label>');
    expect(res.text).toContain('aria-current="step"');
  });

  it('refuses the form without its CSRF token and saves nothing', async () => {
    const res = await client
      .post('/apply/members')
      .type('form')
      .send({ ...householdForm(ADDRESS, people), lang: 'en' })
      .expect(403);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await applications()).toEqual([]);
  });

  it('answers a wrong household with its errors at the fields, and saves nothing', async () => {
    const broken = [
      { ...people[0], lastName: '' },
      { ...people[1], nationalId: '12345678901' },
      ...people.slice(2),
    ];
    const res = await post('/apply/members', householdForm({ ...ADDRESS, postalCode: '!!' }, broken));
    expect(res.status).toBe(400);
    expect(res.text).toContain('<a href="#postalCode">Enter a postal code such as 20-002.</a>');
    expect(res.text).toContain('<p id="lastName-0-error" class="field-error">Enter the last name.</p>');
    expect(res.text).toMatch(/id="lastName-0"[^>]*aria-describedby="lastName-0-error" aria-invalid="true"/);
    expect(res.text).toContain(`value="${people[0].firstName}"`);
    expect(await applications()).toEqual([]);

    // The national ID is the applications service's to check: its error comes back at its field too.
    const wrongId = await post(
      '/apply/members',
      householdForm(
        ADDRESS,
        broken.map((p, i) => (i ? p : people[0])),
      ),
    );
    expect(wrongId.status).toBe(400);
    expect(wrongId.text).toMatch(
      /<p id="nationalId-1-error" class="field-error">This national ID number is not valid/,
    );
    expect(await applications()).toEqual([]);
  });

  it('saves the household as a draft, with one more row on request', async () => {
    const res = await post('/apply/members', { ...householdForm(ADDRESS, people), action: 'more' });
    expect(next(res)).toBe('/apply/members?saved=1&lang=en');
    const [draft] = await applications();
    expect(draft).toMatchObject({ status: 'draft', type: 'new_family', familyNames: 'Wiśniewski' });
    const page = await client.get(res.headers.location).expect(200);
    expect(page.text).toContain('Saved. You can come back and continue at any time.');
    expect(page.text).toContain('<label for="firstName-5">First name</label>');
    // The saved ID numbers are never sent back, only their last digits.
    for (const p of people) expect(page.text).not.toContain(p.nationalId);
    expect(page.text).toContain(
      `Saved as ••••••••${people[0].nationalId!.slice(-3)}; leave empty to keep it.`,
    );
  });

  it('resumes the draft after signing out and in again, keeping the ID numbers left empty', async () => {
    const account = await client.get('/apply/review?lang=en').expect(200);
    await client
      .post('/signout')
      .type('form')
      .send({ _csrf: csrfIn(account.text) })
      .expect(303);
    client = await signInWithForm(t, family.user.email, family.password);
    expect(next(await client.get('/apply?lang=en'))).toBe('/apply/review?lang=en');

    const page = await client.get('/apply/members?lang=en').expect(200);
    const keys = [...page.text.matchAll(/name="(key-\d)" value="([^"]+)"/g)].map((m) => [m[1], m[2]]);
    expect(keys).toHaveLength(people.length);
    const withoutIds = people.map((p) => ({ ...p, nationalId: '' }));
    const res = await post('/apply/members', {
      ...householdForm(ADDRESS, withoutIds),
      ...Object.fromEntries(keys),
    });
    expect(next(res)).toBe('/apply/statements?saved=1&lang=en');
    const [draft] = await applications();
    const detail = await t.http
      .get(`/api/v1/applications/${draft.id}`)
      .auth(family.token, { type: 'bearer' });
    expect(detail.body.members.map((m: { nationalIdMasked: string }) => m.nationalIdMasked)).toEqual(
      people.map((p) => `••••••••${p.nationalId!.slice(-3)}`),
    );
  });

  it('takes the statements, checking their dates', async () => {
    const bad = await post('/apply/statements', { 'educationEnd-2': '2031-02-30' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('<a href="#educationEnd-2">Enter a real date');
    const res = await post('/apply/statements', {
      'educationEnd-2': '2031-06-30',
      'educationInstitution-2': 'SP 5',
    });
    expect(next(res)).toBe('/apply/documents?saved=1&lang=en');
    const [draft] = await applications();
    const detail = await t.http
      .get(`/api/v1/applications/${draft.id}`)
      .auth(family.token, { type: 'bearer' });
    expect(detail.body.members[2]).toMatchObject({
      educationEnd: '2031-06-30',
      educationInstitution: 'SP 5',
    });
  });

  it('attaches a document (multipart, token in the action URL) and refuses one without the token', async () => {
    const page = await client.get('/apply/documents?lang=en').expect(200);
    const action = /action="([^"]+)" enctype="multipart\/form-data"/
      .exec(page.text)![1]
      .replace(/&amp;/g, '&');
    expect(action).toMatch(/^\/apply\/documents\?_csrf=[^&]+$/);
    await client
      .post('/apply/documents')
      .field('kind', 'education_statement')
      .attach('file', samplePdf(), 'school.pdf')
      .expect(403);
    const missing = await client
      .post(`${action}&lang=en`)
      .field('kind', '')
      .attach('file', samplePdf(), 'x.pdf');
    expect(missing.status).toBe(400);
    expect(missing.text).toContain('<p id="kind-error" class="field-error">Choose what the document is.</p>');
    const res = await client
      .post(`${action}&lang=en`)
      .field('kind', 'education_statement')
      .attach('file', samplePdf(), 'school.pdf');
    expect(next(res)).toBe('/apply/documents?saved=1&lang=en');
    const after = await client.get(res.headers.location).expect(200);
    expect(after.text).toContain('School or university certificate: school.pdf');
  });

  it('shows what will be sent, then sends it: on to the account page', async () => {
    const review = await client.get('/apply/review?lang=en').expect(200);
    expect(review.text).toContain('By what you stated, your family qualifies.');
    expect(review.text).toContain('Zofia Wiśniewski');
    expect(review.text).toContain('school.pdf');
    expect(next(await post('/apply/submit', {}))).toBe('/account?lang=en');
    const [sent] = await applications();
    expect(sent.status).toBe('submitted');
    // Sent, the application is no longer the wizard's: it sends the family to the account page.
    expect(next(await client.get('/apply?lang=en'))).toBe('/account?lang=en');
    expect(next(await client.get('/apply/members?lang=en'))).toBe('/apply?lang=en');
  });

  it('lets the family apply again after a rejection, with a new draft', async () => {
    const caseWorker = await t.newUser('case_worker');
    const [sent] = await applications();
    const as = (path: string, body: object = {}) =>
      t.http
        .post(`/api/v1/applications/${sent.id}/${path}`)
        .auth(caseWorker.token, { type: 'bearer' })
        .send(body);
    await as('start-review').expect(200);
    await as('reject', { reason: 'documents_invalid' }).expect(200);
    const account = await client.get('/account?lang=en').expect(200);
    expect(account.text).toMatch(/New family: <strong>Rejected<\/strong>/);
    expect(account.text).toContain('Apply for the card');
    expect(next(await client.get('/apply?lang=en'))).toBe('/apply/members?lang=en');
    const fresh = await client.get('/apply/members?lang=en').expect(200);
    expect(fresh.text).not.toContain('name="key-0"');

    // A household that does not qualify is told why, in the page's language.
    expect(next(await post('/apply/members', householdForm(ADDRESS, people.slice(0, 2))))).toBe(
      '/apply/statements?saved=1&lang=en',
    );
    const review = await client.get('/apply/review?lang=pl').expect(200);
    expect(review.text).toContain('Liczba dzieci spełniających warunki: 0; potrzeba co najmniej 3.');
  });
});
