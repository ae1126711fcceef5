import type { Browser, Page } from 'playwright-core';
import { engine } from '../support/databases';
import { addOutlet, approvedPartner, offerBody, registerPartner } from '../support/partner-factory';
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

describeInBrowser(`staff console partner and offer pages in Chromium (${engine})`, () => {
  let t: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let manager: TestUser;
  let pendingId: string;
  let offerId: string;
  const errors: string[] = [];

  const newPage = pageOpener(() => browser, errors);

  const signIn = (page: Page, lang: string) =>
    signInOnPage(
      page,
      baseUrl,
      { email: manager.user.email, password: manager.password },
      lang,
      /\/console\?lang=/,
    );

  beforeAll(async () => {
    ({ t, baseUrl } = await servedApp());
    browser = await launch();
    manager = await t.newUser('partner_manager');
    pendingId = (await registerPartner(t, { name: 'Kino Zamek Oczekujące' })).partnerId;
    const partner = await approvedPartner(t, manager.token, { name: 'Muzeum Wsi' });
    const outlet = await addOutlet(t, partner.owner.token, partner.partnerId);
    const url = `/api/v1/partners/${partner.partnerId}/offers`;
    const created = await t.http
      .post(url)
      .auth(partner.owner.token, { type: 'bearer' })
      .send(offerBody([outlet], { limits: { perCardPerDay: 1 } }))
      .expect(201);
    offerId = created.body.id;
    await t.http
      .post(`${url}/${offerId}/submit`)
      .auth(partner.owner.token, { type: 'bearer' })
      .send({})
      .expect(200);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  afterEach(() => {
    expect(errors.splice(0)).toEqual([]);
  });

  it.each(['pl', 'en'])(
    'shows the partner and offer pages with no serious or critical accessibility problems (axe-core, %s)',
    async (lang) => {
      const page = await newPage(lang);
      await signIn(page, lang);
      await page.click('.console-nav a[href^="/console/partners"]');
      await page.waitForURL(/\/console\/partners\?lang=/);
      await checkPage(page, 'console-partners', lang);
      await page.goto(`${baseUrl}/console/partners/${pendingId}?lang=${lang}`);
      await checkPage(page, 'console-partner', lang);
      // Reject with no reason: the form comes back with its error tied to the field.
      await page.click('form[action$="/reject"] button[type="submit"]');
      await page.waitForSelector('.error-summary');
      await expect(page.locator('#reject-reason').getAttribute('aria-invalid')).resolves.toBe('true');
      await checkPage(page, 'console-partner-errors', lang);
      await page.click('.console-nav a[href^="/console/offers"]');
      await page.waitForURL(/\/console\/offers\?lang=/);
      await checkPage(page, 'console-offers', lang);
      await page.goto(`${baseUrl}/console/offers/${offerId}?lang=${lang}`);
      await expect(page.locator('.offer-preview li.offer').count()).resolves.toBe(1);
      await checkPage(page, 'console-offer', lang);
      await page.context().close();
    },
  );

  it('approves a partner with the keyboard alone', async () => {
    const page = await newPage('en');
    await signIn(page, 'en');
    await page.goto(`${baseUrl}/console/partners?lang=en`);
    await page.getByRole('link', { name: 'Kino Zamek Oczekujące' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/console/partners/${pendingId}\\?lang=en`));
    await page.getByRole('button', { name: 'Approve', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/notice=approve/);
    await expect(page.getByRole('status').first().textContent()).resolves.toContain(
      'The partner was approved.',
    );
    await screenshot(page, 'console-partner-approved-en');
    const partner = await t.http
      .get(`/api/v1/partners/${pendingId}`)
      .auth(manager.token, { type: 'bearer' })
      .expect(200);
    expect(partner.body.status).toBe('approved');
    await page.context().close();
  });
});
