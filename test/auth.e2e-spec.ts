import { createHmac } from 'node:crypto';
import { AuditLogEntity } from '../src/audit/audit-log.entity';
import { SessionEntity } from '../src/auth/session.entity';
import { UserEntity } from '../src/users/user.entity';
import { engine } from './support/databases';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startApp, TestApp } from './support/test-app';

describe(`auth (${engine})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp({ env: { LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '15' } });
  });
  afterAll(() => t.close());

  const login = (email: string, password: string) =>
    t.http.post('/api/v1/auth/login').send({ email, password });

  it('signs the first admin in and returns a bearer token that works', async () => {
    const res = await login(ADMIN_EMAIL.toUpperCase(), ADMIN_PASSWORD).expect(200);
    expect(res.body).toMatchObject({
      tokenType: 'Bearer',
      expiresIn: 900,
      user: { email: ADMIN_EMAIL, role: 'admin' },
    });
    expect(res.body.user.passwordHash).toBeUndefined();
    const me = await t.http.get('/api/v1/auth/me').auth(res.body.accessToken, { type: 'bearer' }).expect(200);
    expect(me.body.email).toBe(ADMIN_EMAIL);
  });

  it('stores the password as an argon2id hash', async () => {
    const [row] = await t.dataSource.query(`SELECT password_hash FROM users WHERE email = '${ADMIN_EMAIL}'`);
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$/);
  });

  it('refuses a wrong password and an unknown e-mail with the same 401 problem', async () => {
    const wrong = await login(ADMIN_EMAIL, 'not the password at all').expect(401);
    const unknown = await login('nobody@test.example', 'not the password at all').expect(401);
    expect(wrong.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(wrong.body.detail).toBe(unknown.body.detail);
    expect(wrong.headers['www-authenticate']).toBe('Bearer');
  });

  it('locks the account after repeated failures, even against the right password, until an admin unlocks it', async () => {
    const victim = await t.newUser('case_worker');
    for (let i = 0; i < 3; i++) await login(victim.user.email, `wrong password number ${i}`).expect(401);
    const locked = await login(victim.user.email, victim.password).expect(429);
    expect(locked.body).toMatchObject({ type: '/problems/account-locked', status: 429 });
    expect(locked.body.retryAfter).toBeGreaterThan(14 * 60);
    const actions = await t.dataSource
      .getRepository(AuditLogEntity)
      .find({ where: [{ entityId: victim.user.id }, { actorId: victim.user.id }], order: { id: 'ASC' } });
    expect(actions.map((a) => a.action)).toEqual([
      'user.create',
      'auth.login',
      'auth.login_failed',
      'auth.login_failed',
      'auth.locked',
    ]);

    const admin = await t.adminToken();
    await t.http
      .patch(`/api/v1/users/${victim.user.id}`)
      .auth(admin, { type: 'bearer' })
      .send({ locked: false })
      .expect(200);
    await login(victim.user.email, victim.password).expect(200);
  });

  it('a successful login resets the failure count', async () => {
    const u = await t.newUser('auditor');
    await login(u.user.email, 'wrong password one').expect(401);
    await login(u.user.email, 'wrong password two').expect(401);
    await login(u.user.email, u.password).expect(200);
    await login(u.user.email, 'wrong password three').expect(401);
    await login(u.user.email, 'wrong password four').expect(401);
    await login(u.user.email, u.password).expect(200);
  });

  it('rotates refresh tokens and ends the session when an old one is replayed', async () => {
    const u = await t.newUser('partner_manager');
    const first = (await login(u.user.email, u.password).expect(200)).body;
    const second = (
      await t.http.post('/api/v1/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200)
    ).body;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    await t.http.get('/api/v1/auth/me').auth(second.accessToken, { type: 'bearer' }).expect(200);

    const replay = await t.http
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: first.refreshToken })
      .expect(401);
    expect(replay.body.detail).toMatch(/already used/);
    // The whole session is gone: the newest tokens stop working too.
    await t.http.post('/api/v1/auth/refresh').send({ refreshToken: second.refreshToken }).expect(401);
    await t.http.get('/api/v1/auth/me').auth(second.accessToken, { type: 'bearer' }).expect(401);
  });

  it('logout ends the session at once', async () => {
    const u = await t.newUser('case_worker');
    const tokens = (await login(u.user.email, u.password).expect(200)).body;
    await t.http.post('/api/v1/auth/logout').auth(tokens.accessToken, { type: 'bearer' }).expect(204);
    await t.http.get('/api/v1/auth/me').auth(tokens.accessToken, { type: 'bearer' }).expect(401);
    await t.http.post('/api/v1/auth/refresh').send({ refreshToken: tokens.refreshToken }).expect(401);
    const { sid } = JSON.parse(Buffer.from(tokens.accessToken.split('.')[1], 'base64url').toString());
    const session = await t.dataSource.getRepository(SessionEntity).findOneByOrFail({ id: sid });
    expect(session.revokedAt).toBeInstanceOf(Date);
  });

  it('disabling a user ends their sessions and refuses new logins', async () => {
    const u = await t.newUser('case_worker');
    const admin = await t.adminToken();
    await t.http
      .patch(`/api/v1/users/${u.user.id}`)
      .auth(admin, { type: 'bearer' })
      .send({ disabled: true })
      .expect(200);
    await t.http.get('/api/v1/auth/me').auth(u.token, { type: 'bearer' }).expect(401);
    await login(u.user.email, u.password).expect(403);
  });

  // The guard reads the session and its user on every request; each row below is changed underneath a live
  // token, in the database alone, and the very next request must see it.
  it.each([
    ['a disabled user', { users: { disabled: true } }, 401],
    ['a session past its end', { sessions: { expires_at: new Date(Date.now() - 1000) } }, 401],
    ['a revoked session', { sessions: { revoked_at: new Date() } }, 401],
    ['a session now of another user', { sessions: { user_id: 'admin' } }, 401],
    ['an admin re-roled to case worker', { users: { role: 'case_worker' } }, 403],
  ] as const)('refuses %s at the next request', async (_case, change, status) => {
    const u = await t.newUser('admin');
    const { sid } = JSON.parse(Buffer.from(u.token.split('.')[1], 'base64url').toString());
    const listUsers = () => t.http.get('/api/v1/users').auth(u.token, { type: 'bearer' }); // admins only
    await listUsers().expect(200);
    const admin = await t.dataSource.getRepository(UserEntity).findOneByOrFail({ email: ADMIN_EMAIL });
    for (const [table, values] of Object.entries(change)) {
      const [column, raw] = Object.entries(values)[0];
      const value = raw === 'admin' ? admin.id : raw;
      await t.dataSource
        .createQueryBuilder()
        .update(table === 'users' ? UserEntity : SessionEntity)
        .set({ [camel(column)]: value })
        .where('id = :id', { id: table === 'users' ? u.user.id : sid })
        .execute();
    }
    await listUsers().expect(status);
  });

  it('changing the password applies the policy and signs out other sessions', async () => {
    const u = await t.newUser('auditor');
    const other = await t.login(u.user.email, u.password);
    const weak = await t.http
      .post('/api/v1/auth/password')
      .auth(u.token, { type: 'bearer' })
      .send({ currentPassword: u.password, newPassword: 'password1234' })
      .expect(400);
    expect(weak.body.errors).toEqual([expect.objectContaining({ field: 'newPassword' })]);
    const short = await t.http
      .post('/api/v1/auth/password')
      .auth(u.token, { type: 'bearer' })
      .send({ currentPassword: u.password, newPassword: 'Sh0rt!x' })
      .expect(400);
    expect(short.body.errors[0].message).toMatch(/at least 12 characters/);
    await t.http
      .post('/api/v1/auth/password')
      .auth(u.token, { type: 'bearer' })
      .send({ currentPassword: 'wrong current password', newPassword: 'a brand new long passphrase 7' })
      .expect(400);
    await t.http
      .post('/api/v1/auth/password')
      .auth(u.token, { type: 'bearer' })
      .send({ currentPassword: u.password, newPassword: 'a brand new long passphrase 7' })
      .expect(204);
    await t.http.get('/api/v1/auth/me').auth(u.token, { type: 'bearer' }).expect(200);
    await t.http.get('/api/v1/auth/me').auth(other, { type: 'bearer' }).expect(401);
    await login(u.user.email, u.password).expect(401);
    await login(u.user.email, 'a brand new long passphrase 7').expect(200);
  });

  it('rejects tampered and foreign tokens', async () => {
    const token = await t.adminToken();
    const [h, p] = token.split('.');
    await t.http.get('/api/v1/auth/me').auth(`${h}.${p}.invalidsignature`, { type: 'bearer' }).expect(401);
    await t.http
      .get('/api/v1/auth/me')
      .set('Authorization', `Basic ${Buffer.from('a:b').toString('base64')}`)
      .expect(401);
  });
});

describe(`access tokens (${engine})`, () => {
  const secret = 'a JWT_SECRET of at least thirty-two characters';
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp({ env: { JWT_SECRET: secret } });
  });
  afterAll(() => t.close());

  /** An HS256 JWT made by hand, so the test does not share the app's JWT library. */
  const hs256 = (payload: object, key: string) => {
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const signed = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(payload)}`;
    return `${signed}.${createHmac('sha256', key).update(signed).digest('base64url')}`;
  };

  it('are HS256 over the bytes of JWT_SECRET: a token signed with it elsewhere works, any other key does not', async () => {
    const issued = await t.adminToken();
    const claims = JSON.parse(Buffer.from(issued.split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({ typ: 'access', iss: 'family-card', sid: expect.any(String) });
    const me = (token: string) => t.http.get('/api/v1/auth/me').auth(token, { type: 'bearer' });
    expect((await me(hs256(claims, secret)).expect(200)).body.email).toBe(ADMIN_EMAIL);
    await me(hs256(claims, `${secret}!`)).expect(401);
    await me(hs256({ ...claims, typ: 'web' }, secret)).expect(401);
  });
});

describe(`login rate limit (${engine})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp({ env: { RATE_LIMIT_LOGIN_PER_MINUTE: '4' } });
  });
  afterAll(() => t.close());

  it('throttles a client after the configured number of login attempts per minute', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push(
        (
          await t.http
            .post('/api/v1/auth/login')
            .send({ email: `x${i}@test.example`, password: 'whatever-123' })
        ).status,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    // Other routes keep their own, larger budget.
    await t.http.get('/health').expect(200);
  });
});

describe(`family self-registration (${engine})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp({ env: { RATE_LIMIT_SELF_SERVICE_PER_MINUTE: '3' } });
  });
  afterAll(() => t.close());

  const register = (email: string, password = 'a long family passphrase 2026') =>
    t.http.post('/api/v1/auth/register').send({ email, password, displayName: 'Anna Nowak' });

  it('creates a family account without a family, refuses weak passwords, and is rate-limited', async () => {
    const created = await register('Nowak@Family.example').expect(201);
    expect(created.body).toMatchObject({
      email: 'nowak@family.example',
      role: 'family',
      kind: 'family',
      familyId: null,
    });
    const weak = await register('weak@family.example', 'password123').expect(400);
    expect(weak.body.errors[0].field).toBe('password');
    await register('nowak@family.example').expect(409);
    await register('fourth@family.example').expect(429);
    await t.login('nowak@family.example', 'a long family passphrase 2026');
  });
});

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
