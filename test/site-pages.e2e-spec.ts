import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { engine } from './support/databases';
import { cspOf, expectNoInlineCode, urlsIn } from './support/page-html';
import { startApp, TestApp } from './support/test-app';

// The landing page and the shared layout as the server sends them; test/browser/site.e2e-spec.ts runs them in
// Chromium (accessibility, keyboard).

const messages = (language: string) =>
  JSON.parse(readFileSync(join(__dirname, '..', 'templates', 'web', 'messages', `${language}.json`), 'utf8'));
const LANDING_LANGUAGES = ['bg', 'en', 'hu', 'pl', 'ro', 'ru'];

describe(`landing page and the shared layout (${engine})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.close());

  it('is public HTML under the strict CSP: no inline script or style anywhere', async () => {
    const res = await t.http.get('/').expect(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers.vary).toMatch(/Accept-Language/);
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(cspOf(res)).toMatchObject({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'script-src-attr': ["'none'"],
      'style-src': ["'self'"],
      'img-src': ["'self'", 'data:', 'blob:'],
      'frame-ancestors': ["'none'"],
    });
    expect(String(res.headers['content-security-policy'])).not.toContain('unsafe-inline');
    expectNoInlineCode(res.text);
  });

  it.each([
    ['pl', {}, 'Karta dla rodzin wielodzietnych'],
    ['en', { 'Accept-Language': 'en-GB,en;q=0.9' }, 'Card for large families'],
    ['pl', { 'Accept-Language': 'de-DE,pl;q=0.5,en;q=0.4' }, 'Karta dla rodzin wielodzietnych'],
  ])('speaks %s for Accept-Language %j', async (language, headers, title) => {
    const res = await t.http.get('/').set(headers).expect(200);
    expect(res.text).toMatch(new RegExp(`^<!DOCTYPE html>\\s*<html lang="${language}">`));
    expect(res.text).toContain(`<title>${title} – Family Card</title>`);
  });

  it.each(LANDING_LANGUAGES)(
    'speaks %s when asked by ?lang=, with its texts and the programme’s numbers',
    async (lang) => {
      const landing = messages(lang).landing;
      const res = await t.http.get(`/?lang=${lang}`).set('Accept-Language', 'en').expect(200);
      expect(res.text).toContain(`<html lang="${lang}">`);
      const text = res.text.replace(/&#x27;/g, "'").replace(/&quot;/g, '"');
      expect(text).toContain(landing.howTitle);
      // The default programme needs 3 children and decides within 7 days.
      const form = (forms: Record<string, string>, n: number) =>
        (forms[new Intl.PluralRules(lang).select(n)] ?? forms.other).replace('{n}', String(n));
      expect(text).toContain(form(landing.whoChildren, 3));
      expect(text).toContain(form(landing.step3, 7));
      // Every link to a page stays in the language (the search form sends it as a field).
      const links = [...res.text.matchAll(/ href="(\/(?:catalogue|family|apply)[^"]*)"/g)].map((m) =>
        m[1].replace(/&amp;/g, '&').replace(/&#x3D;/g, '='),
      );
      expect(links.length).toBeGreaterThan(5);
      for (const url of links)
        expect({ url, lang: new URL(url, 'http://x').searchParams.get('lang') }).toEqual({ url, lang });
      expect(res.text).toContain(`<input type="hidden" name="lang" value="${lang}">`);
    },
  );

  it('refuses a malformed lang with a problem, and falls back for an unknown one', async () => {
    const bad = await t.http.get('/?lang=EN!').expect(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await t.http.get('/?lang=xx').expect(200)).text).toContain('<html lang="pl">');
    await t.http.get('/?unknown=1').expect(400);
  });

  it('has a skip link, a labelled main menu and a language switcher of plain links with lang and hreflang', async () => {
    const html = (await t.http.get('/?lang=en').expect(200)).text;
    expect(html).toMatch(/<body>\s*<a class="skip-link" href="#main">Skip to main content<\/a>/);
    expect(html).toContain('<main id="main"');
    expect(html).toMatch(/<nav class="site-nav" aria-label="Main menu">/);
    expect(html).toMatch(/<a href="\/\?lang&#x3D;en" aria-current="page">Home<\/a>/);
    const switcher = /<nav class="site-languages" aria-label="Language">([\s\S]*?)<\/nav>/.exec(html)![1];
    const entries = [
      ...switcher.matchAll(
        /<a href="([^"]+)" lang="(\w+)" hreflang="(\w+)"( aria-current="true")?>([^<]+)<\/a>/g,
      ),
    ];
    expect(entries.map((e) => [e[1].replace(/&#x3D;/g, '='), e[2], e[3], Boolean(e[4]), e[5]])).toEqual(
      LANDING_LANGUAGES.map((l) => [`/?lang=${l}`, l, l, l === 'en', messages(l).layout.languageName]),
    );
    // Search engines and browsers learn the other languages too.
    expect(html).toContain('<link rel="alternate" hreflang="hu" href="/?lang&#x3D;hu">');
  });

  it('loads the shared stylesheet and the programme’s colours from this server', async () => {
    const html = (await t.http.get('/').expect(200)).text;
    const sheets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)].map((m) => m[1]);
    expect(sheets).toEqual(['/static/shared/site.css', '/branding.css']);
    for (const sheet of sheets) {
      const res = await t.http.get(sheet).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/css/);
    }
    const brand = (await t.http.get('/branding.css').expect(200)).text;
    expect(brand).toMatch(/--brand: #[0-9a-f]{6};/);
    expect(brand).toMatch(/--brand-ink: #(ffffff|111827);/);
  });

  it('lists the programme’s categories as links to the catalogue, and searches the catalogue with a plain form', async () => {
    const html = (await t.http.get('/?lang=en').expect(200)).text;
    expect(urlsIn(html)).toEqual(
      expect.arrayContaining(['/catalogue?category=culture&lang=en', '/catalogue?lang=en', '/apply?lang=en']),
    );
    expect(html).toMatch(/<form class="search-row" method="get" action="\/catalogue"/);
    expect(html).toContain('<input type="hidden" name="lang" value="en">');
  });

  it('puts no personal data in any address: the page links only to public pages and files', async () => {
    for (const lang of ['pl', 'en']) {
      const html = (await t.http.get(`/?lang=${lang}`).expect(200)).text;
      for (const url of urlsIn(html)) {
        expect(url).toMatch(
          /^(#main|\/(static\/|branding\.css|catalogue|apply|account|family\/wallet|\?lang=))/,
        );
        expect(url).not.toMatch(/@|token|session|email/i);
      }
    }
  });
});
