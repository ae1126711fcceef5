// The merchant's session: kept in sessionStorage, so it ends when the till's tab closes.
import { createApiClient } from '../shared/api-client.js';

export { getPublic, NetworkError, SessionEnded } from '../shared/api-client.js';

export const { session, forget, signIn, api, signOut } = createApiClient({
  storage: sessionStorage,
  key: 'fc.checker.session',
});
