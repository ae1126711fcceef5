// Who is signed in, and the session's CSRF token: in localStorage, so the wallet opens as this family's after the
// phone (or the installed app) was closed, offline too — that is what makes it usable at a till without a
// connection. The session itself is the HttpOnly cookie, until "Sign out" or the session's end.
import { createApiClient } from '../shared/api-client.js';

export { NetworkError, SessionEnded } from '../shared/api-client.js';

export const { session, forget, signIn, resume, api, signOut } = createApiClient({
  storage: localStorage,
  key: 'fc.wallet.session',
});
