import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import type { TestApp } from './test-app';

/** The hidden CSRF token of the (first) form in a page. */
export function csrfIn(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m) throw new Error('no _csrf field in the page');
  return m[1];
}

/** A browser-like client of the pages: keeps cookies, asks for HTML. */
export const pageClient = (t: TestApp): TestAgent =>
  request.agent(t.app.getHttpServer()).set('Accept', 'text/html');

/** Signs in through the sign-in form, as a browser does; answers the client holding the session cookie. */
export async function signInWithForm(t: TestApp, email: string, password: string): Promise<TestAgent> {
  const client = pageClient(t);
  const form = await client.get('/signin').expect(200);
  const res = await client
    .post('/signin')
    .type('form')
    .send({ _csrf: csrfIn(form.text), email, password });
  if (res.status !== 303) throw new Error(`sign-in form failed: ${res.status} ${res.text.slice(0, 300)}`);
  return client;
}

/** The household step's fields for `people`, one row each in order, as the wizard's form posts them. */
export function householdForm(
  address: Record<string, string>,
  people: { firstName: string; lastName: string; birthDate: string; role: string; nationalId?: string }[],
): Record<string, string> {
  const form: Record<string, string> = { ...address };
  people.forEach((p, i) => {
    for (const [name, value] of Object.entries(p)) form[`${name}-${i}`] = value ?? '';
  });
  return form;
}
