import { CardEventEntity } from '../src/cards/card-event.entity';
import { CardEntity } from '../src/cards/card.entity';
import { OutboxMessageEntity } from '../src/notifications/outbox-message.entity';
import { ADDRESS, largeFamily, MemberInput, person, peselFor } from './support/enrolment';
import { engine } from './support/databases';
import { startApp, TestApp } from './support/test-app';

describe('Applications: a family applies, a case worker reviews and decides', () => {
  let t: TestApp;
  let caseWorker: string;
  const as = (token: string) => ({
    get: (url: string) => t.http.get(url).auth(token, { type: 'bearer' }),
    post: (url: string, body: object = {}) => t.http.post(url).auth(token, { type: 'bearer' }).send(body),
    patch: (url: string, body: object) => t.http.patch(url).auth(token, { type: 'bearer' }).send(body),
  });

  /** Registers a family account through the public endpoint and signs it in. */
  async function newFamilyUser(name = 'Kowalska'): Promise<{ token: string; id: string; email: string }> {
    const email = `${name.toLowerCase()}-${Math.random().toString(36).slice(2, 8)}@family.example`;
    const password = 'a long family passphrase 2026';
    const res = await t.http
      .post('/api/v1/auth/register')
      .send({ email, password, displayName: `Anna ${name}` });
    expect(res.status).toBe(201);
    return { token: await t.login(email, password), id: res.body.id, email };
  }

  async function apply(token: string, members: MemberInput[], extra: object = {}) {
    const res = await as(token).post('/api/v1/applications', {
      type: 'new_family',
      ...ADDRESS,
      members,
      ...extra,
    });
    expect(res.status).toBe(201);
    return res.body as { id: string; number: string; status: string };
  }

  const step = async (token: string, id: string, action: string, body: object = {}) =>
    as(token).post(`/api/v1/applications/${id}/${action}`, body);

  const outbox = (applicationId: string) =>
    t.dataSource
      .getRepository(OutboxMessageEntity)
      .find({ where: { applicationId }, order: { createdAt: 'ASC' } });

  beforeAll(async () => {
    t = await startApp();
    caseWorker = (await t.newUser('case_worker')).token;
  });
  afterAll(() => t.close());

  it('goes draft → submitted → in_review → needs_info → resubmitted → approved and enrols the family', async () => {
    const family = await newFamilyUser();
    const app = await apply(family.token, largeFamily('Nowak'));
    expect(app).toMatchObject({ status: 'draft', number: expect.stringMatching(/^\d{4}-[0-9A-Z]{6}$/) });

    expect((await step(family.token, app.id, 'submit')).body.status).toBe('submitted');
    expect((await outbox(app.id)).map((m) => [m.template, m.recipient])).toEqual([
      ['application_submitted', family.email],
    ]);

    const queue = await as(caseWorker).get(`/api/v1/applications?q=${app.number}`).expect(200);
    expect(queue.body.items.map((a: { id: string }) => a.id)).toEqual([app.id]);

    const review = await step(caseWorker, app.id, 'start-review');
    expect(review.status).toBe(200);
    expect(review.body.eligibility).toMatchObject({ qualifies: true });
    expect(review.body.eligibility.qualifyingChildren).toHaveLength(3);
    expect(review.body.duplicates).toEqual([]);

    const info = await step(caseWorker, app.id, 'request-info', {
      reason: 'document_needed',
      message: 'Prosimy o zaświadczenie ze szkoły.',
    });
    expect(info.body.status).toBe('needs_info');
    expect((await outbox(app.id)).map((m) => m.template)).toContain('application_needs_info');

    // The family corrects the application while it is theirs to edit, then sends it back.
    const members = largeFamily('Nowak', 4);
    await as(family.token).patch(`/api/v1/applications/${app.id}`, { members }).expect(200);
    expect((await step(family.token, app.id, 'resubmit')).body.status).toBe('resubmitted');

    const familiesBefore = await t.dataSource.query('SELECT COUNT(*) AS n FROM families');
    const approved = await step(caseWorker, app.id, 'approve', { reason: 'meets_rules' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', decisionReason: 'meets_rules' });
    expect(approved.body.familyId).toEqual(expect.any(String));
    expect(Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM families'))[0].n)).toBe(
      Number(familiesBefore[0].n) + 1,
    );
    const stored = await t.dataSource.query(
      `SELECT role, eligible, eligible_until FROM members WHERE family_id = '${approved.body.familyId}'`,
    );
    expect(stored).toHaveLength(6);
    expect(stored.every((m: { eligible: unknown }) => Boolean(m.eligible))).toBe(true);

    // Each transition is on the timeline and in the audit log.
    expect(approved.body.events.map((e: { action: string }) => e.action)).toEqual([
      'create',
      'submit',
      'start_review',
      'request_info',
      'resubmit',
      'approve',
    ]);
    const audited = await t.dataSource.query(
      `SELECT action FROM audit_log WHERE entity_id = '${app.id}' ORDER BY id`,
    );
    expect(audited.map((a: { action: string }) => a.action)).toEqual([
      'application.create',
      'application.submit',
      'application.start_review',
      'application.request_info',
      'application.update',
      'application.resubmit',
      'application.approve',
    ]);
    expect((await outbox(app.id)).map((m) => m.template)).toContain('application_approved');

    // The family account is linked: its own family is visible, and a second new-family application is refused.
    const me = await as(family.token).get('/api/v1/auth/me').expect(200);
    expect(me.body.familyId).toBe(approved.body.familyId);
    await as(family.token)
      .post('/api/v1/applications', { type: 'new_family', ...ADDRESS, members: largeFamily() })
      .expect(409);
  });

  it('rejects with a reason and writes the rejection e-mail to the outbox', async () => {
    const family = await newFamilyUser('Wiśniewska');
    const app = await apply(family.token, largeFamily('Wiśniewski', 2), { language: 'pl' });
    await step(family.token, app.id, 'submit').then((r) => expect(r.status).toBe(200));
    await step(caseWorker, app.id, 'start-review').then((r) =>
      expect(r.body.eligibility.qualifies).toBe(false),
    );
    const families = await t.dataSource.query('SELECT COUNT(*) AS n FROM families');
    const refused = await step(caseWorker, app.id, 'approve', { reason: 'meets_rules' });
    expect(refused.status).toBe(409);
    expect(refused.body.type).toBe('/problems/family-does-not-qualify');
    expect(await t.dataSource.query('SELECT COUNT(*) AS n FROM families')).toEqual(families);
    const rejected = await step(caseWorker, app.id, 'reject', {
      reason: 'too_few_children',
      message: 'Rodzina ma dwoje dzieci.',
    });
    expect(rejected.body).toMatchObject({ status: 'rejected', decisionReason: 'too_few_children' });
    const mails = await outbox(app.id);
    const rejection = mails.find((m) => m.template === 'application_rejected')!;
    expect(rejection).toMatchObject({ recipient: family.email, language: 'pl', status: 'pending' });
    expect(rejection.text).toContain('Rodzina ma dwoje dzieci.');
    expect(rejection.text).toContain(app.number);
  });

  it.each([
    ['approve a draft', 'draft', 'approve', { reason: 'meets_rules' }],
    ['resubmit a draft', 'draft', 'resubmit', {}],
    ['submit twice', 'submitted', 'submit', {}],
    ['request info before review', 'submitted', 'request-info', { reason: 'other' }],
  ])('answers 409 to an illegal transition (%s) and changes nothing', async (_n, state, action, body) => {
    const family = await newFamilyUser();
    const app = await apply(family.token, largeFamily());
    if (state === 'submitted')
      await step(family.token, app.id, 'submit').then((r) => expect(r.status).toBe(200));
    const before = await t.auditCount();
    const actor = ['approve', 'request-info'].includes(action) ? caseWorker : family.token;
    const res = await step(actor, app.id, action, body);
    expect(res.status).toBe(409);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(await t.auditCount()).toBe(before);
    expect((await as(caseWorker).get(`/api/v1/applications/${app.id}`)).body.status).toBe(state);
  });

  it('requires a reason from the list to decide, naming the field', async () => {
    const family = await newFamilyUser();
    const app = await apply(family.token, largeFamily());
    await step(family.token, app.id, 'submit');
    await step(caseWorker, app.id, 'start-review');
    const res = await step(caseWorker, app.id, 'approve', { reason: 'because' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('reason');
    expect((await as(caseWorker).get(`/api/v1/applications/${app.id}`)).body.status).toBe('in_review');
  });

  it('lets the applicant withdraw, and not a case worker on their behalf', async () => {
    const family = await newFamilyUser();
    const app = await apply(family.token, largeFamily());
    await step(family.token, app.id, 'submit');
    expect((await step(caseWorker, app.id, 'withdraw')).status).toBe(403);
    expect((await step(family.token, app.id, 'withdraw')).body.status).toBe('withdrawn');
  });

  it('refuses a bad PESEL naming the member field, and stores nothing', async () => {
    const family = await newFamilyUser();
    const members = largeFamily();
    members[2] = {
      ...members[2],
      nationalId: members[2].nationalId!.slice(0, 10) + ((Number(members[2].nationalId!.at(-1)) + 1) % 10),
    };
    members[3] = { ...members[3], nationalId: peselFor('1999-01-01') };
    const before = await t.dataSource.query('SELECT COUNT(*) AS n FROM applications');
    const res = await as(family.token).post('/api/v1/applications', {
      type: 'new_family',
      ...ADDRESS,
      members,
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'members[2].nationalId',
      'members[3].nationalId',
    ]);
    expect(await t.dataSource.query('SELECT COUNT(*) AS n FROM applications')).toEqual(before);
  });

  it('names every missing field when an incomplete application is submitted', async () => {
    const family = await newFamilyUser();
    const draft = await as(family.token).post('/api/v1/applications', { type: 'new_family' }).expect(201);
    const res = await step(family.token, draft.body.id, 'submit');
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(
      ['city', 'members', 'postalCode', 'street'].sort(),
    );
  });

  describe('duplicates and privacy', () => {
    it('finds a member already in an active family by blind index, without the PESEL stored in clear', async () => {
      const first = await newFamilyUser();
      const members = largeFamily('Zieliński');
      const app = await apply(first.token, members);
      await step(first.token, app.id, 'submit');
      await step(caseWorker, app.id, 'start-review');
      expect((await step(caseWorker, app.id, 'approve', { reason: 'meets_rules' })).status).toBe(200);

      // Another household states one of the same children.
      const second = await newFamilyUser();
      const shared = members[3];
      const other = await apply(second.token, [...largeFamily('Mazur'), shared]);
      await step(second.token, other.id, 'submit');
      const review = await step(caseWorker, other.id, 'start-review');
      expect(review.body.duplicates).toHaveLength(1);
      const ownView = await as(second.token).get(`/api/v1/applications/${other.id}`).expect(200);
      expect(ownView.body.duplicates).toBeUndefined();
      expect(JSON.stringify(ownView.body)).not.toContain(shared.nationalId);

      // Approving would put a person in two active families: refused, and nothing of it is written.
      const families = await t.dataSource.query('SELECT COUNT(*) AS n FROM families');
      const res = await step(caseWorker, other.id, 'approve', { reason: 'meets_rules' });
      expect(res.status).toBe(409);
      expect(await t.dataSource.query('SELECT COUNT(*) AS n FROM families')).toEqual(families);
      expect((await as(caseWorker).get(`/api/v1/applications/${other.id}`)).body.status).toBe('in_review');

      // The raw rows hold ciphertext and a keyed hash, never the number itself.
      for (const table of ['members', 'application_members']) {
        const rows = await t.dataSource.query(`SELECT * FROM ${table}`);
        expect(rows.length).toBeGreaterThan(0);
        expect(JSON.stringify(rows)).not.toContain(shared.nationalId);
        for (const row of rows) {
          expect(row.national_id_index).toMatch(/^[A-Za-z0-9_-]{22}$/);
          expect(row.national_id_cipher).toMatch(/^v1\./);
        }
      }
      const audit = await t.dataSource.query('SELECT * FROM audit_log');
      expect(JSON.stringify(audit)).not.toContain(shared.nationalId);
    });

    it("keeps a family out of another family's application and a merchant out of all", async () => {
      const owner = await newFamilyUser();
      const app = await apply(owner.token, largeFamily());
      const stranger = await newFamilyUser();
      await as(stranger.token).get(`/api/v1/applications/${app.id}`).expect(404);
      await as(stranger.token).patch(`/api/v1/applications/${app.id}`, { city: 'Kraków' }).expect(404);
      await step(stranger.token, app.id, 'submit').then((r) => expect(r.status).toBe(404));
      const list = await as(stranger.token).get('/api/v1/applications').expect(200);
      expect(list.body.items.map((a: { id: string }) => a.id)).not.toContain(app.id);
      const merchant = await t.newUser('merchant_owner');
      await as(merchant.token).get(`/api/v1/applications/${app.id}`).expect(403);
      await as(merchant.token).get('/api/v1/applications').expect(403);
      const partnerManager = await t.newUser('partner_manager');
      await as(partnerManager.token).get(`/api/v1/applications/${app.id}`).expect(403);
    });
  });

  describe('review queue', () => {
    it('filters by status, type, overdue and text (diacritics ignored), oldest first, with a cursor', async () => {
      const family = await newFamilyUser();
      const a = await apply(family.token, [
        person('parent', 'Łucja', 'Żółkiewska', '1980-01-01'),
        ...largeFamily('Żółkiewski').slice(2),
      ]);
      await step(family.token, a.id, 'submit');
      const found = await as(caseWorker).get('/api/v1/applications?q=zolkiewsk&status=submitted').expect(200);
      expect(found.body.items.map((x: { id: string }) => x.id)).toEqual([a.id]);
      expect(found.body.items[0].familyNames).toBe('Żółkiewska / Żółkiewski');
      await as(caseWorker)
        .get('/api/v1/applications?type=extend&q=zolkiewsk')
        .expect(200)
        .then((r) => expect(r.body.items).toEqual([]));

      // Oldest first, page by page, nothing repeated or skipped.
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await as(caseWorker)
          .get(`/api/v1/applications?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
          .expect(200);
        seen.push(...page.body.items.map((x) => x.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(new Set(seen).size).toBe(seen.length);
      const all = await as(caseWorker).get('/api/v1/applications?limit=100').expect(200);
      expect(all.body.items.map((x: { id: string }) => x.id)).toEqual(seen);
      expect(all.body.items.some((x: { status: string }) => x.status === 'draft')).toBe(false);

      // Past the decision deadline: moved back in time directly, as days passing would.
      await t.dataSource.query(
        `UPDATE applications SET decision_due_at = ${engine === 'postgres' ? "now() - interval '1 day'" : "datetime('now', '-1 day')"} WHERE id = '${a.id}'`,
      );
      const overdue = await as(caseWorker).get('/api/v1/applications?overdue=true&limit=100').expect(200);
      expect(overdue.body.items.map((x: { id: string }) => x.id)).toContain(a.id);
      expect(overdue.body.items.every((x: { overdue: boolean }) => x.overdue)).toBe(true);
      await as(caseWorker).get('/api/v1/applications?status=bogus').expect(400);
      // An empty list (`?status=`) is no filter, not an empty IN () that PostgreSQL refuses (found by fuzzing).
      const unfiltered = await as(caseWorker).get('/api/v1/applications?status=&limit=100').expect(200);
      expect(unfiltered.body.items.map((x: { id: string }) => x.id)).toEqual(seen);
      // A forged cursor (not one of ours) is a 400 naming it, never passed on to the database.
      const forged = Buffer.from('2026-01-01T00:00:00.000Z|not-a-uuid').toString('base64url');
      const refused = await as(caseWorker).get(`/api/v1/applications?cursor=${forged}`).expect(400);
      expect(refused.body.errors[0].field).toBe('cursor');
    });
  });

  describe('later applications of an enrolled family', () => {
    it('adds a newborn and extends a member, each on approval only', async () => {
      const family = await newFamilyUser();
      const members = largeFamily('Lewandowski');
      const app = await apply(family.token, members);
      await step(family.token, app.id, 'submit');
      await step(caseWorker, app.id, 'start-review');
      const familyId = (await step(caseWorker, app.id, 'approve', { reason: 'meets_rules' })).body.familyId;

      const year = new Date().getFullYear();
      const newborn = await as(family.token)
        .post('/api/v1/applications', {
          type: 'add_member',
          members: [person('child', 'Adam', 'Lewandowski', `${year}-01-02`)],
        })
        .expect(201);
      expect(newborn.body.familyId).toBe(familyId);
      await step(family.token, newborn.body.id, 'submit');
      await step(caseWorker, newborn.body.id, 'start-review');
      await step(caseWorker, newborn.body.id, 'approve', { reason: 'meets_rules' }).then((r) =>
        expect(r.status).toBe(200),
      );
      const count = await t.dataSource.query(
        `SELECT COUNT(*) AS n FROM members WHERE family_id = '${familyId}'`,
      );
      expect(Number(count[0].n)).toBe(6);
      // The approval issued the newborn's card, until the day before the 18th birthday; the others kept theirs.
      const cards = () => t.dataSource.getRepository(CardEntity).find({ where: { familyId } });
      expect((await cards()).filter((c) => c.status === 'active')).toHaveLength(6);
      const adam = (await cards()).find((c) => c.holderName === 'Adam Lewandowski')!;
      expect(adam.validUntil).toBe(`${year + 18}-01-01`);

      // Extension: a disability statement restates an existing child; the member changes on approval only.
      const [child] = await t.dataSource.query(
        `SELECT id FROM members WHERE family_id = '${familyId}' AND role = 'child' ORDER BY birth_date LIMIT 1`,
      );
      const stated = { ...person('child', 'Zofia', 'Lewandowski', members[2].birthDate), memberId: child.id };
      const extend = await as(family.token)
        .post('/api/v1/applications', { type: 'extend', members: [{ ...stated, disabilityPermanent: true }] })
        .expect(201);
      const disabled = () =>
        t.dataSource
          .query(`SELECT disability_permanent AS d FROM members WHERE id = '${child.id}'`)
          .then((r: { d: unknown }[]) => Boolean(r[0].d));
      await step(family.token, extend.body.id, 'submit');
      expect(await disabled()).toBe(false);
      await step(caseWorker, extend.body.id, 'start-review');
      await step(caseWorker, extend.body.id, 'approve', { reason: 'meets_rules' }).then((r) =>
        expect(r.status).toBe(200),
      );
      expect(await disabled()).toBe(true);
      // The child's card now runs indefinitely: same number, signed again, back in the print queue.
      const extended = (await cards()).find((c) => c.memberId === child.id)!;
      expect(extended).toMatchObject({ status: 'active', validUntil: null, printBatchId: null });
      const events = await t.dataSource.getRepository(CardEventEntity).findBy({ cardId: extended.id });
      expect(events.map((e) => e.type).sort()).toEqual(['extended', 'issued']);

      // A duplicate card: the lost one is replaced by a new number with the programme's fee recorded.
      const lost = await as(family.token)
        .post('/api/v1/applications', { type: 'duplicate_card', memberId: child.id, lossReason: 'stolen' })
        .expect(201);
      await step(family.token, lost.body.id, 'submit');
      await step(caseWorker, lost.body.id, 'start-review');
      await step(caseWorker, lost.body.id, 'approve', { reason: 'meets_rules' }).then((r) =>
        expect(r.status).toBe(200),
      );
      const childCards = (await cards()).filter((c) => c.memberId === child.id);
      const replaced = childCards.find((c) => c.id === extended.id)!;
      const replacement = childCards.find((c) => c.id !== extended.id)!;
      expect(replaced).toMatchObject({
        status: 'replaced',
        statusReason: 'stolen',
        replacedById: replacement.id,
      });
      expect(replacement).toMatchObject({
        status: 'active',
        validUntil: null,
        feeAmount: 0,
        feeWaived: false,
      });
      expect(replacement.number).not.toBe(replaced.number);
    });
  });
});
