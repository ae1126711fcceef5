import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { startApp, TestApp } from '../support/test-app';

/** Debian's Chromium: nothing downloads a browser (.ci/run installs the package when it is missing). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Screenshots of the browser tests (gitignored). */
export const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts', 'browser');

/** Switches for a headless Chromium on a machine without a network to the outside. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * Whether the browser specs can run here. Without Chromium they are skipped with a loud warning on a
 * developer's machine, and fail under CI=true, where a skipped browser test would pass unnoticed.
 */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI === 'true')
    throw new Error(`${CHROMIUM} is missing: CI must run the browser tests (apt-get install chromium)`);
  console.warn(
    `\n${'!'.repeat(100)}\n!!! ${CHROMIUM} not found: the browser tests are SKIPPED. ` +
      `Install Debian's chromium (or set CHROMIUM_PATH) to run them.\n${'!'.repeat(100)}\n`,
  );
  return false;
}

/** `describe`, or `describe.skip` (after the warning) where there is no Chromium. */
export const describeInBrowser = (name: string, body: () => void): void =>
  (chromiumAvailable() ? describe : describe.skip)(name, body);

export function launch(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

/** The test app listening on a random port of 127.0.0.1 (a secure context, so service workers and cameras work). */
export async function servedApp(
  options: Parameters<typeof startApp>[0] = {},
): Promise<{ t: TestApp; baseUrl: string }> {
  const t = await startApp(options);
  try {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
  } catch (error) {
    await t.close();
    throw error;
  }
  return { t, baseUrl: (await t.app.getUrl()).replace('[::1]', '127.0.0.1') };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** axe-core's browser build, injected into a page under test. */
const AXE = require.resolve('axe-core/axe.min.js');

/**
 * The serious and critical accessibility violations axe-core finds on the page as it is now. The page's context
 * needs `bypassCSP` (only so that axe may be injected: the pages' own policy allows no inline script).
 */
export async function seriousAxeViolations(
  page: Page,
): Promise<{ id: string; impact: string; help: string; nodes: number }[]> {
  await page.addScriptTag({ path: AXE });
  const results = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run(): Promise<{ violations: { id: string; impact: string; help: string; nodes: unknown[] }[] }>;
        };
      }
    ).axe;
    return (await axe.run()).violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.length,
    }));
  });
  return results.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * `newPage(lang)` for a spec: a fresh context in that language whose page errors and console errors (CSP
 * violations among them) go to `errors`, which the spec's afterEach expects empty. Console lines about
 * `expectedStatuses` are the pages working (a form answered with its errors), not failing. `bypassCSP` only so
 * that axe may be injected: the pages' own policy allows no inline script.
 */
export function pageOpener(
  browser: () => Browser,
  errors: string[],
  expectedStatuses: number[] = [400],
): (lang: string) => Promise<Page> {
  const expected = new RegExp(`status of (${expectedStatuses.join('|')})`);
  return async (lang) => {
    const context = await browser().newContext({
      locale: lang === 'pl' ? 'pl-PL' : 'en-GB',
      bypassCSP: true,
    });
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !expected.test(m.text())) errors.push(`console: ${m.text()}`);
    });
    return page;
  };
}

/** Signs in with the /signin form and waits for the account's home page (`landing`). */
export async function signInOnPage(
  page: Page,
  baseUrl: string,
  account: { email: string; password: string },
  lang: string,
  landing: RegExp | ((url: URL) => boolean),
): Promise<void> {
  await page.goto(`${baseUrl}/signin?lang=${lang}`);
  await page.fill('#email', account.email);
  await page.fill('#password', account.password);
  await page.press('#password', 'Enter');
  await page.waitForURL(landing);
}

/** The page is in `lang`, axe finds no serious or critical violation, and a screenshot `name-lang` is kept. */
export async function checkPage(page: Page, name: string, lang: string): Promise<void> {
  await expect(page.locator('html').getAttribute('lang')).resolves.toBe(lang);
  expect({ name, violations: await seriousAxeViolations(page) }).toEqual({ name, violations: [] });
  await screenshot(page, `${name}-${lang}`);
}
