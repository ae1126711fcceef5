import { engine } from './support/databases';
import { ADMIN_EMAIL, startApp, TestApp } from './support/test-app';

describe(`staff accounts (${engine})`, () => {
  let t: TestApp;
  let admin: string;
  const bearer = { type: 'bearer' as const };
  beforeAll(async () => {
    t = await startApp();
    admin = await t.adminToken();
  });
  afterAll(() => t.close());

  it('creates a staff user with a generated password shown once, which works', async () => {
    const res = await t.http
      .post('/api/v1/users')
      .auth(admin, bearer)
      .send({ email: ' New.Worker@City.Example ', displayName: 'New Worker', role: 'case_worker' })
      .expect(201);
    expect(res.body).toMatchObject({
      email: 'new.worker@city.example',
      kind: 'staff',
      role: 'case_worker',
      disabled: false,
    });
    expect(res.body.initialPassword).toEqual(expect.any(String));
    await t.login('new.worker@city.example', res.body.initialPassword);
    const again = await t.http.get(`/api/v1/users/${res.body.id}`).auth(admin, bearer).expect(200);
    expect(again.body.initialPassword).toBeUndefined();
  });

  it('refuses a second account with the same e-mail, in any letter case', async () => {
    const res = await t.http
      .post('/api/v1/users')
      .auth(admin, bearer)
      .send({ email: ADMIN_EMAIL.toUpperCase(), displayName: 'Dup', role: 'auditor' })
      .expect(409);
    expect(res.body.errors).toEqual([{ field: 'email', message: 'email is already in use' }]);
  });

  it('lists with filters and pagination', async () => {
    await t.newUser('auditor');
    await t.newUser('auditor');
    const res = await t.http
      .get('/api/v1/users')
      .query({ role: 'auditor', limit: 1 })
      .auth(admin, bearer)
      .expect(200);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.total).toBeGreaterThanOrEqual(2);
    expect(res.body.items[0].role).toBe('auditor');
    const search = await t.http
      .get('/api/v1/users')
      .query({ q: 'new.worker' })
      .auth(admin, bearer)
      .expect(200);
    expect(search.body.items.map((u: { email: string }) => u.email)).toEqual(['new.worker@city.example']);
    expect(JSON.stringify(res.body)).not.toContain('argon2');
  });

  it('re-roles a user; the new role applies after they sign in again', async () => {
    const u = await t.newUser('case_worker');
    await t.http.patch(`/api/v1/users/${u.user.id}`).auth(admin, bearer).send({ role: 'admin' }).expect(200);
    await t.http.get('/api/v1/users').auth(u.token, bearer).expect(401); // old session ended
    const fresh = await t.login(u.user.email, u.password);
    await t.http.get('/api/v1/users').auth(fresh, bearer).expect(200);
    await t.http
      .patch(`/api/v1/users/${u.user.id}`)
      .auth(admin, bearer)
      .send({ role: 'case_worker' })
      .expect(200);
  });

  it('never leaves the programme without an active admin', async () => {
    const me = (await t.http.get('/api/v1/auth/me').auth(admin, bearer).expect(200)).body;
    const res = await t.http
      .patch(`/api/v1/users/${me.id}`)
      .auth(admin, bearer)
      .send({ disabled: true })
      .expect(409);
    expect(res.body.type).toBe('/problems/last-admin');
    await t.http.patch(`/api/v1/users/${me.id}`).auth(admin, bearer).send({ role: 'auditor' }).expect(409);
    const second = await t.newUser('admin');
    await t.http
      .patch(`/api/v1/users/${second.user.id}`)
      .auth(admin, bearer)
      .send({ disabled: true })
      .expect(200);
  });

  it('only staff roles can be given through this API', async () => {
    const res = await t.http
      .post('/api/v1/users')
      .auth(admin, bearer)
      .send({ email: 'fam@test.example', displayName: 'F', role: 'family' })
      .expect(400);
    expect(res.body.errors[0].field).toBe('role');
  });

  it('refuses null for a field that may only be left out, naming it (a 500 before; found by fuzzing)', async () => {
    const { user } = await t.newUser('auditor');
    for (const field of ['displayName', 'role', 'disabled']) {
      const res = await t.http
        .patch(`/api/v1/users/${user.id}`)
        .auth(admin, bearer)
        .send({ [field]: null })
        .expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
    }
    const created = await t.http
      .post('/api/v1/users')
      .auth(admin, bearer)
      .send({ email: 'null-password@test.example', displayName: 'N', role: 'auditor', password: null })
      .expect(400);
    expect(created.body.errors[0].field).toBe('password');
  });
});
