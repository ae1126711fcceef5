import { engine } from './support/databases';
import { startApp, TestApp } from './support/test-app';

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

// The wallet page's HTTP side; test/browser/wallet.e2e-spec.ts runs it in Chromium.
describe(`family wallet page (${engine})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.close());

  it('is a public page shell with a strict CSP: no inline script or style, in the language asked for', async () => {
    const res = await t.http.get('/family/wallet?lang=pl').expect(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = String(res.headers['content-security-policy']);
    const directive = (name: string) =>
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .find(([n]) => n === name)
        ?.slice(1);
    expect(directive('script-src')).toEqual(["'self'"]);
    expect(directive('style-src')).toEqual(["'self'"]);
    expect(directive('script-src-attr')).toEqual(["'none'"]);
    expect(directive('manifest-src')).toEqual(["'self'"]);
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.text).toMatch(/^<!DOCTYPE html>\s*<html lang="pl">/);
    expect(res.text).toContain('<title>Family Card: Portfel kart</title>');
    expect(res.text).toContain('<link rel="manifest" href="/family/manifest.webmanifest?lang=pl">');
    expect(res.text).toMatch(/<meta name="theme-color" content="#[0-9a-f]{6}">/);
    // Only data blocks and files: no inline script to run.
    const scripts = [...res.text.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts)
      expect(
        body === ''
          ? attributes.includes(' src=')
          : attributes === ' type="application/json" id="wallet-messages"',
      ).toBe(true);
    expect(res.text).not.toMatch(/ style=|<style/);
  });

  it('speaks the browser’s language without ?lang, and refuses a malformed one', async () => {
    const en = await t.http.get('/family/wallet').set('Accept-Language', 'en-GB,en;q=0.9').expect(200);
    expect(en.text).toContain('<html lang="en">');
    expect(en.text).toContain('Card wallet');
    expect(en.headers.vary).toContain('Accept-Language');
    const res = await t.http.get('/family/wallet?lang=polish').expect(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('serves an installable manifest named after the programme', async () => {
    const res = await t.http.get('/family/manifest.webmanifest?lang=en').expect(200);
    expect(res.headers['content-type']).toBe('application/manifest+json; charset=utf-8');
    const manifest = JSON.parse(res.text);
    expect(manifest).toMatchObject({
      id: '/family/wallet',
      name: 'Family Card: Card wallet',
      short_name: 'Family Card',
      lang: 'en',
      start_url: '/family/wallet?lang=en',
      scope: '/family/',
      display: 'standalone',
      theme_color: expect.stringMatching(/^#[0-9a-f]{6}$/),
      background_color: expect.stringMatching(/^#[0-9a-f]{6}$/),
    });
    for (const icon of manifest.icons as { src: string; sizes: string; type: string }[]) {
      const png = await t.http.get(icon.src).buffer(true).expect(200);
      expect(png.headers['content-type']).toBe('image/png');
      const { width, height } = pngSize(png.body as Buffer);
      expect(`${width}x${height}`).toBe(icon.sizes);
    }
    expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(
      expect.arrayContaining(['192x192', '512x512']),
    );
    const pl = JSON.parse((await t.http.get('/family/manifest.webmanifest?lang=pl').expect(200)).text);
    expect(pl).toMatchObject({
      name: 'Family Card: Portfel kart',
      lang: 'pl',
      start_url: '/family/wallet?lang=pl',
    });
  });

  it('lets each service worker control its own section, and only that', async () => {
    const family = await t.http.get('/static/family/sw.js').expect(200);
    expect(family.headers['service-worker-allowed']).toBe('/family/');
    expect(family.headers['cache-control']).toBe('no-cache');
    const merchant = await t.http.get('/static/merchant/sw.js').expect(200);
    expect(merchant.headers['service-worker-allowed']).toBe('/merchant/');
    const script = await t.http.get('/static/family/wallet.js').expect(200);
    expect(script.headers['service-worker-allowed']).toBeUndefined();
  });
});
