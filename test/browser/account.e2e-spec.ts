import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { engine } from '../support/databases';
import { ADDRESS, largeFamily } from '../support/enrolment';
import { enrolFamily, Enrolled, samplePdf } from '../support/enrolment-factory';
import type { TestApp, TestUser } from '../support/test-app';
import { describeInBrowser, launch, screenshot, seriousAxeViolations, servedApp } from './browser';

describeInBrowser(`sign-in, application wizard and family account in Chromium (${engine})`, () => {
  let t: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let enrolled: Enrolled;
  const errors: string[] = [];

  /** A fresh context; console errors (CSP violations among them) and page errors fail the test. */
  async function newPage(options: BrowserContextOptions = {}): Promise<Page> {
    const context = await browser.newContext({ locale: 'en-GB', ...options });
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    page.on('console', (m) => {
      // A form answered with its errors (400) is the page working, not failing.
      if (m.type() === 'error' && !m.text().includes('status of 400')) errors.push(`console: ${m.text()}`);
    });
    return page;
  }

  async function signIn(page: Page, user: TestUser, lang: string): Promise<void> {
    await page.goto(`${baseUrl}/signin?lang=${lang}`);
    await page.fill('#email', user.user.email);
    await page.fill('#password', user.password);
    await page.press('#password', 'Enter');
    await page.waitForURL(/\/account\?lang=/);
  }

  beforeAll(async () => {
    ({ t, baseUrl } = await servedApp());
    browser = await launch();
    const caseWorker = await t.newUser('case_worker');
    enrolled = await enrolFamily(t, caseWorker.token, 'Zielińska');
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  afterEach(() => {
    expect(errors.splice(0)).toEqual([]);
  });

  it('signs a family in, walks the wizard with a document upload, sends it and shows it on the account page', async () => {
    const family = await t.newUser('family');
    const page = await newPage();
    await signIn(page, family, 'en');
    await page.getByRole('link', { name: 'Apply for the card' }).click();
    await page.waitForURL(/\/apply\/members/);

    await page.fill('#street', ADDRESS.street);
    await page.fill('#postalCode', ADDRESS.postalCode);
    await page.fill('#city', ADDRESS.city);
    const people = largeFamily('Nowak');
    for (const [i, p] of people.entries()) {
      await page.fill(`#firstName-${i}`, p.firstName);
      await page.fill(`#lastName-${i}`, p.lastName);
      await page.fill(`#birthDate-${i}`, p.birthDate);
      await page.selectOption(`#role-${i}`, p.role);
      await page.fill(`#nationalId-${i}`, p.nationalId!);
      // Two empty rows at first, then one more each time: no script needed.
      if (i >= 1 && i < people.length - 1 && (await page.locator(`#firstName-${i + 1}`).count()) === 0) {
        await page.getByRole('button', { name: 'Save and add another person' }).click();
        await page.waitForURL(/saved=1/);
      }
    }
    await screenshot(page, 'apply-members-filled-en');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.waitForURL(/\/apply\/statements/);
    await expect(page.getByRole('status').textContent()).resolves.toContain('Saved.');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.waitForURL(/\/apply\/documents/);

    await page.selectOption('#kind', 'birth_certificate');
    await page.setInputFiles('#file', {
      name: 'birth.pdf',
      mimeType: 'application/pdf',
      buffer: samplePdf(),
    });
    await page.getByRole('button', { name: 'Attach the file' }).click();
    await page.waitForURL(/\/apply\/documents\?saved=1/);
    await expect(page.locator('.documents').textContent()).resolves.toContain('Birth certificate: birth.pdf');
    await page.getByRole('link', { name: 'Continue' }).click();

    await page.waitForURL(/\/apply\/review/);
    await expect(page.locator('main').textContent()).resolves.toContain('your family qualifies');
    await screenshot(page, 'apply-review-en');
    await page.getByRole('button', { name: 'Send the application' }).click();
    await page.waitForURL(/\/account\?lang=en$/);
    await expect(page.locator('.application').first().textContent()).resolves.toMatch(/New family:\s*Sent/);
    await page.context().close();
  });

  it('shows an error at its field, and moves focus there from the summary', async () => {
    const family = await t.newUser('family');
    const page = await newPage();
    await signIn(page, family, 'en');
    await page.goto(`${baseUrl}/apply/members?lang=en`);
    await page.fill('#street', ADDRESS.street);
    await page.fill('#postalCode', '!!');
    await page.fill('#city', ADDRESS.city);
    await page.fill('#firstName-0', 'Anna');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await expect(page.locator('#postalCode').getAttribute('aria-describedby')).resolves.toBe(
      'postalCode-error',
    );
    await page.getByRole('link', { name: 'Enter a postal code such as 20-002.' }).click();
    await expect(
      page.evaluate(
        () =>
          (globalThis as unknown as { document: { activeElement: { id: string } } }).document.activeElement
            .id,
      ),
    ).resolves.toBe('postalCode');
    await page.context().close();
  });

  it.each(['pl', 'en'])(
    'has no serious or critical accessibility problems on the sign-in, wizard and account pages (axe-core, %s)',
    async (lang) => {
      // bypassCSP only so that axe may be injected: the pages' own policy allows no inline script.
      const options = { locale: lang === 'pl' ? 'pl-PL' : 'en-GB', bypassCSP: true };
      const check = async (page: Page, name: string) => {
        await expect(page.locator('html').getAttribute('lang')).resolves.toBe(lang);
        expect({ name, violations: await seriousAxeViolations(page) }).toEqual({ name, violations: [] });
        await screenshot(page, `${name}-${lang}`);
      };
      const page = await newPage(options);
      await page.goto(`${baseUrl}/signin?lang=${lang}`);
      await check(page, 'signin');
      await page.press('#password', 'Enter'); // empty: the form with its errors
      await check(page, 'signin-errors');
      await page.goto(`${baseUrl}/register?lang=${lang}`);
      await check(page, 'register');

      await signIn(page, await t.newUser('family'), lang);
      await check(page, 'account-new');
      await page.goto(`${baseUrl}/apply/members?lang=${lang}`);
      await check(page, 'apply-members');
      await page.fill('#firstName-0', 'Anna');
      await page.locator('button[value="continue"]').click();
      await check(page, 'apply-members-errors');
      // The form with its errors shows the row typed in and one empty row.
      const two = largeFamily('Nowak', 1).slice(0, 2);
      await page.fill('#street', ADDRESS.street);
      await page.fill('#postalCode', ADDRESS.postalCode);
      await page.fill('#city', ADDRESS.city);
      for (const [i, p] of two.entries()) {
        await page.fill(`#lastName-${i}`, p.lastName);
        await page.fill(`#firstName-${i}`, p.firstName);
        await page.fill(`#birthDate-${i}`, p.birthDate);
        await page.selectOption(`#role-${i}`, p.role);
      }
      await page.locator('button[value="continue"]').click();
      await page.waitForURL(/\/apply\/statements/);
      await check(page, 'apply-statements');
      await page.goto(`${baseUrl}/apply/documents?lang=${lang}`);
      await check(page, 'apply-documents');
      await page.goto(`${baseUrl}/apply/review?lang=${lang}`);
      await check(page, 'apply-review');
      await page.context().close();

      const enrolledPage = await newPage(options);
      await signIn(enrolledPage, enrolled.family, lang);
      await check(enrolledPage, 'account');
      await enrolledPage.locator('form[action="/account/lost-card"] button').click();
      await check(enrolledPage, 'account-lost-errors');
      await enrolledPage.setViewportSize({ width: 375, height: 740 });
      await enrolledPage.goto(`${baseUrl}/account?lang=${lang}`);
      await check(enrolledPage, 'account-phone');
      await enrolledPage.context().close();
    },
  );
});
