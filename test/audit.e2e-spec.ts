import { AuditLogEntity } from '../src/audit/audit-log.entity';
import { UserEntity } from '../src/users/user.entity';
import { engine } from './support/databases';
import { startApp, TestApp, TestUser } from './support/test-app';

describe(`audit log (${engine})`, () => {
  let t: TestApp;
  let admin: string;
  let auditor: TestUser;
  beforeAll(async () => {
    t = await startApp();
    admin = await t.adminToken();
    auditor = await t.newUser('auditor');
  });
  afterAll(() => t.close());

  const bearer = { type: 'bearer' as const };
  const newest = () => t.dataSource.getRepository(AuditLogEntity).find({ order: { id: 'DESC' }, take: 1 });

  /** Runs a write and returns the audit rows it added. */
  async function rowsAddedBy(write: () => Promise<unknown>): Promise<AuditLogEntity[]> {
    const [before] = await newest();
    await write();
    return t.dataSource
      .getRepository(AuditLogEntity)
      .createQueryBuilder('a')
      .where('a.id > :id', { id: before?.id ?? 0 })
      .orderBy('a.id')
      .getMany();
  }

  it.each([
    [
      'user.create',
      'user',
      () => ({
        method: 'post',
        url: '/api/v1/users',
        body: { email: `cw-${Date.now()}@test.example`, displayName: 'Case Worker', role: 'case_worker' },
      }),
    ],
    [
      'api_key.create',
      'api_key',
      () => ({ method: 'post', url: '/api/v1/api-keys', body: { name: 'export', scopes: ['audit:read'] } }),
    ],
  ])('each write leaves exactly one audit row: %s', async (action, entityType, request) => {
    const { method, url, body } = request();
    let id = '';
    const rows = await rowsAddedBy(async () => {
      const res = await t.http[method as 'post'](url).auth(admin, bearer).send(body).expect(201);
      id = res.body.id;
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action,
      entityType,
      entityId: id,
      actorType: 'user',
      actorLabel: 'admin@test.example',
    });
    expect(rows[0].requestId).toBeTruthy();
    expect(rows[0].ip).toBeTruthy();
  });

  it('records the change itself, never the secret', async () => {
    const user = await t.newUser('case_worker');
    const [row] = await rowsAddedBy(() =>
      t.http
        .patch(`/api/v1/users/${user.user.id}`)
        .auth(admin, bearer)
        .send({ role: 'partner_manager', displayName: 'Renamed' })
        .expect(200),
    );
    expect(row).toMatchObject({ action: 'user.update', entityId: user.user.id });
    expect(row.summary).toEqual({
      displayName: 'Renamed',
      role: { from: 'case_worker', to: 'partner_manager' },
    });

    const created = await rowsAddedBy(() =>
      t.http
        .post('/api/v1/users')
        .auth(admin, bearer)
        .send({
          email: 'with-pass@test.example',
          displayName: 'P',
          role: 'auditor',
          password: 'a long enough passphrase 99',
        })
        .expect(201),
    );
    expect(JSON.stringify(created)).not.toContain('a long enough passphrase 99');
    expect(JSON.stringify(created)).not.toContain('$argon2');
  });

  it('revoking an API key, logging in and out each leave one row', async () => {
    const key = await t.http
      .post('/api/v1/api-keys')
      .auth(admin, bearer)
      .send({ name: 'temp', scopes: ['users:read'] })
      .expect(201);
    expect(
      (
        await rowsAddedBy(() =>
          t.http.delete(`/api/v1/api-keys/${key.body.id}`).auth(admin, bearer).expect(204),
        )
      ).map((r) => r.action),
    ).toEqual(['api_key.revoke']);
    const u = await t.newUser('auditor');
    let token = '';
    expect(
      (await rowsAddedBy(async () => (token = await t.login(u.user.email, u.password)))).map((r) => r.action),
    ).toEqual(['auth.login']);
    expect(
      (await rowsAddedBy(() => t.http.post('/api/v1/auth/logout').auth(token, bearer).expect(204))).map(
        (r) => r.action,
      ),
    ).toEqual(['auth.logout']);
  });

  it('a refused write changes nothing and leaves no audit row', async () => {
    const usersBefore = await t.dataSource.getRepository(UserEntity).count();
    const rows = await rowsAddedBy(async () => {
      await t.http
        .post('/api/v1/users')
        .auth(admin, bearer)
        .send({ email: 'not-an-email', displayName: 'X', role: 'admin' })
        .expect(400);
      await t.http
        .post('/api/v1/users')
        .auth(admin, bearer)
        .send({ email: 'weak@test.example', displayName: 'X', role: 'auditor', password: 'password1234' })
        .expect(400);
      await t.http
        .post('/api/v1/users')
        .auth(admin, bearer)
        .send({ email: 'admin@test.example', displayName: 'X', role: 'auditor' })
        .expect(409);
    });
    expect(rows).toEqual([]);
    expect(await t.dataSource.getRepository(UserEntity).count()).toBe(usersBefore);
  });

  it('the database refuses UPDATE, DELETE (and on PostgreSQL TRUNCATE) on the audit log', async () => {
    await expect(t.dataSource.query(`UPDATE audit_log SET action = 'forged'`)).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    if (engine === 'postgres')
      await expect(t.dataSource.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
    expect(await t.auditCount()).toBeGreaterThan(0);
    const [forged] = await t.dataSource.query(`SELECT COUNT(*) AS n FROM audit_log WHERE action = 'forged'`);
    expect(Number(forged.n)).toBe(0);
  });

  it('admins and auditors search it with filters and keyset pages; others may not', async () => {
    const target = await t.newUser('partner_manager');
    const res = await t.http
      .get('/api/v1/audit')
      .query({ entityType: 'user', entityId: target.user.id })
      .auth(auditor.token, bearer)
      .expect(200);
    expect(res.body.items.map((i: AuditLogEntity) => i.action)).toEqual(['user.create']);

    const page1 = await t.http.get('/api/v1/audit').query({ limit: 2 }).auth(admin, bearer).expect(200);
    expect(page1.body.items).toHaveLength(2);
    const page2 = await t.http
      .get('/api/v1/audit')
      .query({ limit: 2, cursor: page1.body.nextCursor })
      .auth(admin, bearer)
      .expect(200);
    expect(Number(page2.body.items[0].id)).toBeLessThan(Number(page1.body.items[1].id));

    const logins = await t.http
      .get('/api/v1/audit')
      .query({ action: 'auth.login', actorId: auditor.user.id })
      .auth(admin, bearer)
      .expect(200);
    expect(logins.body.items.length).toBeGreaterThanOrEqual(1);
    expect(
      logins.body.items.every(
        (i: AuditLogEntity) => i.actorId === auditor.user.id && i.action === 'auth.login',
      ),
    ).toBe(true);

    const future = await t.http
      .get('/api/v1/audit')
      .query({ from: '2999-01-01T00:00:00Z' })
      .auth(admin, bearer)
      .expect(200);
    expect(future.body).toEqual({ items: [], nextCursor: null });

    const caseWorker = await t.newUser('case_worker');
    await t.http.get('/api/v1/audit').auth(caseWorker.token, bearer).expect(403);
    const bad = await t.http
      .get('/api/v1/audit')
      .query({ from: 'yesterday', limit: 0 })
      .auth(admin, bearer)
      .expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['from', 'limit']);
  });

  it('an API key with audit:read reads it, and the key itself is never in the log', async () => {
    const key = (
      await t.http
        .post('/api/v1/api-keys')
        .auth(admin, bearer)
        .send({ name: 'siem', scopes: ['audit:read'] })
        .expect(201)
    ).body;
    const res = await t.http
      .get('/api/v1/audit')
      .query({ action: 'api_key.create', entityId: key.id })
      .set('X-API-Key', key.key)
      .expect(200);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0].summary).toMatchObject({ name: 'siem', scopes: ['audit:read'] });
    expect(JSON.stringify(res.body)).not.toContain(key.key);
  });
});
