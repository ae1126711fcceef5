// A page's session and calls to the API, shared by the merchant checker and the family wallet. The token pair
// lives in the storage the page chooses (sessionStorage: gone when the tab closes; localStorage: kept until
// sign-out). An expired access token is renewed once with the refresh token; refresh tokens rotate and a reused
// one ends the session, so concurrent calls share one refresh, and a pair another tab renewed meanwhile is used
// rather than renewed again.

export class NetworkError extends Error {}
export class SessionEnded extends Error {}

/**
 * `storage`: where the token pair is kept; `key`: its name there; `timeoutMs`: a call that hangs longer counts as
 * no connection (a weak signal), so offline fallbacks show instead.
 */
export function createApiClient({ storage, key, timeoutMs = 15_000 }) {
  function session() {
    try {
      return JSON.parse(storage.getItem(key) ?? 'null');
    } catch {
      return null;
    }
  }

  function keep(tokens) {
    storage.setItem(
      key,
      JSON.stringify({
        accessToken: tokens.accessToken,
        refreshToken: tokens.refreshToken,
        user: tokens.user,
      }),
    );
  }

  function forget() {
    storage.removeItem(key);
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
        signal: globalThis.AbortSignal?.timeout?.(timeoutMs),
      });
    } catch (error) {
      throw new NetworkError(error.message);
    }
    const type = response.headers.get('content-type') ?? '';
    const data = /json/.test(type) ? await response.json().catch(() => null) : null;
    return { status: response.status, ok: response.ok, body: data };
  }

  /** Signs in; returns the answer (status 200 with the user, or the problem). */
  async function signIn(email, password) {
    const res = await send('/api/v1/auth/login', { method: 'POST', body: { email, password } });
    if (res.ok) keep(res.body);
    return res;
  }

  let refreshing = null;
  async function refresh(used) {
    const current = session();
    if (!current?.refreshToken) throw new SessionEnded();
    if (current.accessToken !== used) return; // renewed meanwhile, by this tab or another
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
  async function api(path, options = {}) {
    const current = session();
    if (!current) throw new SessionEnded();
    const res = await send(path, { ...options, token: current.accessToken });
    if (res.status !== 401) return res;
    await refresh(current.accessToken);
    const renewed = session();
    if (!renewed) throw new SessionEnded();
    const again = await send(path, { ...options, token: renewed.accessToken });
    if (again.status === 401) {
      forget();
      throw new SessionEnded();
    }
    return again;
  }

  /** Forgets the tokens at once, then ends the session on the server (offline, it simply expires there). */
  async function signOut() {
    const current = session();
    forget();
    if (current)
      await send('/api/v1/auth/logout', { method: 'POST', token: current.accessToken }).catch(() => {});
  }

  return { session, forget, signIn, api, signOut };
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
