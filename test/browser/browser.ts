import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { startApp, TestApp } from '../support/test-app';

/** Debian's Chromium: nothing downloads a browser (.ci/run installs the package when it is missing). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Screenshots of the browser tests (gitignored). */
export const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts', 'browser');

const ARGS = [
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
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...ARGS, ...extraArgs] });
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
