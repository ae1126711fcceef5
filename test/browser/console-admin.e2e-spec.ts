import type { Browser, Page } from 'playwright-core';
import { UserEntity } from '../../src/users/user.entity';
import { engine } from '../support/databases';
import { ADMIN_EMAIL, ADMIN_PASSWORD, type TestApp } from '../support/test-app';
import { checkPage, describeInBrowser, launch, pageOpener, servedApp, signInOnPage } from './browser';

describeInBrowser(`console administration pages in Chromium (${engine})`, () => {
  let t: TestApp;
  let baseUrl: string;
  let browser: Browser;
  const errors: string[] = [];

  const newPage = pageOpener(() => browser, errors, [400, 404]);

  const signIn = (page: Page, lang: string) =>
    signInOnPage(page, baseUrl, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD }, lang, /\/console\?lang=/);

  beforeAll(async () => {
    ({ t, baseUrl } = await servedApp());
    browser = await launch();
    await t.newUser('case_worker');
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  afterEach(() => {
    expect(errors.splice(0)).toEqual([]);
  });

  it.each(['pl', 'en'])(
    'shows users, reports and settings with no serious or critical accessibility problems (axe-core, %s)',
    async (lang) => {
      const page = await newPage(lang);
      await signIn(page, lang);
      await page.click('.console-nav a[href^="/console/users"]');
      await page.waitForURL(/\/console\/users\?lang=/);
      await checkPage(page, 'console-users', lang);
      await page.click('a[href^="/console/users/new"]');
      await checkPage(page, 'console-users-new', lang);
      await page.click('button.primary'); // nothing filled in: the form with its errors
      await page.waitForSelector('.error-summary');
      await checkPage(page, 'console-users-new-errors', lang);
      await page.fill('#displayName', `Urzędnik ${lang}`);
      await page.fill('#email', `staff.${lang}@city.example`);
      await page.selectOption('#role', 'case_worker');
      await page.click('button.primary');
      await page.waitForSelector('code.one-time-password');
      await checkPage(page, 'console-users-created', lang);
      await page.click('.console-nav a[href^="/console/reports"]');
      await page.waitForURL(/\/console\/reports\?lang=/);
      await checkPage(page, 'console-reports', lang);
      await page.click('.console-nav a[href^="/console/settings"]');
      await page.waitForURL(/\/console\/settings\?lang=/);
      await checkPage(page, 'console-settings', lang);
      await page.fill('#minChildren', '0');
      await page.click('form.settings button.primary');
      await page.waitForSelector('.error-summary');
      await checkPage(page, 'console-settings-errors', lang);
      await page.context().close();
    },
  );

  it('creates a staff account with the keyboard alone and shows the first password once', async () => {
    const page = await newPage('en');
    await signIn(page, 'en');
    await page.goto(`${baseUrl}/console/users/new?lang=en`);
    await page.focus('#displayName');
    await page.keyboard.type('Maria Wójcik');
    await page.keyboard.press('Tab');
    await page.keyboard.type('maria.w@city.example');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown'); // the first role: Administrator
    await page.keyboard.press('ArrowDown'); // Case worker
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForSelector('code.one-time-password');
    const password = await page.textContent('code.one-time-password');
    expect(page.url()).not.toContain(password!);
    const user = await t.dataSource.getRepository(UserEntity).findOneBy({ email: 'maria.w@city.example' });
    expect(user).toMatchObject({ displayName: 'Maria Wójcik', role: 'case_worker' });
    await Promise.all([
      page.waitForURL(`${baseUrl}/console/users/${user!.id}?lang=en`),
      page.click(`a[href="/console/users/${user!.id}?lang=en"]`),
    ]);
    await checkPage(page, 'console-users-account', 'en');
    await page.goto(`${baseUrl}/console/users/${user!.id}?lang=pl`);
    await checkPage(page, 'console-users-account', 'pl');
    await page.context().close();
  });

  it('saves brand colours, and the pages wear them', async () => {
    const page = await newPage('en');
    await signIn(page, 'en');
    await page.goto(`${baseUrl}/console/settings?lang=en`);
    await page.fill('#brandColour', '#1d4ed8');
    await page.fill('#brandTextColour', '#ffffff');
    await page.click('form.settings button.primary');
    await page.waitForURL(/notice=saved/);
    const header = await page.evaluate(() => {
      const g = globalThis as unknown as {
        document: { querySelector(s: string): unknown };
        getComputedStyle(e: unknown): { backgroundColor: string };
      };
      return g.getComputedStyle(g.document.querySelector('.site-header')).backgroundColor;
    });
    expect(header).toBe('rgb(29, 78, 216)');
    await checkPage(page, 'console-settings-branded', 'en');
    await page.context().close();
  });
});
