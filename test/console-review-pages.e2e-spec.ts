import type TestAgent from 'supertest/lib/agent';
import { engine } from './support/databases';
import { Draft, draftApplication } from './support/enrolment-factory';
import { cspOf, expectNoInlineCode, urlsIn } from './support/page-html';
import { csrfIn, signInWithForm } from './support/page-forms';
import { startApp, TestApp, TestUser } from './support/test-app';

// The staff console's review queue and application page, and the decision form.

describe(`staff console review pages (${engine})`, () => {
  let t: TestApp;
  let caseWorker: TestUser;
  let staff: TestAgent;
  let draft: Draft;
  let number: string;

  const statusOf = async (id: string): Promise<string> =>
    (await t.http.get(`/api/v1/applications/${id}`).auth(caseWorker.token, { type: 'bearer' }).expect(200))
      .body.status;

  /** A draft the family has sent: it waits in the queue. */
  async function submitted(lastName: string): Promise<Draft> {
    const d = await draftApplication(t, lastName);
    await t.http
      .post(`/api/v1/applications/${d.applicationId}/submit`)
      .auth(d.family.token, { type: 'bearer' })
      .send({})
      .expect(200);
    return d;
  }

  beforeAll(async () => {
    t = await startApp();
    caseWorker = await t.newUser('case_worker');
    draft = await submitted('Kamińska');
    number = (
      await t.http
        .get(`/api/v1/applications/${draft.applicationId}`)
        .auth(caseWorker.token, { type: 'bearer' })
        .expect(200)
    ).body.number;
    staff = await signInWithForm(t, caseWorker.user.email, caseWorker.password);
  });
  afterAll(() => t.close());

  it('is for staff: family and merchant sessions are refused and see no data', async () => {
    const family = await signInWithForm(t, draft.family.user.email, draft.family.password);
    for (const path of ['/console/review', `/console/review/${draft.applicationId}`]) {
      const res = await family.get(path).expect(403);
      expect(res.text).not.toContain('Kamińska');
    }
    const merchant = await t.newUser('merchant_owner');
    await t.http.get('/console/review').auth(merchant.token, { type: 'bearer' }).expect(403);
    await t.http.get('/console/review').set('Accept', 'text/html').expect(303).expect('Location', '/signin');
  });

  it('lists the waiting application with a link to it, under the strict CSP', async () => {
    const res = await staff.get('/console/review?lang=en').expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(cspOf(res)['script-src']).toEqual(["'self'"]);
    expectNoInlineCode(res.text);
    expect(res.text).toContain(`>${number}</a></th><td>Kamińska</td>`);
    expect(urlsIn(res.text)).toContain(`/console/review/${draft.applicationId}?lang=en`);
    expect(res.text).toContain('Kamińska');
    const pl = await staff.get('/console/review').set('Accept-Language', 'pl').expect(200);
    expect(pl.text).toContain('<html lang="pl">');
    expect(pl.text).toContain('Wnioski do rozpatrzenia');
  });

  it('shows the people, the rules’ verdict and the decision form, in English and Polish', async () => {
    const res = await staff.get(`/console/review/${draft.applicationId}?lang=en`).expect(200);
    expectNoInlineCode(res.text);
    expect(res.text).toContain(`Application ${number}`);
    for (const m of draft.members) expect(res.text).toContain(`${m.firstName} ${m.lastName}`);
    for (const m of draft.members) expect(res.text).not.toContain(m.nationalId!);
    expect(res.text).toContain('The family qualifies.');
    expect(res.text).toContain('name="_csrf"');
    expect(res.text).toContain('<label for="decision-approve">Approve</label>');
    const pl = await staff.get(`/console/review/${draft.applicationId}?lang=pl`).expect(200);
    expect(pl.text).toContain('Rodzina spełnia warunki.');
    // The rules' reasons in Polish, by their codes, with the engine's numbers filled in.
    expect(res.text).toContain('<li>3 qualifying children (at least 3 needed)</li>');
    expect(pl.text).toContain('<li>Dzieci spełniające warunki: 3 (wymagane co najmniej 3)</li>');
    expect(pl.text).toContain('<li>Dziecko poniżej 18 lat</li>');
    expect(pl.text).toContain('<li>Karta rodzica bezterminowa</li>');
    expect(pl.text).not.toContain('Child under 18');
    expect(pl.text).toContain('<label for="decision-approve">Zatwierdź</label>');
  });

  it('shows an auditor the application without the form, and refuses their decision', async () => {
    const auditor = await t.newUser('auditor');
    const res = await t.http
      .get(`/console/review/${draft.applicationId}`)
      .auth(auditor.token, { type: 'bearer' })
      .expect(200);
    expect(res.text).not.toContain('name="decision"');
    await t.http
      .post(`/console/review/${draft.applicationId}`)
      .auth(auditor.token, { type: 'bearer' })
      .type('form')
      .send({ decision: 'approve', reason: 'meets_rules' })
      .expect(403);
    expect(await statusOf(draft.applicationId)).toBe('submitted');
  });

  it('refuses a decision posted without the CSRF token: nothing changes', async () => {
    const audit = await t.auditCount();
    const res = await staff
      .post(`/console/review/${draft.applicationId}`)
      .type('form')
      .send({ decision: 'approve', reason: 'meets_rules' });
    expect(res.status).toBe(403);
    expect(await statusOf(draft.applicationId)).toBe('submitted');
    expect(await t.auditCount()).toBe(audit);
  });

  it('gives the form back with errors at their fields', async () => {
    const form = await staff.get(`/console/review/${draft.applicationId}?lang=en`).expect(200);
    const res = await staff
      .post(`/console/review/${draft.applicationId}`)
      .type('form')
      .send({ _csrf: csrfIn(form.text), lang: 'en', decision: 'reject', reason: 'meets_rules' })
      .expect(400);
    expect(res.text).toContain('<a href="#reason">Choose a reason listed under the decision you chose.</a>');
    expect(res.text).toMatch(
      /<select id="reason" name="reason" aria-describedby="reason-error" aria-invalid="true">/,
    );
    expect(res.text).toMatch(
      /<input type="radio" id="decision-reject" name="decision" value="reject" checked>/,
    );
    expect(await statusOf(draft.applicationId)).toBe('submitted');
  });

  it('approves: the application is approved, audited, and the queue says so', async () => {
    const audit = await t.auditCount();
    const form = await staff.get(`/console/review/${draft.applicationId}?lang=en`).expect(200);
    await staff
      .post(`/console/review/${draft.applicationId}`)
      .type('form')
      .send({ _csrf: csrfIn(form.text), lang: 'en', decision: 'approve', reason: 'meets_rules' })
      .expect(303)
      .expect('Location', '/console/review?notice=decided&lang=en');
    expect(await statusOf(draft.applicationId)).toBe('approved');
    expect(await t.auditCount()).toBeGreaterThan(audit);
    const queue = await staff.get('/console/review?notice=decided&lang=en').expect(200);
    expect(queue.text).toContain('The decision was recorded.');
    expect(queue.text).not.toContain(number);
    // Decided: the page shows it without the form; a second decision is refused.
    const again = await staff.get(`/console/review/${draft.applicationId}?lang=en`).expect(200);
    expect(again.text).not.toContain('name="decision"');
  });

  it('asks for more information with a message to the family', async () => {
    const other = await submitted('Dąbrowska');
    const form = await staff.get(`/console/review/${other.applicationId}?lang=en`).expect(200);
    await staff
      .post(`/console/review/${other.applicationId}`)
      .type('form')
      .send({
        _csrf: csrfIn(form.text),
        decision: 'request_info',
        reason: 'document_needed',
        message: 'Please attach the school certificate.',
      })
      .expect(303);
    expect(await statusOf(other.applicationId)).toBe('needs_info');
  });
});
