import type { Browser, Page } from 'playwright-core';
import { engine } from '../support/databases';
import { Draft, draftApplication, enrolFamily } from '../support/enrolment-factory';
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

describeInBrowser(`staff console in Chromium (${engine})`, () => {
  let t: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let caseWorker: TestUser;
  let waiting: Draft;
  const errors: string[] = [];

  const newPage = pageOpener(() => browser, errors);

  beforeAll(async () => {
    ({ t, baseUrl } = await servedApp());
    browser = await launch();
    caseWorker = await t.newUser('case_worker');
    await enrolFamily(t, caseWorker.token, 'Lewandowska');
    waiting = await draftApplication(t, 'Wójcik');
    await t.http
      .post(`/api/v1/applications/${waiting.applicationId}/submit`)
      .auth(waiting.family.token, { type: 'bearer' })
      .send({})
      .expect(200);
  });

  const signIn = (page: Page, lang: string) =>
    signInOnPage(
      page,
      baseUrl,
      { email: caseWorker.user.email, password: caseWorker.password },
      lang,
      /\/console\?lang=/,
    );

  /** The focused element's id and text, as the browser has them. */
  const focused = (page: Page) =>
    page.evaluate(() => {
      const element = (
        globalThis as unknown as { document: { activeElement: { id: string; textContent: string } } }
      ).document.activeElement;
      return { id: element.id, text: element.textContent };
    });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  afterEach(() => {
    expect(errors.splice(0)).toEqual([]);
  });

  it.each(['pl', 'en'])(
    'signs a case worker in to the dashboard and the review pages, with no serious or critical accessibility problems (axe-core, %s)',
    async (lang) => {
      const page = await newPage(lang);
      await signIn(page, lang);
      await expect(page.locator('svg[role="img"]').count()).resolves.toBe(5);
      await expect(page.locator('table.data').count()).resolves.toBe(5);
      await checkPage(page, 'console-dashboard', lang);
      await page.click('.console-nav a[href^="/console/review"]');
      await page.waitForURL(/\/console\/review\?lang=/);
      await checkPage(page, 'console-review', lang);
      await page.goto(`${baseUrl}/console/review/${waiting.applicationId}?lang=${lang}`);
      await checkPage(page, 'console-application', lang);
      await page.focus('#reason');
      await page.press('#reason', 'Tab');
      await page.press('#message', 'Tab');
      await page.keyboard.press('Enter'); // nothing chosen: the form with its errors
      await page.waitForSelector('.error-summary');
      await checkPage(page, 'console-application-errors', lang);
      await page.context().close();
    },
  );

  it.each(['pl', 'en'])(
    'shows an auditor the audit log with no serious or critical accessibility problems (axe-core, %s)',
    async (lang) => {
      const auditor = await t.newUser('auditor');
      const page = await newPage(lang);
      await page.goto(`${baseUrl}/signin?lang=${lang}`);
      await page.fill('#email', auditor.user.email);
      await page.fill('#password', auditor.password);
      await page.press('#password', 'Enter');
      await page.waitForURL(/\/console\?lang=/);
      await page.click('.console-nav a[href^="/console/audit"]');
      await page.waitForURL(/\/console\/audit\?lang=/);
      await expect(page.locator('table.cards tbody tr').count()).resolves.toBeGreaterThan(0);
      await checkPage(page, 'console-audit', lang);
      await page.context().close();
    },
  );

  it('approves an application with the keyboard alone', async () => {
    const page = await newPage('en');
    await signIn(page, 'en');
    await page.goto(`${baseUrl}/console/review/${waiting.applicationId}?lang=en`);
    await page.focus('#decision-approve');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await expect(focused(page)).resolves.toMatchObject({ id: 'reason' });
    await page.keyboard.press('ArrowDown'); // the first reason: "Meets the rules", under "Approve"
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(focused(page)).resolves.toMatchObject({ text: 'Record the decision' });
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/console\/review\?notice=decided&lang=en/);
    await expect(page.getByRole('status').textContent()).resolves.toContain('The decision was recorded.');
    await screenshot(page, 'console-review-decided-en');
    const status = await t.http
      .get(`/api/v1/applications/${waiting.applicationId}`)
      .auth(caseWorker.token, { type: 'bearer' })
      .expect(200);
    expect(status.body.status).toBe('approved');
    await page.context().close();
  });
});
