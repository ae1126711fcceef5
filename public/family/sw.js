// The family wallet's service worker (scope /family/, allowed by the Service-Worker-Allowed header). It keeps
// the page shell, its scripts, styles, manifest and icons, and answers from that copy when the network does
// not: network first, the cache as a fallback, so an online phone always runs the current page. It never
// keeps an API answer: the cards are personal data, which the page saves itself (without live codes) and
// deletes on sign-out; the shell it keeps holds nobody's data.

const CACHE = 'family-card-wallet-v2';
// The shell in the languages the wallet speaks (the link in each page names one), and without ?lang= for the
// phone's own language; other addresses of the shell are kept as they are visited.
const PAGES = ['/family/wallet', '/family/wallet?lang=pl', '/family/wallet?lang=en'];
const MANIFESTS = ['/family/manifest.webmanifest?lang=pl', '/family/manifest.webmanifest?lang=en'];
const ASSETS = [
  '/static/family/wallet.js',
  '/static/family/api.js',
  '/static/shared/api-client.js',
  '/static/shared/dom.js',
  '/static/family/store.js',
  '/static/shared/app-page.css',
  '/static/family/wallet.css',
  '/static/family/icon-192.png',
  '/static/family/icon-512.png',
];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll([...PAGES, ...MANIFESTS, ...ASSETS]))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((n) => n.startsWith('family-card-wallet-') && n !== CACHE)
            .map((n) => caches.delete(n)),
        ),
      )
      .then(() => self.clients.claim())
      .then(keepOpenPages),
  );
});

/**
 * The page that registered the worker was loaded before it: keep that very address too (?lang=… of any
 * language).
 */
async function keepOpenPages() {
  const cache = await caches.open(CACHE);
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  await Promise.all(
    windows
      .map((client) => new URL(client.url))
      .filter((url) => url.origin === self.location.origin && url.pathname === '/family/wallet')
      .map((url) => cache.add(url.pathname + url.search).catch(() => {})),
  );
}

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
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/')) return; // never cached here: the page keeps what it needs
  if (url.pathname === '/family/wallet') {
    event.respondWith(networkFirst(request, '/family/wallet'));
  } else if (url.pathname === '/family/manifest.webmanifest') {
    event.respondWith(networkFirst(request, MANIFESTS[0]));
  } else if (ASSETS.includes(url.pathname)) {
    event.respondWith(networkFirst(request));
  }
});
