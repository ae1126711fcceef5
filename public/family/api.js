// The family's session: kept in localStorage, so the wallet opens signed in after the phone (or the installed
// app) was closed — that is what makes it usable offline at a till — until "Sign out" or the session's end.
import { createApiClient } from '../shared/api-client.js';

export { NetworkError, SessionEnded } from '../shared/api-client.js';

export const { session, forget, signIn, api, signOut } = createApiClient({
  storage: localStorage,
  key: 'fc.wallet.session',
});
