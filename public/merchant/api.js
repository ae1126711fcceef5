// Who is signed in at this till, and the session's CSRF token: in sessionStorage. The session is the HttpOnly
// cookie; a new tab asks the server whose it is (resume).
import { createApiClient } from '../shared/api-client.js';

export { getPublic, NetworkError, SessionEnded } from '../shared/api-client.js';

export const { session, forget, signIn, resume, api, signOut } = createApiClient({
  storage: sessionStorage,
  key: 'fc.checker.session',
});
