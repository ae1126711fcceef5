import { startApp, TestApp } from './support/test-app';

describe('Programme settings', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startApp({ env: { PROGRAMME_CODE: 'LUB', PROGRAMME_NAME: 'Rodzina Trzy Plus' } });
    admin = await t.adminToken();
  });
  afterAll(() => t.close());

  const get = (url: string, token = admin) => t.http.get(url).auth(token, { type: 'bearer' });
  const patch = (url: string, body: object, token = admin) =>
    t.http.patch(url).auth(token, { type: 'bearer' }).send(body);

  it('creates one default programme at first start with the national defaults', async () => {
    const res = await get('/api/v1/programmes').expect(200);
    expect(res.body).toHaveLength(1);
    expect(res.body[0]).toMatchObject({
      code: 'LUB',
      name: 'Rodzina Trzy Plus',
      languages: ['pl', 'en'],
      timeZone: 'Europe/Warsaw',
      minChildren: 3,
      childAgeLimit: 18,
      educationAgeLimit: 25,
      educationEndRule: 'september30After',
      parentValidity: 'lifetime',
      residency: { kind: 'none', values: [] },
      decisionDeadlineDays: 7,
      reminderLeadDays: 30,
      retentionMonths: 12,
      duplicateCardFee: 0,
    });
  });

  it('lets an admin change settings, audited with old and new values', async () => {
    const [programme] = (await get('/api/v1/programmes')).body;
    const before = await t.auditCount();
    const res = await patch(`/api/v1/programmes/${programme.id}`, {
      minChildren: 4,
      residency: { kind: 'postalCodePrefixes', values: ['20-'] },
    }).expect(200);
    expect(res.body).toMatchObject({
      minChildren: 4,
      residency: { kind: 'postalCodePrefixes', values: ['20-'] },
    });
    expect(await t.auditCount()).toBe(before + 1);
    const [row] = await t.dataSource.query(
      "SELECT summary FROM audit_log WHERE action = 'programme.update' ORDER BY id DESC",
    );
    const summary = typeof row.summary === 'string' ? JSON.parse(row.summary) : row.summary;
    expect(summary.minChildren).toEqual({ from: 3, to: 4 });
    await patch(`/api/v1/programmes/${programme.id}`, {
      minChildren: 3,
      residency: { kind: 'none', values: [] },
    }).expect(200);
  });

  it.each([
    [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
    [{ minChildren: 0 }, 'minChildren'],
    [{ parentValidity: 'forever' }, 'parentValidity'],
    [{ residency: { kind: 'municipalityCodes', values: [] } }, 'residency.values'],
    [{ languages: ['polish'] }, 'languages'],
    [{ code: 'NEW' }, 'code'],
  ])('refuses %j naming %s, changing nothing', async (body, field) => {
    const [programme] = (await get('/api/v1/programmes')).body;
    const before = await t.auditCount();
    const res = await patch(`/api/v1/programmes/${programme.id}`, body).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await t.auditCount()).toBe(before);
    expect((await get(`/api/v1/programmes/${programme.id}`)).body).toEqual(programme);
  });

  it('holds several programmes, each code once', async () => {
    const created = await t.http
      .post('/api/v1/programmes')
      .auth(admin, { type: 'bearer' })
      .send({
        code: 'BUD',
        name: 'Nagycsaládos kártya',
        languages: ['hu', 'en'],
        timeZone: 'Europe/Budapest',
        nationalIdFormat: 'OTHER',
      })
      .expect(201);
    expect(created.body).toMatchObject({ code: 'BUD', minChildren: 3, languages: ['hu', 'en'] });
    await t.http
      .post('/api/v1/programmes')
      .auth(admin, { type: 'bearer' })
      .send({ code: 'BUD', name: 'Again' })
      .expect(409);
    expect((await get('/api/v1/programmes')).body).toHaveLength(2);
  });

  it('is changed by admins only', async () => {
    const [programme] = (await get('/api/v1/programmes')).body;
    const caseWorker = await t.newUser('case_worker');
    await patch(`/api/v1/programmes/${programme.id}`, { minChildren: 2 }, caseWorker.token).expect(403);
    await get('/api/v1/programmes', caseWorker.token).expect(200);
  });
});
