import type { Response } from 'supertest';
import { engine } from './support/databases';
import { cspOf, expectNoInlineCode } from './support/page-html';
import { csrfIn, pageClient, signInWithForm } from './support/page-forms';
import { startApp, TestApp } from './support/test-app';

// The sign-in, sign-out and registration pages as the server sends them; test/browser/account.e2e-spec.ts runs
// them in Chromium.

const cookies = (res: Response): string[] =>
  (res.headers['set-cookie'] as unknown as string[] | undefined) ?? [];
const cookie = (res: Response, name: string) => cookies(res).find((c) => c.startsWith(`${name}=`));

describe(`sign-in pages (${engine})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.close());

  it('serves the form under the strict CSP with a CSRF token bound to a form cookie', async () => {
    const res = await pageClient(t).get('/signin?lang=en').expect(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(cspOf(res)).toMatchObject({ 'script-src': ["'self'"], 'style-src': ["'self'"] });
    expectNoInlineCode(res.text);
    expect(cookie(res, 'fc_form')).toMatch(/HttpOnly/);
    expect(cookie(res, 'fc_form')).toMatch(/SameSite=Lax/);
    expect(csrfIn(res.text)).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(res.text).toContain('<label for="email">E-mail address</label>');
    expect(res.text).toContain('<label for="password">Password</label>');
    expect(res.text).toContain('autocomplete="current-password"');
  });

  it('speaks Polish or English by Accept-Language', async () => {
    const pl = await pageClient(t).get('/signin').set('Accept-Language', 'pl').expect(200);
    expect(pl.text).toContain('<html lang="pl">');
    expect(pl.text).toContain('Zaloguj się');
    const en = await pageClient(t).get('/signin').set('Accept-Language', 'en-GB').expect(200);
    expect(en.text).toContain('<html lang="en">');
  });

  it('refuses a post without the form’s token (login CSRF): the form again, 403, no session', async () => {
    const family = await t.newUser('family');
    const client = pageClient(t);
    await client.get('/signin').expect(200);
    const res = await client
      .post('/signin')
      .type('form')
      .send({ email: family.user.email, password: family.password, lang: 'en' })
      .expect(403);
    expect(res.text).toContain('The form expired or came from another site.');
    expect(cookie(res, 'fc_session')).toBeUndefined();
  });

  it('ties each error to its field and never sends the password back', async () => {
    const client = pageClient(t);
    const form = await client.get('/signin?lang=en');
    const res = await client
      .post('/signin')
      .type('form')
      .send({ _csrf: csrfIn(form.text), email: 'not an address', password: '', lang: 'en' })
      .expect(400);
    expect(res.text).toContain('<a href="#email">Enter an e-mail address such as name@example.com.</a>');
    expect(res.text).toContain('<p id="password-error" class="field-error">Enter your password.</p>');
    expect(res.text).toMatch(
      /id="email"[^>]*value="not an address"[^>]*aria-describedby="email-error" aria-invalid="true"/,
    );
    expect(res.text).toMatch(/id="password"[^>]*value=""[^>]*aria-describedby="password-error"/);

    const wrong = await client
      .post('/signin')
      .type('form')
      .send({
        _csrf: csrfIn(form.text),
        email: 'nobody@test.example',
        password: 'guess work 123',
        lang: 'en',
      })
      .expect(401);
    expect(wrong.text).toContain('The e-mail address or password is wrong.');
    expect(wrong.text).not.toContain('guess work 123');
    expect(cookie(wrong, 'fc_session')).toBeUndefined();
  });

  it.each([
    ['family', '/account?lang=en'],
    ['merchant_cashier', '/merchant/check?lang=en'],
    ['case_worker', '/console?lang=en'],
  ] as const)('signs a %s in with the session cookie and sends them to %s', async (role, home) => {
    const user = await t.newUser(role);
    const client = pageClient(t);
    const form = await client.get('/signin?lang=en');
    const res = await client
      .post('/signin')
      .type('form')
      .send({ _csrf: csrfIn(form.text), email: user.user.email, password: user.password, lang: 'en' })
      .expect(303);
    expect(res.headers.location).toBe(home);
    expect(cookie(res, 'fc_session')).toMatch(/HttpOnly; SameSite=Lax/);
    const session = await client.get('/api/v1/auth/session').set('Accept', 'application/json').expect(200);
    expect(session.body.user.email).toBe(user.user.email);
  });

  it('signs out only with the session’s CSRF token', async () => {
    const family = await t.newUser('family');
    const client = await signInWithForm(t, family.user.email, family.password);
    const refused = await client.post('/signout').type('form').send({ lang: 'en' }).expect(403);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    const session = await client.get('/api/v1/auth/session').expect(200);

    const res = await client
      .post('/signout')
      .type('form')
      .send({ _csrf: session.body.csrfToken, lang: 'en' })
      .expect(303);
    expect(res.headers.location).toBe('/signin?notice=signedOut&lang=en');
    expect(cookie(res, 'fc_session')).toMatch(/Expires=Thu, 01 Jan 1970/);
    const after = await client.get(res.headers.location).expect(200);
    expect(after.text).toContain('You have signed out.');
    await client.get('/api/v1/auth/session').expect(401);
  });

  it('creates a family account, with the password policy’s and a taken address’s errors at their fields', async () => {
    const client = pageClient(t);
    const form = await client.get('/register?lang=en').expect(200);
    const csrf = csrfIn(form.text);
    const email = `page-register-${Date.now()}@test.example`;
    const weak = await client
      .post('/register')
      .type('form')
      .send({ _csrf: csrf, displayName: 'Anna Nowak', email, password: 'password123', lang: 'en' })
      .expect(400);
    expect(weak.text).toContain('id="password-error"');
    expect(weak.text).toMatch(/id="password"[^>]*aria-describedby="password-hint password-error"/);
    expect(weak.text).toContain(`value="${email}"`);

    const password = 'lantern meadow cobalt 7 violin';
    const created = await client
      .post('/register')
      .type('form')
      .send({ _csrf: csrf, displayName: 'Anna Nowak', email, password, lang: 'en' })
      .expect(303);
    expect(created.headers.location).toBe('/signin?notice=registered&lang=en');

    const again = await client
      .post('/register')
      .type('form')
      .send({ _csrf: csrf, displayName: 'Anna Nowak', email, password, lang: 'en' })
      .expect(409);
    expect(again.text).toContain('An account with this e-mail address already exists.');

    const signedIn = await signInWithForm(t, email, password);
    const me = await signedIn.get('/api/v1/auth/me').expect(200);
    expect(me.body).toMatchObject({ email, role: 'family' });
  });
});
