import type { Browser, BrowserContext, Page } from 'playwright-core';
import { engine } from '../support/databases';
import { ADDRESS, largeFamily } from '../support/enrolment';
import { samplePdf } from '../support/enrolment-factory';
import { inspectPdf } from '../support/pdf-inspect';
import {
  addOutlet,
  approvedPartner,
  offerBody,
  publishedOffer,
  RegisteredPartner,
} from '../support/partner-factory';
import type { TestApp, TestUser } from '../support/test-app';
import { describeInBrowser, launch, screenshot, seriousAxeViolations, servedApp } from './browser';
import { readQrOnScreen } from './qr-screenshot';

// The whole programme in one browser, each person in their own context and only through the pages: a family
// applies with a document, a case worker approves it in the console, the family downloads the card PDF and opens
// the wallet, a cashier checks the card shown on the phone and redeems an offer, and the use appears in the
// partner's statistics and on the staff dashboard.

describeInBrowser(`a family's card from application to redemption, in Chromium (${engine})`, () => {
  let t: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let caseWorker: TestUser;
  let family: TestUser;
  let partner: RegisteredPartner;
  let cashier: TestUser;
  const errors: string[] = [];
  const people = largeFamily('Kowalczyk');

  async function signedIn(email: string, password: string, landing: RegExp): Promise<Page> {
    const context: BrowserContext = await browser.newContext({ locale: 'en-GB', acceptDownloads: true });
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
    await page.goto(`${baseUrl}/signin?lang=en`);
    await page.fill('#email', email);
    await page.fill('#password', password);
    await page.press('#password', 'Enter');
    await page.waitForURL(landing);
    return page;
  }

  /** The number in the Total row of a chart's table. */
  const totalOf = (page: Page, chart: string) =>
    page.locator(`section[aria-labelledby="${chart}-title"] tfoot td`).textContent();

  beforeAll(async () => {
    ({ t, baseUrl } = await servedApp());
    browser = await launch();
    caseWorker = await t.newUser('case_worker');
    family = await t.newUser('family');
    const manager = await t.newUser('partner_manager');
    partner = await approvedPartner(t, manager.token, { name: 'Aquapark Lublin' });
    const outlet = await addOutlet(t, partner.owner.token, partner.partnerId);
    await publishedOffer(
      t,
      partner,
      manager.token,
      offerBody([outlet], { texts: { pl: { title: 'Wstęp −20%' }, en: { title: '20% off entry' } } }),
    );
    cashier = await t.newUser('merchant_cashier', { partnerId: partner.partnerId });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  afterEach(() => {
    expect(errors.splice(0)).toEqual([]);
  });

  it('goes from the application to a redemption seen in the statistics and on the dashboard', async () => {
    // 1. The family applies, with a document.
    const home = await signedIn(family.user.email, family.password, /\/account\?lang=en/);
    await home.getByRole('link', { name: 'Apply for the card' }).click();
    await home.waitForURL(/\/apply\/members/);
    await home.fill('#street', ADDRESS.street);
    await home.fill('#postalCode', ADDRESS.postalCode);
    await home.fill('#city', ADDRESS.city);
    for (const [i, p] of people.entries()) {
      if ((await home.locator(`#firstName-${i}`).count()) === 0) {
        await home.getByRole('button', { name: 'Save and add another person' }).click();
        await home.waitForURL(/saved=1/);
      }
      await home.fill(`#firstName-${i}`, p.firstName);
      await home.fill(`#lastName-${i}`, p.lastName);
      await home.fill(`#birthDate-${i}`, p.birthDate);
      await home.selectOption(`#role-${i}`, p.role);
      await home.fill(`#nationalId-${i}`, p.nationalId!);
    }
    await home.getByRole('button', { name: 'Save and continue' }).click();
    await home.waitForURL(/\/apply\/statements/);
    await home.getByRole('button', { name: 'Save and continue' }).click();
    await home.waitForURL(/\/apply\/documents/);
    await home.selectOption('#kind', 'birth_certificate');
    await home.setInputFiles('#file', {
      name: 'birth.pdf',
      mimeType: 'application/pdf',
      buffer: samplePdf(),
    });
    await home.getByRole('button', { name: 'Attach the file' }).click();
    await home.waitForURL(/\/apply\/documents\?saved=1/);
    await home.getByRole('link', { name: 'Continue' }).click();
    await home.waitForURL(/\/apply\/review/);
    await home.getByRole('button', { name: 'Send the application' }).click();
    await home.waitForURL(/\/account\?lang=en$/);
    await expect(home.locator('.application').first().textContent()).resolves.toMatch(/Sent/);

    // 2. A case worker finds it in the review queue, sees the document, and approves it.
    const console_ = await signedIn(caseWorker.user.email, caseWorker.password, /\/console\?lang=en/);
    await console_.getByRole('link', { name: 'Review queue' }).first().click();
    await console_.waitForURL(/\/console\/review/);
    await console_.locator('table tbody tr', { hasText: 'Kowalczyk' }).getByRole('link').click();
    await console_.waitForURL(/\/console\/review\/[0-9a-f-]{36}/);
    await expect(console_.locator('main').textContent()).resolves.toContain('birth.pdf');
    await console_.check('#decision-approve');
    await console_.selectOption('#reason', 'meets_rules');
    await screenshot(console_, 'journey-review');
    await console_.getByRole('button', { name: 'Record the decision' }).click();
    await console_.waitForURL(/\/console\/review\?.*notice=/);

    // 3. The family sees its cards, downloads a card PDF (a real PDF with the holder's name and a QR code that
    //    decodes), and opens the wallet, where the live code shows.
    await home.reload();
    const cardRows = home.locator('table tbody tr', { hasText: people[0].lastName });
    await expect(cardRows.count()).resolves.toBe(people.length);
    const [download] = await Promise.all([
      home.waitForEvent('download'),
      home.getByRole('link', { name: `Card of ${people[0].firstName} ${people[0].lastName} as PDF` }).click(),
    ]);
    const pdf = await inspectPdf((await download.path())!, {
      qr: [{ page: 1, x: 0, y: 0, width: 86, height: 54 }],
    });
    expect(pdf.pages[0].text).toContain(`${people[0].firstName} ${people[0].lastName}`);
    // The printed code: the check page's address with the signed token in base32 (QR alphanumeric mode).
    expect(pdf.qr[0].text).toMatch(/^HTTPS?:\/\/[^/]+\/C\/[A-Z2-7]{100,}$/);
    await screenshot(home, 'journey-account');
    await home.getByRole('link', { name: 'Show the cards on your phone' }).click();
    await home.waitForURL(/\/family\/wallet/);
    const card = home.locator('article[data-card-id]').first();
    await card.locator('.live-indicator').waitFor({ state: 'visible' });
    const shownCode = await readQrOnScreen(card.locator('img.qr'));
    expect(shownCode).toBeTruthy();
    await screenshot(home, 'journey-wallet');

    // 4. At the till, the cashier checks the code on the phone and redeems the offer.
    const till = await signedIn(cashier.user.email, cashier.password, /\/merchant\/check/);
    await till.locator('#checker').waitFor({ state: 'visible' });
    await till.locator('#code').fill(shownCode!);
    await till.locator('#manual button[type=submit]').click();
    await till.waitForSelector('#verdict[data-result="valid"]', { timeout: 15_000 });
    await till.getByRole('button', { name: /Redeem:/ }).click();
    await till.locator('.offer-status', { hasText: 'Recorded.' }).waitFor();
    await screenshot(till, 'journey-checker');

    // 5. The partner's owner sees the use in the statistics; staff see it on the dashboard.
    const owner = await signedIn(partner.owner.email, partner.owner.password, /\/partner\?lang=en/);
    await owner.getByRole('link', { name: 'Statistics' }).click();
    await owner.waitForURL(/\/partner\/statistics/);
    await expect(totalOf(owner, 'redemptions-offer')).resolves.toBe('1');
    await expect(
      owner.locator('section[aria-labelledby="redemptions-offer-title"] tbody').textContent(),
    ).resolves.toContain('20% off entry');
    await screenshot(owner, 'journey-partner-statistics');
    await console_.goto(`${baseUrl}/console?lang=en`);
    await expect(totalOf(console_, 'redemptions')).resolves.toBe('1');
    await expect(totalOf(console_, 'checks')).resolves.toBe('1');
    await screenshot(console_, 'journey-dashboard');

    // 6. Anyone who scans the printed card with a phone camera sees the public check page: valid, the name and
    //    valid-until, nothing more — accessible in Polish and English.
    const printedPath = new URL(pdf.qr[0].text!).pathname;
    for (const [locale, valid] of [
      ['pl-PL', 'Karta ważna'],
      ['en-GB', 'Valid card'],
    ]) {
      const context = await browser.newContext({ locale, bypassCSP: true });
      const phone = await context.newPage();
      await phone.goto(`${baseUrl}${printedPath}`);
      await expect(phone.locator('main').innerText()).resolves.toContain(valid);
      await expect(phone.locator('main').innerText()).resolves.toContain(people[0].firstName);
      expect({ locale, violations: await seriousAxeViolations(phone) }).toEqual({ locale, violations: [] });
      await screenshot(phone, `check-page-${locale}`);
      await context.close();
    }
  });
});
