import { AuditLogEntity } from '../src/audit/audit-log.entity';
import { engine } from './support/databases';
import { enrolFamily, Enrolled } from './support/enrolment-factory';
import { cspOf, expectNoInlineCode, urlsIn } from './support/page-html';
import { signInWithForm } from './support/page-forms';
import { startApp, TestApp } from './support/test-app';

// The staff console's audit-log viewer: read-only, newest first, filtered by a GET form, keyset pages.

describe(`staff console audit viewer (${engine})`, () => {
  let t: TestApp;
  let enrolled: Enrolled;
  let entries: AuditLogEntity[];

  /** The actions of the rows the page shows, in its order. */
  const actionsIn = (html: string) =>
    [...html.matchAll(/<\/time><\/th><td>[^<]*<\/td><td>([^<]+)<\/td>/g)].map((m) => m[1]);

  beforeAll(async () => {
    t = await startApp();
    const caseWorker = await t.newUser('case_worker');
    enrolled = await enrolFamily(t, caseWorker.token, 'Szymańska');
    entries = await t.dataSource.getRepository(AuditLogEntity).find({ order: { id: 'DESC' } });
  });
  afterAll(() => t.close());

  it('is for admins and auditors: case workers, families and merchants are refused', async () => {
    for (const role of ['case_worker', 'merchant_owner', 'partner_manager'] as const) {
      const user = await t.newUser(role);
      await t.http.get('/console/audit').auth(user.token, { type: 'bearer' }).expect(403);
    }
    const family = await signInWithForm(t, enrolled.family.user.email, enrolled.family.password);
    const res = await family.get('/console/audit').expect(403);
    expect(res.text).not.toContain('application.');
  });

  it('shows the newest entries first, under the strict CSP, in English and Polish', async () => {
    const auditor = await t.newUser('auditor');
    const client = await signInWithForm(t, auditor.user.email, auditor.password);
    const res = await client.get('/console/audit?lang=en').expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(cspOf(res)['script-src']).toEqual(["'self'"]);
    expectNoInlineCode(res.text);
    expect(res.text).toContain('<h1>Audit log</h1>');
    const shown = actionsIn(res.text);
    expect(shown.length).toBeGreaterThan(0);
    // The newest fifty, as the database holds them (showing the page writes nothing).
    const newest = await t.dataSource.getRepository(AuditLogEntity).find({ order: { id: 'DESC' }, take: 50 });
    expect(shown).toEqual(newest.map((e) => e.action));
    const pl = await client.get('/console/audit?lang=pl').expect(200);
    expect(pl.text).toContain('<h1>Dziennik zdarzeń</h1>');
  });

  it('filters by action and pages by the last id shown', async () => {
    const admin = await t.adminToken();
    const action = entries.find((e) => e.action.startsWith('application.'))!.action;
    const same = entries.filter((e) => e.action === action);
    const res = await t.http
      .get(`/console/audit?lang=en&action=${encodeURIComponent(action)}`)
      .auth(admin, { type: 'bearer' })
      .expect(200);
    expect(actionsIn(res.text)).toEqual(same.map(() => action));
    expect(res.text).toContain(`value="${action}"`);
    // Older than the newest entry: everything but it.
    const older = await t.http
      .get(`/console/audit?lang=en&cursor=${entries[0].id}`)
      .auth(admin, { type: 'bearer' })
      .expect(200);
    expect(actionsIn(older.text)[0]).toBe(entries[1].action);
    expect(urlsIn(older.text).some((u) => u.startsWith('/console/audit?cursor='))).toBe(false);
    await t.http.get('/console/audit?cursor=abc').auth(admin, { type: 'bearer' }).expect(400);
  });
});
