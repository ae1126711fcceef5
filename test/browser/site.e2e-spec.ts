import { readFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { CASTLE, SeededCatalogue, seedCatalogue } from '../support/catalogue-seed';
import { engine } from '../support/databases';
import type { TestApp } from '../support/test-app';
import { describeInBrowser, launch, screenshot, seriousAxeViolations, servedApp } from './browser';

/** A tile server on 127.0.0.1 that answers every tile with the same small PNG, and counts the requests. */
async function fakeTileServer(): Promise<{ server: Server; origin: string; requests: () => number }> {
  const png = readFileSync(join(__dirname, '..', '..', 'public', 'family', 'icon-192.png'));
  let requests = 0;
  const server = createServer((_req, res) => {
    requests++;
    res.writeHead(200, { 'Content-Type': 'image/png' }).end(png);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    server,
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => requests,
  };
}

/** The focused element's id and text, read in the page (typed without the DOM library). */
const focused = (page: Page) =>
  page.evaluate(() => {
    const { document } = globalThis as unknown as {
      document: { activeElement: { id: string; textContent: string | null } | null };
    };
    return { id: document.activeElement?.id ?? '', text: document.activeElement?.textContent ?? '' };
  });

describeInBrowser(`landing page and catalogue in Chromium (${engine})`, () => {
  let t: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let seeded: SeededCatalogue;
  let tiles: Awaited<ReturnType<typeof fakeTileServer>>;
  const errors: string[] = [];
  /** The one page that answers 400 on purpose (a form with its errors): its status is no error of the test. */
  const isErrorPage = (url: string) => url.includes('lat=abc');

  /** A fresh context; console errors (CSP violations among them), page errors and failed requests fail the test. */
  async function newPage(options: BrowserContextOptions = {}): Promise<Page> {
    const context = await browser.newContext({ locale: 'en-GB', ...options });
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !(isErrorPage(page.url()) && m.text().includes('status of 400')))
        errors.push(`console: ${m.text()}`);
    });
    page.on('response', (r) => {
      if (r.status() >= 400 && !isErrorPage(r.url())) errors.push(`${r.status()} ${r.url()}`);
    });
    return page;
  }

  beforeAll(async () => {
    tiles = await fakeTileServer();
    ({ t, baseUrl } = await servedApp({
      env: { MAP_TILE_URL: `${tiles.origin}/{z}/{x}/{y}.png`, MAP_ATTRIBUTION: 'Test tiles' },
    }));
    seeded = await seedCatalogue(t);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    tiles?.server.close();
  });
  afterEach(() => {
    expect(errors.splice(0)).toEqual([]);
  });

  it.each(['pl', 'en'])(
    'has no serious or critical accessibility problems on any page (axe-core, %s)',
    async (lang) => {
      // bypassCSP only so that axe may be injected: the pages' own policy allows no inline script.
      const page = await newPage({ locale: lang === 'pl' ? 'pl-PL' : 'en-GB', bypassCSP: true });
      const pages: [string, string][] = [
        ['landing', `/?lang=${lang}`],
        ['catalogue', `/catalogue?lang=${lang}`],
        ['catalogue-near', `/catalogue?lat=${CASTLE.lat}&lon=${CASTLE.lon}&radius=5&lang=${lang}`],
        ['catalogue-errors', `/catalogue?lat=abc&lon=22.5&category=culture&lang=${lang}`],
        ['offer', `/catalogue/offer/${seeded.offers.cinema}?lang=${lang}`],
        ['partner', `/catalogue/partner/${seeded.pool.partnerId}?lang=${lang}`],
      ];
      for (const [name, url] of pages) {
        await page.goto(`${baseUrl}${url}`);
        await expect(page.locator('html').getAttribute('lang')).resolves.toBe(lang);
        expect({ name, violations: await seriousAxeViolations(page) }).toEqual({ name, violations: [] });
        await screenshot(page, `${name}-${lang}`);
      }
      // On a phone too: the layout is phone-first.
      await page.setViewportSize({ width: 375, height: 740 });
      await page.goto(`${baseUrl}/catalogue?lang=${lang}`);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await screenshot(page, `catalogue-phone-${lang}`);
      await page.context().close();
    },
  );

  it('searches with the keyboard alone: skip link, then the form, then Enter', async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}/catalogue?lang=en`);
    await page.keyboard.press('Tab');
    await expect(focused(page)).resolves.toMatchObject({ text: 'Skip to main content' });
    await page.keyboard.press('Enter');
    await expect(focused(page)).resolves.toMatchObject({ id: 'main' });
    for (let i = 0; i < 10 && (await focused(page)).id !== 'q'; i++) await page.keyboard.press('Tab');
    await expect(focused(page)).resolves.toMatchObject({ id: 'q' });
    await page.keyboard.type('plywalnia');
    await Promise.all([page.waitForURL(/q=plywalnia/), page.keyboard.press('Enter')]);
    await expect(page.locator('#results-title').textContent()).resolves.toBe('1 offer found');
    await expect(page.locator('.offers h3').allTextContents()).resolves.toEqual(['Swimming pool entry']);
    // The form shows the search it answered, and the language stayed.
    await expect(page.locator('#q').inputValue()).resolves.toBe('plywalnia');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    await screenshot(page, 'catalogue-keyboard-search');
    await page.context().close();
  });

  it('fills the point from the browser’s location, then lists by distance on a map of allowed tiles', async () => {
    const page = await newPage({
      permissions: ['geolocation'],
      geolocation: { latitude: 51.25031, longitude: 22.57207 },
    });
    await page.goto(`${baseUrl}/catalogue?lang=en`);
    await page.getByRole('button', { name: 'Use my location' }).click();
    // The position arrives in a callback: wait for the status to say so (a single read could come first).
    await page.locator('#locate-status', { hasText: 'Your location is filled in. Press Search.' }).waitFor();
    await expect(page.locator('#lat').inputValue()).resolves.toBe('51.250');
    await expect(page.locator('#lon').inputValue()).resolves.toBe('22.572');
    await page.locator('#radius').selectOption('5');
    const before = tiles.requests();
    await Promise.all([page.waitForURL(/lat=51\.250/), page.getByRole('button', { name: 'Search' }).click()]);
    await expect(page.locator('.distance').allTextContents()).resolves.toEqual(['30 m away', '2.7 km away']);
    // The tiles come from the configured server; the page's CSP lets them in (a refusal would be a console error).
    await page.locator('figure.map svg').waitFor();
    await page.waitForLoadState('networkidle');
    expect(tiles.requests() - before).toBeGreaterThanOrEqual(6);
    await screenshot(page, 'catalogue-map');
    await page.context().close();
  });

  it('works without JavaScript: the search form is answered by the server', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(`${baseUrl}/catalogue?lang=pl`);
    await expect(page.getByRole('button', { name: 'Użyj mojej lokalizacji' }).count()).resolves.toBe(0);
    await page.locator('#lat').fill('51,2502');
    await page.locator('#lon').fill('22,5722');
    await Promise.all([
      page.waitForURL(/lat=51%2C2502/),
      page.getByRole('button', { name: 'Szukaj' }).click(),
    ]);
    await expect(page.locator('.distance').first().textContent()).resolves.toBe('odległość 30 m');
    await page.context().close();
  });
});
