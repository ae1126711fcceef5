import {
  clearedSessionCookies,
  csrfMatches,
  needsCsrf,
  presentedCsrf,
  readSessionCookie,
  sessionCookies,
} from './web-session';

describe('web session cookies', () => {
  it.each([
    ['GET', false],
    ['head', false],
    ['OPTIONS', false],
    ['POST', true],
    ['PATCH', true],
    ['PUT', true],
    ['DELETE', true],
  ])('%s needs a CSRF token: %s', (method, needed) => {
    expect(needsCsrf(method)).toBe(needed);
  });

  it.each([
    [undefined, null],
    ['', null],
    ['theme=dark', null],
    ['fc_session=abc.def', 'abc.def'],
    ['theme=dark; fc_session=abc; other=1', 'abc'],
    ['fc_session=', null],
  ])('reads %j as %j', (header, value) => {
    expect(readSessionCookie(header)).toBe(value);
  });

  it('sets an HttpOnly, SameSite=Lax cookie for the whole site until the session ends, and a readable mark without a secret; Secure behind TLS', () => {
    const expires = new Date('2026-12-23T10:00:00Z');
    expect(sessionCookies('tok', expires, false)).toEqual([
      'fc_session=tok; Path=/; Expires=Wed, 23 Dec 2026 10:00:00 GMT; HttpOnly; SameSite=Lax',
      'fc_signed_in=1; Path=/; Expires=Wed, 23 Dec 2026 10:00:00 GMT; SameSite=Lax',
    ]);
    for (const cookie of sessionCookies('tok', expires, true)) expect(cookie).toContain('; Secure');
    expect(clearedSessionCookies(true)).toEqual([
      'fc_session=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; Secure; SameSite=Lax',
      'fc_signed_in=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Secure; SameSite=Lax',
    ]);
  });

  it.each([
    ['the header', { 'x-csrf-token': 'h' }, { _csrf: 'f' }, 'h'],
    ['the form field', {}, { _csrf: 'f' }, 'f'],
    ['nothing', {}, { name: 'x' }, null],
    ['a field that is not text', {}, { _csrf: ['f'] }, null],
    ['no body', {}, undefined, null],
    ['a multipart form’s action URL', { 'content-type': 'multipart/form-data; boundary=x' }, undefined, 'q'],
    ['a query only for multipart', { 'content-type': 'application/x-www-form-urlencoded' }, {}, null],
  ])('takes the CSRF token from %s', (_about, headers, body, token) => {
    expect(presentedCsrf(headers, body, { _csrf: 'q' })).toBe(token);
  });

  it.each([
    ['the same token', 'abc', 'abc', true],
    ['another token', 'abc', 'abd', false],
    ['a shorter one', 'abc', 'ab', false],
    ['none', 'abc', null, false],
  ])('%s matches: %s', (_about, expected, presented, matches) => {
    expect(csrfMatches(expected, presented)).toBe(matches);
  });
});
