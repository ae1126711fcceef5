import type TestAgent from 'supertest/lib/agent';
import { CardEntity } from '../src/cards/card.entity';
import { addDays, todayIn } from '../src/programmes/eligibility/civil-date';
import { engine } from './support/databases';
import { enrolFamily, Enrolled } from './support/enrolment-factory';
import { cspOf, expectNoInlineCode } from './support/page-html';
import { signInWithForm } from './support/page-forms';
import { addOutlet, approvedPartner, offerBody, publishedOffer } from './support/partner-factory';
import { startApp, TestApp } from './support/test-app';

// The staff console's dashboard as the server sends it: who may see it, and the numbers behind its charts.

/** The table row of `label` in the chart section `id`, as the page writes it. */
const rowIn = (html: string, id: string, label: string): string | null => {
  const section = new RegExp(`<section[^>]*aria-labelledby="${id}-title">([\\s\\S]*?)</section>`).exec(html);
  const row = section && new RegExp(`<th scope="row">${label}</th><td>([^<]*)</td>`).exec(section[1]);
  return row ? row[1] : null;
};

describe(`staff console dashboard (${engine})`, () => {
  let t: TestApp;
  let enrolled: Enrolled;
  let staff: TestAgent;

  beforeAll(async () => {
    t = await startApp();
    const caseWorker = await t.newUser('case_worker');
    enrolled = await enrolFamily(t, caseWorker.token, 'Wiśniewska');
    const cards: { id: string }[] = (
      await t.http
        .get('/api/v1/families/mine/cards')
        .auth(enrolled.family.token, { type: 'bearer' })
        .expect(200)
    ).body;
    // One card ends in three days: the first week of the expiry chart.
    const today = todayIn('Europe/Warsaw', new Date());
    await t.dataSource
      .createQueryBuilder()
      .update(CardEntity)
      .set({ validUntil: addDays(today, 3) })
      .where('id = :id', { id: cards[0].id })
      .execute();
    const manager = await t.newUser('partner_manager');
    const partner = await approvedPartner(t, manager.token);
    const { qrText } = (
      await t.http.get(`/api/v1/cards/${cards[1].id}`).auth(caseWorker.token, { type: 'bearer' }).expect(200)
    ).body;
    const outlet = await addOutlet(t, partner.owner.token, partner.partnerId);
    const offerId = await publishedOffer(t, partner, manager.token, offerBody([outlet]));
    const check = await t.http
      .post('/api/v1/validations')
      .auth(partner.owner.token, { type: 'bearer' })
      .send({ code: qrText })
      .expect(200);
    // One use of the offer is redeemed; a second, cancelled, does not count.
    for (const key of ['first-use', 'cancelled-use']) {
      const use = await t.http
        .post('/api/v1/redemptions')
        .auth(partner.owner.token, { type: 'bearer' })
        .send({ validationId: check.body.id, offerId, idempotencyKey: key })
        .expect(201);
      if (key === 'cancelled-use')
        await t.http
          .post(`/api/v1/redemptions/${use.body.id}/cancel`)
          .auth(partner.owner.token, { type: 'bearer' })
          .send({ reason: 'wrong offer' })
          .expect(200);
    }
    staff = await signInWithForm(t, caseWorker.user.email, caseWorker.password);
  });
  afterAll(() => t.close());

  it('is for staff: a browser without a session goes to sign in; family and merchant sessions are refused', async () => {
    await t.http
      .get('/console?lang=pl')
      .set('Accept', 'text/html')
      .expect(303)
      .expect('Location', '/signin?lang=pl');
    const family = await signInWithForm(t, enrolled.family.user.email, enrolled.family.password);
    const refused = await family.get('/console').expect(403);
    expect(refused.text).not.toContain('Wiśniewska');
    const merchant = await t.newUser('merchant_owner');
    await t.http.get('/console').auth(merchant.token, { type: 'bearer' }).expect(403);
    const auditor = await t.newUser('auditor');
    await t.http.get('/console').auth(auditor.token, { type: 'bearer' }).expect(200);
  });

  it('draws five charts as images with names, each with a table of its numbers, under the strict CSP', async () => {
    const res = await staff.get('/console?lang=en').expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(cspOf(res)['script-src']).toEqual(["'self'"]);
    expectNoInlineCode(res.text);
    expect(res.text.match(/<svg role="img" aria-labelledby="[a-z]+-svg-title"/g)).toHaveLength(5);
    expect(res.text.match(/<table class="data">/g)).toHaveLength(5);
    expect(res.text).toContain('<title id="cards-svg-title">Cards by status:');
    // Every card of the family is active; one ends this week; one was checked at a partner.
    expect(rowIn(res.text, 'cards', 'Active')).toBe(String(enrolled.members.length));
    expect(rowIn(res.text, 'cards', 'Total')).toBe(String(enrolled.members.length));
    expect(rowIn(res.text, 'expiring', 'Total')).toBe('1');
    expect(rowIn(res.text, 'expiring', 'Week from [^<]+')).toBe('1');
    expect(rowIn(res.text, 'checks', 'Total')).toBe('1');
    expect(rowIn(res.text, 'redemptions', 'Total')).toBe('1');
    // The enrolled family's application was sent this week: the last of twelve rows.
    const weeks = [...res.text.matchAll(/<th scope="row">Week from [^<]+<\/th><td>(\d+)<\/td>/g)];
    expect(weeks.slice(0, 12).map((m) => m[1])).toEqual([...Array(11).fill('0'), '1']);
  });

  it('speaks Polish', async () => {
    const res = await staff.get('/console').set('Accept-Language', 'pl').expect(200);
    expect(res.text).toContain('<html lang="pl">');
    expect(res.text).toContain('Konsola urzędu');
    expect(rowIn(res.text, 'cards', 'Aktywna')).toBe(String(enrolled.members.length));
  });
});
