// The checker's service worker (scope /merchant/, allowed by the Service-Worker-Allowed header). It keeps the
// page, its scripts and styles, and the two documents offline checks need — the keys and the revocation list —
// and answers from that copy when the network does not: network first, the cache as a fallback, so an online
// till always runs the current code and data.

const CACHE = 'family-card-checker-v2';
const SHELL = [
  '/merchant/check',
  '/static/shared/app-page.css',
  '/static/merchant/checker.css',
  '/static/merchant/checker.js',
  '/static/merchant/api.js',
  '/static/shared/api-client.js',
  '/static/shared/dom.js',
  '/static/merchant/card-token.js',
  '/static/merchant/offline-check.js',
  '/static/merchant/revocations.js',
  '/static/merchant/scanner.js',
  '/static/merchant/store.js',
  '/static/vendor/cbor-x.js',
  '/static/vendor/jsQR.js',
];
const DATA = ['/.well-known/jwks.json', '/api/v1/revocations'];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(SHELL))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        // Only this worker's older caches: the family wallet's worker keeps its own on the same site.
        Promise.all(
          names
            .filter((n) => n.startsWith('family-card-checker-') && n !== CACHE)
            .map((n) => caches.delete(n)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

async function networkFirst(request, fallbackUrl) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok && response.type === 'basic') await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const cached =
      (await cache.match(request, { ignoreVary: true })) ??
      (fallbackUrl ? await cache.match(fallbackUrl, { ignoreVary: true }) : undefined);
    if (cached) return cached;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return; // checks and redemptions go to the server or fail: the page decides
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname === '/merchant/check') {
    event.respondWith(networkFirst(request, '/merchant/check'));
  } else if (SHELL.includes(url.pathname) || (DATA.includes(url.pathname) && url.search === '')) {
    // Deltas (?since=) are not kept: each has its own address, and the page merges them into its own copy.
    event.respondWith(networkFirst(request));
  }
});
