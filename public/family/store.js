// The wallet kept on this device for offline use, in IndexedDB: the last answer of the wallet API without its
// live tokens (they expire within minutes, and a saved one must never be shown as live), with whose it is and
// when it was saved. Signing out deletes it: it is personal data on a phone that may be shared.

const DB_NAME = 'family-card-wallet';
const DB_VERSION = 1;
const STORE = 'state';
const KEY = 'wallet';

let opened = null;

function open() {
  opened ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(STORE)) request.result.createObjectStore(STORE);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  return opened;
}

async function run(mode, action) {
  const db = await open();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const request = action(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(request?.result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

/** The wallet as it may be kept: every card without `live`. */
export function withoutLiveTokens(wallet) {
  return { ...wallet, cards: wallet.cards.map(({ live: _live, ...card }) => card) };
}

/** Saves the wallet of `userId` (live tokens stripped); returns the saved record. */
export async function saveWallet(userId, wallet) {
  const record = { userId, savedAt: new Date().toISOString(), wallet: withoutLiveTokens(wallet) };
  await run('readwrite', (s) => s.put(record, KEY));
  return record;
}

/** The saved wallet of `userId`, or null; another account's copy is deleted rather than shown. */
export async function loadWallet(userId) {
  const record = await run('readonly', (s) => s.get(KEY));
  if (!record) return null;
  if (record.userId === userId) return record;
  await clearWallet();
  return null;
}

export const clearWallet = () => run('readwrite', (s) => s.clear());
