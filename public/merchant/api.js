// The merchant's session and calls to the API. The token pair lives in sessionStorage (gone when the tab
// closes); an expired access token is renewed once with the refresh token. Refresh tokens rotate and a reused
// one ends the session, so concurrent calls share one refresh.

const SESSION_KEY = 'fc.checker.session';

export class NetworkError extends Error {}
export class SessionEnded extends Error {}

export function session() {
  try {
    return JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null');
  } catch {
    return null;
  }
}

function keep(tokens) {
  sessionStorage.setItem(
    SESSION_KEY,
    JSON.stringify({ accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, user: tokens.user }),
  );
}

export function forget() {
  sessionStorage.removeItem(SESSION_KEY);
}

async function send(path, { method = 'GET', body, token } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
      credentials: 'same-origin',
    });
  } catch (error) {
    throw new NetworkError(error.message);
  }
  const type = response.headers.get('content-type') ?? '';
  const data = /json/.test(type) ? await response.json().catch(() => null) : null;
  return { status: response.status, ok: response.ok, body: data };
}

/** Signs in; returns the answer (status 200 with the user, or the problem). */
export async function signIn(email, password) {
  const res = await send('/api/v1/auth/login', { method: 'POST', body: { email, password } });
  if (res.ok) keep(res.body);
  return res;
}

let refreshing = null;
async function refresh() {
  const current = session();
  if (!current?.refreshToken) throw new SessionEnded();
  refreshing ??= send('/api/v1/auth/refresh', {
    method: 'POST',
    body: { refreshToken: current.refreshToken },
  })
    .then((res) => {
      if (!res.ok) {
        forget();
        throw new SessionEnded();
      }
      keep(res.body);
    })
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

/** A call with the session's token; 401 once → refresh and try again; no session → SessionEnded. */
export async function api(path, options = {}) {
  const current = session();
  if (!current) throw new SessionEnded();
  const res = await send(path, { ...options, token: current.accessToken });
  if (res.status !== 401) return res;
  await refresh();
  const again = await send(path, { ...options, token: session().accessToken });
  if (again.status === 401) {
    forget();
    throw new SessionEnded();
  }
  return again;
}

export async function signOut() {
  const current = session();
  forget();
  if (current)
    await send('/api/v1/auth/logout', { method: 'POST', token: current.accessToken }).catch(() => {});
}

/** Public documents (the keys, the revocation list): plain GETs the service worker may answer from its cache. */
export async function getPublic(path) {
  try {
    const response = await fetch(path, { headers: { Accept: 'application/json' } });
    return response.ok ? await response.json() : null;
  } catch {
    return null;
  }
}
