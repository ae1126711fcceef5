import { engine } from './support/databases';
import { CASTLE, SeededCatalogue, seedCatalogue } from './support/catalogue-seed';
import { offerBody, publishedOffer } from './support/partner-factory';
import { cspOf, expectNoInlineCode, urlsIn } from './support/page-html';
import { startApp, TestApp } from './support/test-app';

// The catalogue pages as the server sends them: a GET form answered with server-rendered results, so it works
// without JavaScript. test/browser/site.e2e-spec.ts runs them in Chromium.

/** The offer titles listed on a results page, in order. */
const listed = (html: string) =>
  [...html.matchAll(/<h3 id="offer-[^"]+"><a href="[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]);
const decoded = (url: string) => url.replace(/&amp;/g, '&').replace(/&#x3D;/g, '=');

describe(`catalogue pages (${engine})`, () => {
  let t: TestApp;
  let seeded: SeededCatalogue;
  const page = (query: string, status = 200, headers: Record<string, string> = {}) =>
    t.http.get(`/catalogue${query}`).set(headers).expect(status);

  beforeAll(async () => {
    t = await startApp();
    seeded = await seedCatalogue(t);
  });
  afterAll(() => t.close());

  it('lists the offers that hold now, rendered by the server, under the strict CSP', async () => {
    const res = await page('');
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(cspOf(res)).toMatchObject({
      'script-src': ["'self'"],
      'style-src': ["'self'"],
      'img-src': ["'self'", 'data:', 'blob:'],
    });
    expectNoInlineCode(res.text);
    expect(res.text).toContain('<html lang="pl">');
    expect(res.text).toContain('Znaleziono 3 oferty');
    expect(listed(res.text).sort()).toEqual(['Bilety do kina taniej', 'Książki taniej', 'Wejście na basen']);
    expect(res.text).toContain(
      '<a href="/catalogue/partner/' + seeded.pool.partnerId + '?lang&#x3D;pl">Pływalnia Czechów</a>',
    );
    expect(res.text).toContain('Sport i rekreacja');
    expect(res.text).not.toContain('<svg'); // no tile server configured: the list is the map's stand-in
    // The script that fills "near me" is a file, and optional.
    expect(res.text).toContain('<script type="module" src="/static/catalogue/near-me.js"></script>');
    await t.http
      .get('/static/catalogue/near-me.js')
      .expect(200)
      .expect('content-type', /javascript/);
  });

  it('speaks the language of Accept-Language or ?lang=, texts of offers included', async () => {
    const en = await page('', 200, { 'Accept-Language': 'en-GB,en;q=0.8' });
    expect(en.text).toContain('<html lang="en">');
    expect(en.text).toContain('3 offers found');
    expect(listed(en.text)).toContain('Cheaper cinema tickets');
    expect(en.headers.vary).toMatch(/Accept-Language/);
    const pl = await page('?lang=pl', 200, { 'Accept-Language': 'en' });
    expect(listed(pl.text)).toContain('Bilety do kina taniej');
  });

  it('searches by words, category, availability and online shops', async () => {
    expect(listed((await page('?q=plywalnia&lang=en')).text)).toEqual(['Swimming pool entry']);
    expect(listed((await page('?category=culture&lang=en')).text)).toEqual(['Cheaper cinema tickets']);
    expect(listed((await page('?online=true&lang=en')).text)).toEqual(['Cheaper books']);
    const soon = (await page('?availability=upcoming&lang=en')).text;
    expect(listed(soon)).toEqual(['Winter holidays at the pool']);
    expect(soon).toMatch(/<p class="when">From \w+ \d{1,2}, \d{4}<\/p>/);
    // Search words are data: SQL wildcards and quotes find nothing, harmlessly.
    expect((await page(`?q=${encodeURIComponent("%_' OR 1=1 --")}&lang=en`)).text).toContain(
      '0 offers found',
    );
  });

  it('sorts by distance from a point, in km as the language writes them, and leaves out what is too far', async () => {
    const pl = (await page(`?lat=${CASTLE.lat}&lon=${CASTLE.lon}&radius=10&lang=pl`)).text;
    expect(listed(pl)).toEqual(['Bilety do kina taniej', 'Wejście na basen']); // not the web shop, not Warsaw
    // The point is searched as rounded to 3 decimals (51.25, 22.572): about 30 m from the castle.
    expect(pl).toContain('Najbliższe na początku.');
    expect(pl).toMatch(
      /Kino Zamek – Stare Miasto, ul\. Grodzka 1, 20-112 Lublin · <strong class="distance">odległość 30 m<\/strong>/,
    );
    expect(pl).toMatch(/Basen Czechów, [^<]+ · <strong class="distance">odległość 2,7 km<\/strong>/);
    // A decimal comma is fine; English writes a decimal point.
    const en = (await page('?lat=51%2C2502&lon=22%2C5722&radius=5&lang=en')).text;
    expect(en).toMatch(/<strong class="distance">2\.7 km away<\/strong>/);
    // Warsaw is 150 km away: outside the largest radius.
    expect(
      listed((await page(`?lat=${CASTLE.lat}&lon=${CASTLE.lon}&radius=100&category=culture`)).text),
    ).toEqual(['Bilety do kina taniej']);
    const far = (await page('?lat=52.2297&lon=21.0122&radius=1&lang=en')).text;
    expect(far).toMatch(/Kino Zamek – Warszawa, [^<]+ · <strong class="distance">\d0 m away<\/strong>/);
  });

  it('pages through many results with links that keep the search, the point rounded to about 100 m', async () => {
    for (let i = 1; i <= 21; i++)
      await publishedOffer(
        t,
        seeded.shop,
        seeded.manager,
        offerBody([seeded.outlets.web], { texts: { pl: { title: `Książka tygodnia nr ${i}` } } }),
      );
    const first = (await page(`?q=tygodnia&lang=pl`)).text;
    expect(first).toContain('Znaleziono 21 ofert');
    expect(listed(first)).toHaveLength(20);
    expect(first).toContain('Strona 1 z 2');
    const next = urlsIn(first).find((u) => u.includes('page=2'));
    expect(next).toBe('/catalogue?q=tygodnia&page=2&lang=pl');
    const second = (await t.http.get(next!).expect(200)).text;
    expect(listed(second)).toHaveLength(1);
    expect(urlsIn(second)).toContain('/catalogue?q=tygodnia&lang=pl'); // previous: page 1
    const near = (await page('?q=kino&lat=51.250234&lon=22.572199&radius=10&lang=en')).text;
    const switcher = urlsIn(near).filter((u) => u.startsWith('/catalogue?') && u.includes('lang=pl'));
    expect(switcher).toContain('/catalogue?q=kino&lat=51.25&lon=22.572&radius=10&lang=pl');
    expect(near).toContain('value="51.250234"'); // the form shows what was typed
  });

  it.each([
    ['lat=abc&lon=22.5', 'lat', 'Give the latitude as a number from -90 to 90'],
    ['lat=91&lon=22.5', 'lat', 'Give the latitude as a number from -90 to 90'],
    ['lat=51.2&lon=190', 'lon', 'Give the longitude as a number from -180 to 180'],
    ['lat=51.2', 'lon', 'Give both the latitude and the longitude, or neither.'],
    ['category=no-such-thing', 'category', 'Choose one of the categories in the list.'],
  ])(
    'answers a form it cannot search with (%s) with 400 and the error at its field',
    async (query, field, message) => {
      const res = await page(`?${query}&lang=en`, 400);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['content-security-policy']).toBeDefined();
      expect(res.text).toContain('<div class="error-summary" role="alert"');
      expect(res.text).toContain(`<li><a href="#${field}">${message}`);
      expect(res.text).toContain(`<p id="${field}-error" class="field-error">${message}`);
      expect(res.text).toMatch(
        new RegExp(
          `<(input|select) id="${field}"[^>]*aria-describedby="[^"]*${field}-error"[^>]*aria-invalid="true"|<select id="${field}"[^>]*aria-invalid="true" aria-describedby="${field}-error"`,
        ),
      );
      expect(listed(res.text)).toEqual([]);
    },
  );

  it.each([
    'radius=7',
    'availability=soon',
    'online=yes',
    'page=0',
    'page=abc',
    'page=501',
    `q=${'x'.repeat(101)}`,
    'q=a&q=b',
    'lat=' + '1'.repeat(21),
    'lang=EN!',
    'sort=price',
  ])('refuses a query no form sends (%s) with a 400 problem, never a 500', async (query) => {
    const res = await page(`?${query}`, 400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('shows an offer: benefit, who it is for, where it holds', async () => {
    const res = await t.http.get(`/catalogue/offer/${seeded.offers.cinema}?lang=en`).expect(200);
    expectNoInlineCode(res.text);
    expect(res.text).toContain('<title>Cheaper cinema tickets – Family Card</title>');
    expect(res.text).toContain('<p class="benefit big">−10%</p>');
    expect(res.text).toMatch(
      /<dt>For<\/dt>\s*<dd>Children<\/dd>\s*<dt>Family size<\/dt>\s*<dd>At least 4 people in the family<\/dd>/,
    );
    expect(res.text).toContain(
      '<li><strong>Kino Zamek – Warszawa</strong><br>ul. Grodzka 1, 20-112 Warszawa</li>',
    );
    expect(res.text).toContain(
      `<a href="/catalogue/partner/${seeded.cinema.partnerId}?lang&#x3D;en">Kino Zamek</a>`,
    );
    const online = await t.http.get(`/catalogue/offer/${seeded.offers.online}?lang=pl`).expect(200);
    expect(online.text).toContain(
      '<a href="https://ksiegarnia.example" rel="noopener">Przejdź do sklepu internetowego</a>',
    );
    expect(online.text).toContain('Kod rabatowy: <code>KARTA10</code>');
  });

  it('shows a partner with its offers and places', async () => {
    const res = await t.http.get(`/catalogue/partner/${seeded.pool.partnerId}?lang=en`).expect(200);
    expect(res.text).toContain('<h1>Pływalnia Czechów</h1>');
    expect(res.text).toContain('An art-house cinema in the town centre'); // the factory's description
    expect(listed(res.text).sort()).toEqual(['Swimming pool entry', 'Winter holidays at the pool']);
    expect(res.text).toContain('<a href="https://kino.example" rel="noopener">Website</a>');
  });

  it('says so, with 404, when an offer or partner is not in the catalogue; a malformed id is a 400 problem', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    for (const url of [`/catalogue/offer/${unknown}?lang=en`, `/catalogue/partner/${unknown}?lang=en`]) {
      const res = await t.http.get(url).expect(404);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.text).toContain('<h1>Not in the catalogue</h1>');
      expect(res.text).toContain('<a href="/catalogue?lang&#x3D;en">All discounts</a>');
    }
    const bad = await t.http.get('/catalogue/offer/not-a-uuid').expect(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('puts no personal data in any address, only public pages, files and the partners’ own sites', async () => {
    const pages = [
      '/catalogue?lang=pl',
      `/catalogue?lat=${CASTLE.lat}&lon=${CASTLE.lon}&lang=en`,
      `/catalogue/offer/${seeded.offers.online}?lang=en`,
      `/catalogue/partner/${seeded.cinema.partnerId}?lang=pl`,
    ];
    for (const url of pages) {
      const html = (await t.http.get(url).expect(200)).text;
      for (const link of urlsIn(html).map(decoded)) {
        expect(link).toMatch(
          /^(#\w+|\/(static\/|branding\.css|catalogue|account|family\/wallet|\?lang=|$)|https:\/\/(kino|ksiegarnia)\.example)/,
        );
        expect(link).not.toMatch(/@|token|session|password/i);
      }
    }
  });

  describe('with a tile server', () => {
    let mapped: TestApp;
    beforeAll(async () => {
      mapped = await startApp({
        db: t.db,
        env: {
          MAP_TILE_URL: 'https://tiles.example.org/osm/{z}/{x}/{y}.png',
          MAP_ATTRIBUTION: '© OpenStreetMap contributors',
        },
      });
    });
    afterAll(() => mapped.close());

    it('draws the places of a near-me search on a map whose tiles the CSP allows', async () => {
      const res = await mapped.http
        .get(`/catalogue?lat=${CASTLE.lat}&lon=${CASTLE.lon}&radius=5&lang=en`)
        .expect(200);
      expect(cspOf(res)['img-src']).toEqual(["'self'", 'data:', 'blob:', 'https://tiles.example.org']);
      expectNoInlineCode(res.text);
      expect(res.text).toMatch(/<svg viewBox="[\d. -]+" role="img" aria-labelledby="map-caption"/);
      const tiles = [...res.text.matchAll(/<image href="([^"]+)"/g)].map((m) => m[1]);
      expect(tiles.length).toBeGreaterThanOrEqual(6);
      for (const tile of tiles)
        expect(tile).toMatch(/^https:\/\/tiles\.example\.org\/osm\/12\/\d+\/\d+\.png$/);
      expect(res.text).toContain('<p class="map-attribution">© OpenStreetMap contributors</p>');
      // Numbered as in the list.
      expect(res.text).toMatch(/<text [^>]+>1<\/text>[\s\S]*<text [^>]+>2<\/text>/);
      expect(res.text).toMatch(/<span class="marker">1<\/span> Kino Zamek – Stare Miasto/);
      // Without a point there is nothing to centre on: the list alone.
      expect((await mapped.http.get('/catalogue?lang=en').expect(200)).text).not.toContain('<svg');
      // The landing page shows no map and allows no outside images.
      expect(cspOf(await mapped.http.get('/').expect(200))['img-src']).toEqual(["'self'", 'data:', 'blob:']);
    });
  });
});
