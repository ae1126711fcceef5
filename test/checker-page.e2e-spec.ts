import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VALIDATION_RESULTS } from '../src/validations/validation-result';
import { engine } from './support/databases';
import { startApp, TestApp } from './support/test-app';

// The merchant checker's page shell and the files it loads, as the server sends them. What the page does in a
// browser is test/browser/checker.e2e-spec.ts.

describe(`merchant checker page and its files (${engine})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.close());

  it('serves the page shell under a strict CSP: scripts and styles from this server only, no inline code', async () => {
    const res = await t.http.get('/merchant/check').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    const csp = Object.fromEntries(
      String(res.headers['content-security-policy'])
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...sources]) => [name, sources.join(' ')]),
    );
    expect(csp).toMatchObject({
      'default-src': "'self'",
      'script-src': "'self'",
      'script-src-attr': "'none'",
      'style-src': "'self'",
      'connect-src': "'self'",
      'worker-src': "'self'",
      'object-src': "'none'",
      'frame-ancestors': "'none'",
    });
    // Every script is a file of this server, or a JSON data block (which no browser runs); no style attribute.
    const scripts = [...res.text.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
    for (const attributes of scripts) expect(attributes).toMatch(/src="\/static\/|type="application\/json"/);
    expect(res.text).not.toMatch(/<style|style="/);
    const data = JSON.parse(
      /<script type="application\/json" id="checker-messages">(.*?)<\/script>/s.exec(res.text)![1],
    );
    expect(Object.keys(data.results).sort()).toEqual([...VALIDATION_RESULTS].sort());
    expect(data).toMatchObject({ language: 'pl', programme: expect.any(String) });
    // The public check page keeps its inline styles, under the general policy.
    expect((await t.http.get('/C/AAAA').expect(200)).headers['content-security-policy']).toMatch(
      /style-src 'self' 'unsafe-inline'/,
    );
  });

  it('speaks the language asked for by ?lang= or Accept-Language, and refuses a malformed lang', async () => {
    expect((await t.http.get('/merchant/check').expect(200)).text).toMatch(
      /<html lang="pl">[\s\S]*Sprawdzanie kart/,
    );
    const en = await t.http.get('/merchant/check').set('Accept-Language', 'en-GB,en;q=0.9').expect(200);
    expect(en.text).toMatch(/<html lang="en">[\s\S]*Card checker/);
    expect(en.headers.vary).toMatch(/Accept-Language/i);
    expect((await t.http.get('/merchant/check?lang=en').expect(200)).text).toContain('<html lang="en">');
    expect((await t.http.get('/merchant/check?lang=xx').expect(200)).text).toContain('<html lang="pl">');
    const bad = await t.http.get('/merchant/check?lang=EN!').expect(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(bad.body.errors[0].field).toBe('lang');
  });

  it('serves every file the page and its service worker need, with JavaScript and CSS types', async () => {
    const page = (await t.http.get('/merchant/check').expect(200)).text;
    const linked = [...page.matchAll(/(?:src|href)="(\/static\/[^"]+)"/g)].map((m) => m[1]);
    const worker = readFileSync(join(__dirname, '..', 'public', 'merchant', 'sw.js'), 'utf8');
    const precached = [...worker.matchAll(/'(\/(?:static|merchant)\/[^']+)'/g)].map((m) => m[1]);
    expect(linked).toEqual(
      expect.arrayContaining(['/static/merchant/checker.css', '/static/merchant/checker.js']),
    );
    expect(precached).toEqual(
      expect.arrayContaining(['/merchant/check', '/static/vendor/jsQR.js', ...linked]),
    );
    for (const url of new Set([...linked, ...precached])) {
      const res = await t.http.get(url);
      expect({ url, status: res.status }).toEqual({ url, status: 200 });
      if (url.endsWith('.js')) expect(res.headers['content-type']).toMatch(/javascript/);
      if (url.endsWith('.css')) expect(res.headers['content-type']).toMatch(/^text\/css/);
    }
    // Each module the page imports is itself served (and precached for offline use).
    for (const module of [
      ...readFileSync(join(__dirname, '..', 'public', 'merchant', 'checker.js'), 'utf8').matchAll(
        /from '\.\/([\w-]+\.js)'/g,
      ),
    ])
      expect(precached).toContain(`/static/merchant/${module[1]}`);
  });

  it('lets the service worker control /merchant/ and never caches it', async () => {
    const res = await t.http.get('/static/merchant/sw.js').expect(200);
    expect(res.headers['service-worker-allowed']).toBe('/merchant/');
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('serves exactly the named vendor files from node_modules, and nothing outside public/', async () => {
    const cbor = await t.http.get('/static/vendor/cbor-x.js').expect(200);
    expect(cbor.text).toContain('CBOR');
    expect(cbor.text).not.toMatch(/new Function\(/);
    expect((await t.http.get('/static/vendor/jsQR.js').expect(200)).text).toContain('jsQR');
    for (const url of [
      '/static/vendor/index.d.ts',
      '/static/vendor/../../package.json',
      '/static/%2e%2e/package.json',
      '/static/..%2fpackage.json',
      '/static/merchant/',
      '/static/nothing.js',
    ]) {
      const res = await t.http.get(url);
      expect({ url, refused: [403, 404].includes(res.status) }).toEqual({ url, refused: true });
      expect(res.text).not.toContain('"family-card"');
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });
});
