// A page's session and calls to the API, shared by the merchant checker and the family wallet. The session
// itself is the HttpOnly cookie the server sets (POST /api/v1/auth/session, or the /signin page): scripts never
// see a credential. The page keeps only who is signed in and the session's CSRF token (in the storage it chooses),
// so it can show the user offline and send the token with every change; without the cookie the token is worth
// nothing.

export class NetworkError extends Error {}
export class SessionEnded extends Error {}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * `storage`: where the signed-in user and the CSRF token are kept; `key`: their name there; `timeoutMs`: a call
 * that hangs longer counts as no connection (a weak signal), so offline fallbacks show instead.
 */
export function createApiClient({ storage, key, timeoutMs = 15_000 }) {
  function session() {
    try {
      return JSON.parse(storage.getItem(key) ?? 'null');
    } catch {
      return null;
    }
  }

  function keep(answer) {
    storage.setItem(key, JSON.stringify({ user: answer.user, csrfToken: answer.csrfToken }));
  }

  function forget() {
    storage.removeItem(key);
  }

  async function send(path, { method = 'GET', body } = {}) {
    const headers = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const csrfToken = session()?.csrfToken;
    if (UNSAFE.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
    let response;
    try {
      response = await fetch(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        cache: 'no-store',
        credentials: 'same-origin',
        signal: globalThis.AbortSignal?.timeout?.(timeoutMs),
      });
    } catch (error) {
      throw new NetworkError(error.message);
    }
    const type = response.headers.get('content-type') ?? '';
    const data = /json/.test(type) ? await response.json().catch(() => null) : null;
    return { status: response.status, ok: response.ok, body: data };
  }

  /** Signs in (the server sets the session cookie); returns the answer (200 with the user, or the problem). */
  async function signIn(email, password) {
    const res = await send('/api/v1/auth/session', { method: 'POST', body: { email, password } });
    if (res.ok) keep(res.body);
    return res;
  }

  /**
   * Asks the server who the cookie belongs to, so a session started on the sign-in page counts here too, and an
   * ended one is forgotten. Without the session's readable mark (fc_signed_in) there is no session to ask about.
   * Offline, the kept user stays: the page works from its copies.
   */
  async function resume() {
    if (!/(?:^|;\s*)fc_signed_in=1(?:;|$)/.test(document.cookie)) {
      forget();
      return null;
    }
    if (navigator.onLine === false) return session();
    try {
      const res = await send('/api/v1/auth/session');
      if (res.ok) keep(res.body);
      else if (res.status === 401) {
        forget();
        // Ended on the server (signed out elsewhere, disabled): the mark goes too, so no page asks again.
        document.cookie = 'fc_signed_in=; Path=/; Max-Age=0; SameSite=Lax';
      }
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error;
    }
    return session();
  }

  /** A call with the session cookie (and its CSRF token for changes); 401 → the session has ended. */
  async function api(path, options = {}) {
    if (!session()) throw new SessionEnded();
    const res = await send(path, options);
    if (res.status === 401) {
      forget();
      throw new SessionEnded();
    }
    return res;
  }

  /** Forgets the user at once, then ends the session and its cookie on the server (offline, it simply expires). */
  async function signOut() {
    const current = session();
    const ending = current ? send('/api/v1/auth/session', { method: 'DELETE' }).catch(() => {}) : null;
    forget();
    await ending;
  }

  return { session, forget, signIn, resume, api, signOut };
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
