import { engine } from './support/databases';
import { startApp, TestApp } from './support/test-app';

describe(`one error shape (${engine})`, () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startApp({ env: { BODY_LIMIT_BYTES: '4096' } });
    admin = await t.adminToken();
  });
  afterAll(() => t.close());

  const expectProblem = (
    res: { status: number; headers: Record<string, string>; body: Record<string, unknown> },
    status: number,
  ) => {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      status,
      type: expect.stringMatching(/^\/problems\//),
      title: expect.any(String),
    });
    expect(res.body.requestId).toBe(res.headers['x-request-id']);
    expect(JSON.stringify(res.body)).not.toMatch(/\bat \S+ \(|node_modules|\.ts:\d+/); // no stack trace
  };

  it('unknown routes answer 404 problem+json', async () => {
    expectProblem(await t.http.get('/api/v1/no-such-thing'), 404);
    expectProblem(await t.http.delete('/nowhere'), 404);
  });

  it('the router’s own refusals (over-long path parameter, malformed URL) answer problem+json too', async () => {
    const long = await t.http.get(`/api/v1/users/${'a'.repeat(600)}`).auth(admin, { type: 'bearer' });
    expectProblem(long, 414);
    expect(long.body.instance.length).toBeLessThanOrEqual(200);
    expectProblem(await t.http.get('/api/v1/users/%E0%A4%A').auth(admin, { type: 'bearer' }), 400);
  });

  it('refuses a body nested hundreds of levels deep, and NUL in any text, with 400 (500s before; fuzzing)', async () => {
    const deep = `{"refreshToken":${'{"a":'.repeat(600)}1${'}'.repeat(600)}}`;
    const res = await t.http.post('/api/v1/auth/refresh').set('Content-Type', 'application/json').send(deep);
    expectProblem(res, 400);
    expect(res.body.detail).toMatch(/nested deeper than 32 levels/);
    const nul = await t.http.get('/api/v1/applications?q=a%00b').auth(admin, { type: 'bearer' });
    expectProblem(nul, 400);
    expect(nul.body.errors).toEqual([{ field: 'q', message: 'q must not contain a NUL character' }]);
  });

  it('malformed JSON answers 400 and names the problem', async () => {
    const res = await t.http
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email": "a@b.c", ');
    expectProblem(res, 400);
    expect(res.body.detail).toMatch(/not valid JSON/);
  });

  it('an oversized body answers 413', async () => {
    const res = await t.http
      .post('/api/v1/auth/login')
      .send({ email: 'a@b.example', password: 'x'.repeat(10_000) });
    expectProblem(res, 413);
  });

  it('an unsupported media type answers 415', async () => {
    const res = await t.http
      .post('/api/v1/auth/login')
      .set('Content-Type', 'text/csv')
      .send('email,password');
    expectProblem(res, 415);
  });

  it('invalid fields answer 400 with a message per field, unknown fields included', async () => {
    const res = await t.http
      .post('/api/v1/users')
      .auth(admin, { type: 'bearer' })
      .send({ email: 'nope', displayName: '', role: 'emperor', isAdmin: true });
    expectProblem(res, 400);
    expect(res.body.type).toBe('/problems/validation-error');
    const fields = (res.body.errors as { field: string; message: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(['displayName', 'email', 'isAdmin', 'role']);
    expect(res.body.errors.find((e: { field: string }) => e.field === 'role').message).toMatch(
      /admin, case_worker/,
    );
  });

  it('a missing field is reported as missing, not by its length rule', async () => {
    const res = await t.http.post('/api/v1/auth/login').send({});
    expectProblem(res, 400);
    expect(res.body.errors).toEqual([
      { field: 'email', message: 'email must be an e-mail address' },
      { field: 'password', message: 'password must be a string' },
    ]);
  });

  it('wrong types in query and path parameters answer 400, not 500', async () => {
    expectProblem(
      await t.http
        .get('/api/v1/users')
        .query({ limit: 'many', disabled: 'maybe' })
        .auth(admin, { type: 'bearer' }),
      400,
    );
    expectProblem(await t.http.get('/api/v1/users/not-a-uuid').auth(admin, { type: 'bearer' }), 400);
    expectProblem(
      await t.http.get('/api/v1/users/00000000-0000-4000-8000-000000000000').auth(admin, { type: 'bearer' }),
      404,
    );
  });

  it('a JSON array or scalar where an object is expected answers 400', async () => {
    expectProblem(await t.http.post('/api/v1/auth/login').send([1, 2]), 400);
    expectProblem(
      await t.http.post('/api/v1/auth/login').set('Content-Type', 'application/json').send('"text"'),
      400,
    );
    expectProblem(
      await t.http.post('/api/v1/auth/login').set('Content-Type', 'application/json').send('null'),
      400,
    );
  });

  it('keeps a plain incoming X-Request-Id and generates one otherwise', async () => {
    const kept = await t.http.get('/health').set('X-Request-Id', 'till-42.request-0001');
    expect(kept.headers['x-request-id']).toBe('till-42.request-0001');
    const replaced = await t.http.get('/health').set('X-Request-Id', '<script>');
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends security headers', async () => {
    const res = await t.http.get('/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['content-security-policy']).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });
});

describe(`CORS (${engine})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp({ env: { CORS_ORIGINS: 'https://portal.city.example' } });
  });
  afterAll(() => t.close());

  it('allows only the configured origins', async () => {
    const ok = await t.http
      .options('/api/v1/auth/login')
      .set('Origin', 'https://portal.city.example')
      .set('Access-Control-Request-Method', 'POST');
    expect(ok.headers['access-control-allow-origin']).toBe('https://portal.city.example');
    const other = await t.http
      .options('/api/v1/auth/login')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'POST');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});
