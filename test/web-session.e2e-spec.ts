import { ApplicationEntity } from '../src/applications/application.entity';
import { engine } from './support/databases';
import { ADDRESS, largeFamily } from './support/enrolment';
import { startApp, TestApp, TestUser } from './support/test-app';

/** The cookie as a browser would send it back: the name=value part of Set-Cookie. */
const cookieOf = (res: { headers: Record<string, unknown> }): string => {
  const set = res.headers['set-cookie'] as string[] | undefined;
  const session = set?.find((c) => c.startsWith('fc_session='));
  if (!session) throw new Error(`no session cookie in ${JSON.stringify(set)}`);
  return session.split(';')[0];
};

describe(`web sessions with cookies and CSRF tokens (${engine})`, () => {
  let t: TestApp;
  let family: TestUser;
  const application = {
    type: 'new_family',
    ...ADDRESS,
    phone: '+48 600 100 200',
    members: largeFamily('Kot'),
  };
  const applications = () => t.dataSource.getRepository(ApplicationEntity).count();

  const signIn = async () => {
    const res = await t.http
      .post('/api/v1/auth/session')
      .send({ email: family.user.email, password: family.password })
      .expect(200);
    return { cookie: cookieOf(res), csrf: res.body.csrfToken as string, res };
  };

  beforeAll(async () => {
    t = await startApp();
    family = await t.newUser('family');
  });
  afterAll(() => t.close());

  it('signs in into an HttpOnly, SameSite=Lax cookie and answers the CSRF token, never the token itself', async () => {
    const { res, cookie } = await signIn();
    const set = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('fc_session='))!;
    expect(set).toMatch(/; Path=\//);
    expect(set).toMatch(/; HttpOnly/);
    expect(set).toMatch(/; SameSite=Lax/);
    expect(set).not.toMatch(/; Secure/); // the test app runs on http://
    expect(Date.parse(/Expires=([^;]+)/.exec(set)![1])).toBeGreaterThan(Date.now() + 86_400_000);
    // Beside it, a mark scripts may read, holding no secret, ending with the session.
    const mark = (res.headers['set-cookie'] as unknown as string[]).find((c) =>
      c.startsWith('fc_signed_in='),
    )!;
    expect(mark).toMatch(/^fc_signed_in=1; Path=\/; Expires=[^;]+; SameSite=Lax$/);
    expect(/Expires=([^;]+)/.exec(mark)![1]).toBe(/Expires=([^;]+)/.exec(set)![1]);
    expect(res.body).toEqual({
      user: expect.objectContaining({ email: family.user.email, role: 'family' }),
      csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      expiresAt: expect.any(String),
    });
    expect(JSON.stringify(res.body)).not.toContain(cookie.split('=')[1]);
    const me = await t.http.get('/api/v1/auth/me').set('Cookie', cookie).expect(200);
    expect(me.body.email).toBe(family.user.email);
  });

  it('takes a plain HTML form post too', async () => {
    const res = await t.http
      .post('/api/v1/auth/session')
      .type('form')
      .send({ email: family.user.email, password: family.password })
      .expect(200);
    await t.http.get('/api/v1/auth/me').set('Cookie', cookieOf(res)).expect(200);
  });

  it('refuses a change made with the cookie but without its CSRF token, and changes nothing', async () => {
    const { cookie } = await signIn();
    const before = await applications();
    const res = await t.http.post('/api/v1/applications').set('Cookie', cookie).send(application).expect(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.detail).toContain('CSRF');
    expect(await applications()).toBe(before);
  });

  it('accepts the change with its token in the header or in the form field; another session’s token is refused', async () => {
    const mine = await signIn();
    const other = await signIn();
    const before = await applications();
    await t.http
      .post('/api/v1/applications')
      .set('Cookie', mine.cookie)
      .set('X-CSRF-Token', other.csrf)
      .send(application)
      .expect(403);
    expect(await applications()).toBe(before);
    const created = await t.http
      .post('/api/v1/applications')
      .set('Cookie', mine.cookie)
      .set('X-CSRF-Token', mine.csrf)
      .send(application)
      .expect(201);
    await t.http
      .patch(`/api/v1/applications/${created.body.id}`)
      .set('Cookie', mine.cookie)
      .send({ phone: '+48 600 100 300', _csrf: mine.csrf })
      .expect(200);
    expect(await applications()).toBe(before + 1);
  });

  it('a Bearer token needs no CSRF token: a cross-site page cannot send one', async () => {
    const before = await applications();
    await t.http
      .post('/api/v1/applications')
      .auth((await t.newUser('family')).token, { type: 'bearer' })
      .send(application)
      .expect(201);
    expect(await applications()).toBe(before + 1);
  });

  it('never mixes the two: a cookie token is no Bearer token and an access token is no cookie', async () => {
    const { cookie } = await signIn();
    await t.http.get('/api/v1/auth/me').auth(cookie.split('=')[1], { type: 'bearer' }).expect(401);
    await t.http.get('/api/v1/auth/me').set('Cookie', `fc_session=${family.token}`).expect(401);
    await t.http.get('/api/v1/auth/me').set('Cookie', 'fc_session=forged').expect(401);
  });

  it('the session answers its CSRF token to its own scripts; signing out ends it and clears the cookie', async () => {
    const { cookie, csrf } = await signIn();
    const session = await t.http.get('/api/v1/auth/session').set('Cookie', cookie).expect(200);
    expect(session.body.csrfToken).toBe(csrf);
    await t.http.delete('/api/v1/auth/session').set('Cookie', cookie).expect(403);
    const out = await t.http
      .delete('/api/v1/auth/session')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', csrf)
      .expect(204);
    const cleared = (out.headers['set-cookie'] as unknown as string[]).find((c) =>
      c.startsWith('fc_session='),
    )!;
    expect(cleared).toMatch(/^fc_session=;.*Expires=Thu, 01 Jan 1970 00:00:00 GMT/);
    expect(out.headers['set-cookie']).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^fc_signed_in=;.*Expires=Thu, 01 Jan 1970 00:00:00 GMT/),
      ]),
    );
    await t.http.get('/api/v1/auth/me').set('Cookie', cookie).expect(401);
  });

  it('a wrong password sets no cookie', async () => {
    const res = await t.http
      .post('/api/v1/auth/session')
      .send({ email: family.user.email, password: 'not the password at all' })
      .expect(401);
    expect(res.headers['set-cookie']).toBeUndefined();
  });
});
