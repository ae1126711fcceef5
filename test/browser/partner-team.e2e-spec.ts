import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { ProgrammeEntity } from '../../src/programmes/programme.entity';
import { UserEntity } from '../../src/users/user.entity';
import { ValidationEntity } from '../../src/validations/validation.entity';
import { engine } from '../support/databases';
import { addOutlet, approvedPartner, RegisteredPartner } from '../support/partner-factory';
import type { TestApp, TestUser } from '../support/test-app';
import {
  checkPage,
  describeInBrowser,
  launch,
  pageOpener,
  screenshot,
  servedApp,
  signInOnPage,
} from './browser';

describeInBrowser(`partner team pages in Chromium (${engine})`, () => {
  let t: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let kino: RegisteredPartner;
  let cashier: TestUser;
  const errors: string[] = [];

  const newPage = pageOpener(() => browser, errors);

  const signIn = (page: Page, email: string, password: string, lang: string) =>
    // A merchant's home page (the checker or the portal) is not this spec's business.
    signInOnPage(page, baseUrl, { email, password }, lang, (url) => url.pathname !== '/signin');

  beforeAll(async () => {
    ({ t, baseUrl } = await servedApp());
    browser = await launch();
    const manager = (await t.newUser('partner_manager')).token;
    kino = await approvedPartner(t, manager, { name: 'Kino Zamek' });
    cashier = await t.newUser('merchant_cashier', { partnerId: kino.partnerId });
    const outlet = await addOutlet(t, kino.owner.token, kino.partnerId);
    const programme = await t.dataSource.getRepository(ProgrammeEntity).findOneByOrFail({});
    for (const [day, result] of [
      ['2026-03-09', 'valid'],
      ['2026-03-10', 'valid'],
      ['2026-03-10', 'expired'],
    ] as const)
      await t.dataSource.getRepository(ValidationEntity).insert({
        id: randomUUID(),
        programmeId: programme.id,
        partnerId: kino.partnerId,
        outletId: outlet,
        cardId: null,
        result,
        method: 'qr',
        actorType: 'user',
        actorId: null,
        createdAt: new Date(`${day}T10:00:00Z`),
      });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  afterEach(() => {
    expect(errors.splice(0)).toEqual([]);
  });

  it.each(['pl', 'en'])(
    'shows the owner the cashiers, keys and statistics with no serious or critical accessibility problems (axe-core, %s)',
    async (lang) => {
      const page = await newPage(lang);
      await signIn(page, kino.owner.email, kino.owner.password, lang);
      await page.goto(`${baseUrl}/partner/team?lang=${lang}`);
      // The owner and the cashier, and the cashiers invited by the runs in the languages before this one.
      const invited = ['pl', 'en'].indexOf(lang);
      await expect(page.locator('table.team tbody tr').count()).resolves.toBe(2 + invited);
      await checkPage(page, 'partner-team', lang);
      await page.click('#invite-title ~ form button[type="submit"]'); // empty: the form with its errors
      await page.waitForSelector('.error-summary');
      await checkPage(page, 'partner-team-errors', lang);
      await page.fill('#displayName', `Kasjer ${lang}`);
      await page.fill('#email', `kasjer.${lang}@kino.example`);
      await page.click('#invite-title ~ form button[type="submit"]');
      await page.waitForSelector('#first-password');
      await checkPage(page, 'partner-team-created', lang);

      await page.click('.console-nav a[href^="/partner/keys"]');
      await page.waitForURL(/\/partner\/keys\?lang=/);
      await checkPage(page, 'partner-keys', lang);
      await page.fill('#name', `Kasa ${lang}`);
      await page.press('#name', 'Enter');
      await page.waitForSelector('#new-key');
      await checkPage(page, 'partner-keys-created', lang);
      await page.goto(`${baseUrl}/partner/keys?lang=${lang}`);
      await expect(page.locator('table.keys tbody tr').count()).resolves.toBeGreaterThan(0);
      await checkPage(page, 'partner-keys-list', lang);

      await page.click('.console-nav a[href^="/partner/statistics"]');
      await page.waitForURL(/\/partner\/statistics\?lang=/);
      await page.fill('#from', '2026-03-08');
      await page.fill('#to', '2026-03-12');
      await page.click('form.period button[type="submit"]');
      await page.waitForURL(/from=2026-03-08/);
      await expect(page.locator('svg[role="img"]').count()).resolves.toBe(4);
      await expect(page.locator('table.data').count()).resolves.toBe(4);
      await checkPage(page, 'partner-statistics', lang);
      await page.context().close();
    },
  );

  it('lets a cashier open the statistics but not the team pages', async () => {
    const page = await newPage('pl');
    await signIn(page, cashier.user.email, cashier.password, 'pl');
    await page.goto(`${baseUrl}/partner/statistics?lang=pl`);
    await expect(page.locator('.console-nav a').allTextContents()).resolves.not.toContain('Kasjerzy');
    await checkPage(page, 'partner-statistics-cashier', 'pl');
    // Asked with the browser's session but outside the page, so the refusal is no console error.
    const refused = await page.request.get(`${baseUrl}/partner/team?lang=pl`, {
      headers: { Accept: 'text/html' },
    });
    expect(refused.status()).toBe(403);
    await page.context().close();
  });

  it('invites a cashier and disables the account with the keyboard alone', async () => {
    const page = await newPage('en');
    await signIn(page, kino.owner.email, kino.owner.password, 'en');
    await page.goto(`${baseUrl}/partner/team?lang=en`);
    await page.focus('#displayName');
    await page.keyboard.type('Anna Nowak');
    await page.keyboard.press('Tab');
    await page.keyboard.type('anna.nowak@kino.example');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#first-password');
    const password = (await page.locator('#first-password').textContent())!;
    expect(page.url()).not.toContain(password);
    await page.goto(`${baseUrl}/partner/team?lang=en`);
    const disable = page.locator('tr', { hasText: 'anna.nowak@kino.example' }).locator('button');
    await disable.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/partner\/team\?notice=disabled&lang=en/);
    await expect(page.getByRole('status').textContent()).resolves.toContain('was disabled');
    await screenshot(page, 'partner-team-disabled-en');
    const user = await t.dataSource
      .getRepository(UserEntity)
      .findOneByOrFail({ email: 'anna.nowak@kino.example' });
    expect(user.disabled).toBe(true);
    await page.context().close();
  });
});
