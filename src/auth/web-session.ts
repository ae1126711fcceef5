import { parse, serialize } from 'cookie';
import { timingSafeEqual } from 'node:crypto';

/**
 * Cookie sessions for the web pages: the browser holds the session in an HttpOnly cookie that scripts cannot
 * read, and every unsafe request made with it carries a CSRF token bound to the session (a header from scripts,
 * a hidden field from forms). Requests with a Bearer token or an API key are not cookie-authenticated and need
 * none: a cross-site page cannot set those headers.
 */
export const SESSION_COOKIE = 'fc_session';
export const CSRF_HEADER = 'x-csrf-token';
export const CSRF_FIELD = '_csrf';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const needsCsrf = (method: string): boolean => !SAFE_METHODS.has(method.toUpperCase());

/** The session cookie's value in a Cookie header, or null. */
export function readSessionCookie(header: string | undefined): string | null {
  if (!header) return null;
  return parse(header)[SESSION_COOKIE] || null;
}

/**
 * A cookie beside the session's that scripts may read, holding no secret ("1"): it tells a page's scripts that a
 * session cookie is there to ask about (GET /api/v1/auth/session), so a signed-out page asks nothing. It ends
 * with the session; a session ended on the server leaves it behind until the scripts' next question clears it.
 */
export const SIGNED_IN_COOKIE = 'fc_signed_in';

/**
 * Set-Cookie for a session: HttpOnly, SameSite=Lax (links from e-mails still arrive signed in; cross-site
 * posts carry no cookie), Secure behind TLS, for the whole site, until the session ends; and its signed-in mark.
 */
export function sessionCookies(value: string, expires: Date, secure: boolean): string[] {
  const options = { sameSite: 'lax', secure, path: '/', expires } as const;
  return [
    serialize(SESSION_COOKIE, value, { httpOnly: true, ...options }),
    serialize(SIGNED_IN_COOKIE, '1', options),
  ];
}

export function clearedSessionCookies(secure: boolean): string[] {
  const options = { sameSite: 'lax', secure, path: '/', expires: new Date(0) } as const;
  return [
    serialize(SESSION_COOKIE, '', { httpOnly: true, ...options }),
    serialize(SIGNED_IN_COOKIE, '', options),
  ];
}

/**
 * The CSRF token a request presented: the header, else the form field. A multipart form (a page's upload) is
 * read by its route as a stream, after the guard, so its token comes in the form's action URL (`?_csrf=`);
 * the request log drops query strings and pages send no referrer, so it goes no further.
 */
export function presentedCsrf(
  headers: Record<string, string | string[] | undefined>,
  body: unknown,
  query: unknown = undefined,
): string | null {
  const header = headers[CSRF_HEADER];
  if (typeof header === 'string' && header) return header;
  const multipart = /^multipart\/form-data\b/i.test(String(headers['content-type'] ?? ''));
  const source = multipart ? query : body;
  const field =
    source !== null && typeof source === 'object'
      ? (source as Record<string, unknown>)[CSRF_FIELD]
      : undefined;
  return typeof field === 'string' && field ? field : null;
}

/** Compares in constant time; a missing token never matches. */
export function csrfMatches(expected: string, presented: string | null): boolean {
  if (!presented) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(presented);
  return a.length === b.length && timingSafeEqual(a, b);
}
