// What the checker keeps on the device, in IndexedDB: the keys, the copy of the revocation list, the partner's
// offers and outlets (key-value store `state`), and redemptions waiting to be sent (store `queue`, one record per
// idempotency key, so a redemption cannot be queued twice).

const DB_NAME = 'family-card-checker';
const DB_VERSION = 1;

let opened = null;

function open() {
  opened ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains('state')) db.createObjectStore('state');
      if (!db.objectStoreNames.contains('queue'))
        db.createObjectStore('queue', { keyPath: 'idempotencyKey' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  return opened;
}

async function run(store, mode, action) {
  const db = await open();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(store, mode);
    const request = action(tx.objectStore(store));
    tx.oncomplete = () => resolve(request?.result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

export const getState = (key) => run('state', 'readonly', (s) => s.get(key));
export const setState = (key, value) => run('state', 'readwrite', (s) => s.put(value, key));
export const deleteState = (key) => run('state', 'readwrite', (s) => s.delete(key));

export const queued = () => run('queue', 'readonly', (s) => s.getAll());
export const putQueued = (item) => run('queue', 'readwrite', (s) => s.put(item));
export const removeQueued = (key) => run('queue', 'readwrite', (s) => s.delete(key));
