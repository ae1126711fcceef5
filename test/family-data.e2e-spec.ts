import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { systemActor } from '../src/auth/actor';
import { AuditLogEntity } from '../src/audit/audit-log.entity';
import { ApplicationEntity } from '../src/applications/application.entity';
import { CardEntity } from '../src/cards/card.entity';
import { FamilyEntity } from '../src/families/family.entity';
import { RetentionJob } from '../src/families/retention/retention.job';
import { JobsService } from '../src/jobs/jobs.service';
import { engine } from './support/databases';
import { approve, draftApplication, Enrolled, enrolFamily, samplePdf } from './support/enrolment-factory';
import { startApp, TestApp } from './support/test-app';

const MONTH_MS = 30.5 * 86_400_000;
const monthsAgo = (n: number) => new Date(Date.now() - n * MONTH_MS);

describe(`A family's own data: view and export (${engine})`, () => {
  let t: TestApp;
  let caseWorker: string;
  let a: Enrolled;
  let b: Enrolled;
  let documentId: string;

  const get = (token: string, url: string) => t.http.get(url).auth(token, { type: 'bearer' });

  beforeAll(async () => {
    t = await startApp();
    caseWorker = (await t.newUser('case_worker')).token;
    const draft = await draftApplication(t, 'Zielińska');
    documentId = (
      await t.http
        .post(`/api/v1/applications/${draft.applicationId}/documents`)
        .auth(draft.family.token, { type: 'bearer' })
        .field('kind', 'birth_certificate')
        .attach('file', samplePdf(), { filename: 'akt.pdf', contentType: 'application/pdf' })
        .expect(201)
    ).body.id;
    a = await approve(t, caseWorker, draft);
    await t.http
      .post(`/api/v1/applications/${a.applicationId}/notes`)
      .auth(caseWorker, { type: 'bearer' })
      .send({ text: 'INTERNAL: phoned the school, confirmed' })
      .expect(201);
    b = await enrolFamily(t, caseWorker, 'Wójcik');
  });
  afterAll(() => t.close());

  it('exports everything held about the family, national IDs in full, as a dated attachment', async () => {
    const res = await get(a.family.token, '/api/v1/families/mine/export').expect(200);
    const today = new Date().toISOString().slice(0, 10);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="family-data-${today}.json"`);
    expect(res.headers['cache-control']).toBe('no-store');
    const data = res.body;
    expect(data.generatedAt).toEqual(expect.any(String));
    expect(data.account).toMatchObject({ id: a.family.user.id, email: a.family.user.email });
    expect(data.family).toMatchObject({
      id: a.familyId,
      city: 'Lublin',
      phone: '+48 600 100 200',
      status: 'active',
    });

    // Members were enrolled together, so compare them as a set.
    const people = (list: { firstName: string; nationalId?: string; role: string }[]) =>
      list.map((p) => `${p.role} ${p.firstName} ${p.nationalId}`).sort();
    const stated = people(a.members);
    expect(people(data.members)).toEqual(stated);
    expect(data.members[0]).toMatchObject({ nationalIdFormat: 'PESEL', eligible: true, status: 'active' });

    expect(data.applications).toHaveLength(1);
    const app = data.applications[0];
    expect(app).toMatchObject({ id: a.applicationId, status: 'approved', decisionReason: 'meets_rules' });
    expect(people(app.members)).toEqual(stated);
    // SQLite stamps events to the second, so steps taken within one second have no order between them.
    expect(app.events.map((e: { action: string }) => e.action).sort()).toEqual([
      'approve',
      'create',
      'start_review',
      'submit',
    ]);
    expect(app.documents).toEqual([
      expect.objectContaining({ id: documentId, kind: 'birth_certificate', mediaType: 'application/pdf' }),
    ]);
    expect(JSON.stringify(app.documents)).not.toContain(samplePdf().toString('base64').slice(0, 20));
    expect(data.emails.map((e: { template: string }) => e.template)).toEqual(
      expect.arrayContaining(['application_submitted', 'application_approved']),
    );
    expect(data.emails[0]).toMatchObject({
      recipient: a.family.user.email,
      subject: expect.any(String),
      text: expect.any(String),
      status: expect.any(String),
      createdAt: expect.any(String),
    });
    // Staff working notes are deliberately not part of the export (docs/data-protection.md).
    expect(res.text).not.toContain('INTERNAL: phoned the school');

    const audit = await t.dataSource
      .getRepository(AuditLogEntity)
      .findOneByOrFail({ action: 'family.export', entityId: a.familyId });
    expect(audit.summary).toEqual({ members: 5, applications: 1, documents: 1, emails: data.emails.length });
    expect(JSON.stringify(audit.summary)).not.toContain(a.members[0].nationalId!);
  });

  it("never carries another family's data", async () => {
    const res = await get(b.family.token, '/api/v1/families/mine/export').expect(200);
    expect(res.body.family.id).toBe(b.familyId);
    for (const m of a.members) {
      expect(res.text).not.toContain(m.nationalId!);
      expect(res.text).not.toContain(m.lastName);
    }
    expect(res.text).not.toContain(a.applicationId);
    expect(res.text).not.toContain(a.family.user.email);
  });

  it('gives a family user without a family what is held about their applications', async () => {
    const draft = await draftApplication(t, 'Lewandowska');
    const res = await get(draft.family.token, '/api/v1/families/mine/export').expect(200);
    expect(res.body).toMatchObject({ family: null, members: [], emails: [] });
    expect(res.body.applications.map((x: { id: string; status: string }) => [x.id, x.status])).toEqual([
      [draft.applicationId, 'draft'],
    ]);
    expect(res.body.applications[0].members[0].nationalId).toBe(draft.members[0].nationalId);
    await get(draft.family.token, '/api/v1/families/mine').expect(404);
  });

  it('shows the family to itself and to staff with national IDs masked; 404 to other families', async () => {
    const mine = await get(a.family.token, '/api/v1/families/mine').expect(200);
    expect(mine.body).toMatchObject({ id: a.familyId, city: 'Lublin' });
    expect(mine.body.members).toHaveLength(5);
    expect(mine.body.members[0].nationalIdMasked).toBe(`••••••••${a.members[0].nationalId!.slice(-3)}`);
    expect(mine.text).not.toContain(a.members[0].nationalId!);

    for (const token of [a.family.token, caseWorker, (await t.newUser('auditor')).token]) {
      const res = await get(token, `/api/v1/families/${a.familyId}`).expect(200);
      expect(res.body.id).toBe(a.familyId);
    }
    await get(b.family.token, `/api/v1/families/${a.familyId}`).expect(404);
    await get((await t.newUser('merchant_owner')).token, `/api/v1/families/${a.familyId}`).expect(403);
    await get(caseWorker, '/api/v1/families/mine/export').expect(403);
  });
});

describe(`Retention: personal data erased after the programme's period (${engine})`, () => {
  let t: TestApp;
  let caseWorker: string;

  const q = <T = Record<string, unknown>>(sql: string): Promise<T[]> => t.dataSource.query(sql);
  const members = (familyId: string) =>
    q<{
      first_name: string;
      last_name: string;
      birth_date: string;
      role: string;
      status: string;
      national_id_cipher: string | null;
      national_id_index: string | null;
      education_institution: string | null;
    }>(
      `SELECT first_name, last_name, CAST(birth_date AS VARCHAR(10)) AS birth_date, role, status, national_id_cipher,
              national_id_index, education_institution FROM members WHERE family_id = '${familyId}' ORDER BY created_at, id`,
    );
  /** Everything retention may touch, to prove a second run leaves it as it was. */
  const snapshot = async () => ({
    families: await q('SELECT * FROM families ORDER BY id'),
    members: await q('SELECT * FROM members ORDER BY id'),
    applications: await q('SELECT * FROM applications ORDER BY id'),
    applicationMembers: await q('SELECT * FROM application_members ORDER BY id'),
    documents: await q('SELECT * FROM documents ORDER BY id'),
    outbox: await q('SELECT * FROM outbox_messages ORDER BY id'),
    users: await q('SELECT * FROM users ORDER BY id'),
  });
  /** The family stopped qualifying at `at`, and its cards expired on that day. */
  const setEnded = async (familyId: string, at: Date) => {
    await t.dataSource.getRepository(FamilyEntity).update({ id: familyId }, { endedAt: at });
    await t.dataSource
      .getRepository(CardEntity)
      .update({ familyId }, { status: 'expired', validUntil: at.toISOString().slice(0, 10) });
  };

  beforeAll(async () => {
    t = await startApp();
    caseWorker = (await t.newUser('case_worker')).token;
  });
  afterAll(() => t.close());

  async function withDocument(draft: Awaited<ReturnType<typeof draftApplication>>): Promise<string> {
    const res = await t.http
      .post(`/api/v1/applications/${draft.applicationId}/documents`)
      .auth(draft.family.token, { type: 'bearer' })
      .field('kind', 'education_statement')
      .attach('file', samplePdf(), { filename: 'school.pdf', contentType: 'application/pdf' })
      .expect(201);
    return res.body.id;
  }

  async function rejected(lastName: string, decidedAt: Date): Promise<string> {
    const draft = await draftApplication(t, lastName);
    const post = (token: string, action: string, body: object = {}) =>
      t.http
        .post(`/api/v1/applications/${draft.applicationId}/${action}`)
        .auth(token, { type: 'bearer' })
        .send(body)
        .expect(200);
    await post(draft.family.token, 'submit');
    await post(caseWorker, 'start-review');
    await post(caseWorker, 'reject', { reason: 'too_few_children' });
    await t.dataSource.getRepository(ApplicationEntity).update({ id: draft.applicationId }, { decidedAt });
    return draft.applicationId;
  }

  it('erases a family that ended longer ago than retentionMonths, keeps counts, and is idempotent', async () => {
    const oldDraft = await draftApplication(t, 'Stary');
    const oldDocument = await withDocument(oldDraft);
    const old = await approve(t, caseWorker, oldDraft);
    const recentDraft = await draftApplication(t, 'Nowy');
    const recentDocument = await withDocument(recentDraft);
    const recent = await approve(t, caseWorker, recentDraft);
    const active = await enrolFamily(t, caseWorker, 'Aktywny');
    // The default programme keeps data for 12 months after a family stops qualifying.
    await setEnded(old.familyId, monthsAgo(13));
    await setEnded(recent.familyId, monthsAgo(11));
    const oldRejected = await rejected('Odrzucony', monthsAgo(13));
    const recentRejected = await rejected('Świeży', monthsAgo(2));

    const countsBefore = await q('SELECT role, COUNT(*) AS n FROM members GROUP BY role ORDER BY role');
    const recentBefore = await members(recent.familyId);
    const activeBefore = await members(active.familyId);
    const oldDocumentPath = join(t.db.dataDir, 'documents', old.applicationId, oldDocument);
    expect(existsSync(oldDocumentPath)).toBe(true);

    const run = await t.app.get(JobsService).runNow('retention.erase');
    expect(run.run).toMatchObject({ status: 'succeeded' });

    // The old family: no names, no national IDs, birth year only, status erased.
    const erased = await members(old.familyId);
    const yearAndRole = (list: { birth_date?: string; birthDate?: string; role: string }[]) =>
      list.map((m) => `${(m.birth_date ?? m.birthDate)!.slice(0, 4)}-01-01 ${m.role}`).sort();
    expect(yearAndRole(erased)).toEqual(yearAndRole(old.members));
    for (const m of erased) {
      expect(m).toEqual({
        first_name: 'erased',
        last_name: '',
        birth_date: expect.stringMatching(/^\d{4}-01-01$/),
        role: m.role,
        status: 'erased',
        national_id_cipher: null,
        national_id_index: null,
        education_institution: null,
      });
    }
    const [family] = await q(
      `SELECT status, street, postal_code, city, email, phone, erased_at FROM families WHERE id = '${old.familyId}'`,
    );
    expect(family).toMatchObject({
      status: 'erased',
      street: null,
      postal_code: null,
      city: null,
      email: null,
      phone: null,
    });
    expect(family.erased_at).not.toBeNull();
    const [application] = await q(
      `SELECT status, street, city, email, phone, search_text, family_names, erased_at FROM applications WHERE id = '${old.applicationId}'`,
    );
    expect(application).toMatchObject({
      status: 'approved',
      street: null,
      city: null,
      email: null,
      phone: null,
      search_text: '',
      family_names: '',
    });
    expect(application.erased_at).not.toBeNull();
    const stated = await q(
      `SELECT first_name, national_id_cipher, national_id_index FROM application_members WHERE application_id = '${old.applicationId}'`,
    );
    expect(stated).toHaveLength(5);
    expect(
      stated.every((m) => m.first_name === 'erased' && !m.national_id_cipher && !m.national_id_index),
    ).toBe(true);
    expect(await q(`SELECT id FROM documents WHERE id = '${oldDocument}'`)).toEqual([]);
    expect(existsSync(oldDocumentPath)).toBe(false);
    const mails = await q<{ recipient: string; subject: string; text: string; html: string }>(
      `SELECT recipient, subject, text, html FROM outbox_messages WHERE family_id = '${old.familyId}' OR application_id = '${old.applicationId}'`,
    );
    expect(mails.length).toBeGreaterThan(0);
    expect(mails.every((m) => !m.recipient && !m.subject && !m.text && !m.html)).toBe(true);
    const [user] = await q(
      `SELECT email, display_name, disabled FROM users WHERE id = '${old.family.user.id}'`,
    );
    expect(user).toMatchObject({ email: `erased-${old.family.user.id}@invalid`, display_name: 'erased' });
    expect(Boolean(user.disabled)).toBe(true);
    await t.http.get('/api/v1/families/mine').auth(old.family.token, { type: 'bearer' }).expect(401);

    // A family-less application rejected long ago goes too; a recent one stays.
    const [orphan] = await q(
      `SELECT search_text, email, erased_at FROM applications WHERE id = '${oldRejected}'`,
    );
    expect(orphan).toMatchObject({ search_text: '' });
    expect(orphan.erased_at).not.toBeNull();
    const orphanMembers = await q(
      `SELECT first_name FROM application_members WHERE application_id = '${oldRejected}'`,
    );
    expect(orphanMembers.every((m) => m.first_name === 'erased')).toBe(true);
    const [fresh] = await q(`SELECT search_text, erased_at FROM applications WHERE id = '${recentRejected}'`);
    expect(fresh).toMatchObject({ search_text: expect.stringContaining('swiezy'), erased_at: null });

    // Inside the window, or still qualifying: untouched.
    expect(await members(recent.familyId)).toEqual(recentBefore);
    expect(await members(active.familyId)).toEqual(activeBefore);
    expect(recentBefore[0].national_id_cipher).toEqual(expect.any(String));
    expect(existsSync(join(t.db.dataDir, 'documents', recent.applicationId, recentDocument))).toBe(true);

    // Anonymous counts survive: every row is still there, with its role.
    expect(await q('SELECT role, COUNT(*) AS n FROM members GROUP BY role ORDER BY role')).toEqual(
      countsBefore,
    );

    const audits = await t.dataSource.getRepository(AuditLogEntity).findBy({ action: 'retention.erase' });
    expect(audits).toHaveLength(2);
    const byFamilies = audits.find((x) => (x.summary as { families: number }).families === 1)!;
    expect(byFamilies.summary).toMatchObject({
      families: 1,
      members: 5,
      applications: 1,
      applicationMembers: 5,
      documents: 1,
      users: 1,
      emails: mails.length,
    });
    expect(audits.find((x) => x !== byFamilies)!.summary).toMatchObject({ families: 0, applications: 1 });
    expect(JSON.stringify(audits.map((x) => x.summary))).not.toMatch(/Stary|Lublin|@/);

    // A second run finds nothing left to do.
    const before = await snapshot();
    const again = await t.app.get(RetentionJob).erase(systemActor('test'));
    expect(Object.values(again).every((n) => n === 0)).toBe(true);
    expect(await snapshot()).toEqual(before);
    expect(await t.dataSource.getRepository(AuditLogEntity).countBy({ action: 'retention.erase' })).toBe(2);
  });
});
