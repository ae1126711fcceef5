import type { Browser, Page } from 'playwright-core';
import { OfferEntity } from '../../src/offers/offer.entity';
import { PartnerEntity } from '../../src/partners/partner.entity';
import { engine } from '../support/databases';
import {
  addOutlet,
  approvedPartner,
  offerBody,
  RegisteredPartner,
  validNip,
} from '../support/partner-factory';
import type { TestApp } from '../support/test-app';
import {
  checkPage,
  describeInBrowser,
  launch,
  pageOpener,
  screenshot,
  servedApp,
  signInOnPage,
} from './browser';

describeInBrowser(`partner portal in Chromium (${engine})`, () => {
  let t: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let partner: RegisteredPartner;
  let outletId: string;
  let offerId: string;
  const errors: string[] = [];

  const newPage = pageOpener(() => browser, errors);

  const signIn = (page: Page, lang: string) =>
    signInOnPage(
      page,
      baseUrl,
      { email: partner.owner.email, password: partner.owner.password },
      lang,
      /\/partner\?lang=/,
    );

  beforeAll(async () => {
    ({ t, baseUrl } = await servedApp());
    browser = await launch();
    const manager = await t.newUser('partner_manager');
    partner = await approvedPartner(t, manager.token);
    outletId = await addOutlet(t, partner.owner.token, partner.partnerId);
    const offer = await t.http
      .post(`/api/v1/partners/${partner.partnerId}/offers`)
      .auth(partner.owner.token, { type: 'bearer' })
      .send(offerBody([outletId], { minFamilySize: 4 }))
      .expect(201);
    offerId = offer.body.id;
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  afterEach(() => {
    expect(errors.splice(0)).toEqual([]);
  });

  it.each(['pl', 'en'])(
    'shows every portal page with no serious or critical accessibility problems (axe-core, %s)',
    async (lang) => {
      const page = await newPage(lang);
      await page.goto(`${baseUrl}/partner/register?lang=${lang}`);
      await checkPage(page, 'partner-register', lang);
      await page.click('form.panel button[type="submit"]'); // nothing filled in: the form with its errors
      await page.waitForSelector('.error-summary');
      await checkPage(page, 'partner-register-errors', lang);

      await signIn(page, lang);
      await checkPage(page, 'partner-profile', lang);
      await page.click('.console-nav a[href^="/partner/outlets"]');
      await page.waitForURL(/\/partner\/outlets\?lang=/);
      await checkPage(page, 'partner-outlets', lang);
      await page.goto(`${baseUrl}/partner/outlets/new?lang=${lang}`);
      await checkPage(page, 'partner-outlet-new', lang);
      await page.goto(`${baseUrl}/partner/outlets/${outletId}?lang=${lang}`);
      await checkPage(page, 'partner-outlet', lang);
      await page.click('.console-nav a[href^="/partner/offers"]');
      await page.waitForURL(/\/partner\/offers\?lang=/);
      await checkPage(page, 'partner-offers', lang);
      await page.goto(`${baseUrl}/partner/offers/${offerId}?lang=${lang}`);
      await page.waitForSelector('#offer-preview');
      await checkPage(page, 'partner-offer', lang);
      await page.goto(`${baseUrl}/partner/offers/new?lang=${lang}`);
      await checkPage(page, 'partner-offer-new', lang);
      await page.check('#benefitType-amount_off');
      await page.fill('#amount', '5');
      await page.fill('#title-pl', 'Pięć złotych taniej');
      await page.fill('#title-en', 'Five zloty off');
      await page.click('button[value="preview"]');
      await page.waitForSelector('#offer-preview');
      await checkPage(page, 'partner-offer-preview', lang);
      await page.context().close();
    },
  );

  it('registers a business with the keyboard', async () => {
    const page = await newPage('en');
    await page.goto(`${baseUrl}/partner/register?lang=en`);
    const taxNumber = validNip();
    await page.fill('#name', 'Park Linowy');
    await page.fill('#taxNumber', taxNumber);
    await page.selectOption('#category', 'sport-recreation');
    await page.fill('#description-pl', 'Park linowy w lesie');
    await page.fill('#contactName', 'Anna Las');
    await page.fill('#contactEmail', 'biuro@park.example');
    await page.fill('#ownerName', 'Anna Las');
    await page.fill('#ownerEmail', 'anna@park.example');
    await page.fill('#password', 'ropes and trees and moss 7');
    await page.focus('#acceptAgreement');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/partner\/register\?notice=registered&lang=en/);
    await expect(page.locator('h1').textContent()).resolves.toBe('Registration received');
    await screenshot(page, 'partner-registered-en');
    const saved = await t.dataSource.getRepository(PartnerEntity).findOneByOrFail({ taxNumber });
    expect(saved).toMatchObject({ name: 'Park Linowy', status: 'pending' });
    await page.context().close();
  });

  it('writes an offer, previews it as families will see it, and saves it', async () => {
    const page = await newPage('en');
    await signIn(page, 'en');
    await page.goto(`${baseUrl}/partner/offers/new?lang=en`);
    // The editor's script shows only the fields of the chosen kind of discount.
    await expect(page.locator('#amount').isVisible()).resolves.toBe(false);
    await page.check('#benefitType-amount_off');
    await expect(page.locator('#amount').isVisible()).resolves.toBe(true);
    await expect(page.locator('#percent').isVisible()).resolves.toBe(false);
    await page.fill('#amount', '5');
    await page.fill('#title-pl', 'Pięć złotych taniej');
    await page.fill('#title-en', 'Five zloty off');
    await page.click('button[value="preview"]');
    await page.waitForSelector('#offer-preview');
    await expect(page.locator('#offer-preview .benefit').textContent()).resolves.toMatch(/PLN\s5\.00 off/);
    await expect(page.locator('#offer-preview h3').first().textContent()).resolves.toBe('Five zloty off');
    await page.click('button[value="save"]');
    await page.waitForURL(/\/partner\/offers\/[0-9a-f-]{36}\?notice=created&lang=en/);
    const id = /offers\/([0-9a-f-]{36})/.exec(page.url())![1];
    const offer = await t.dataSource.getRepository(OfferEntity).findOneByOrFail({ id });
    expect(offer).toMatchObject({ status: 'draft', benefit: { type: 'amount_off', amount: 500 } });
    await page.click('.back a');
    await page.locator(`form[action="/partner/offers/${id}/step"] button`).first().click();
    await page.waitForURL(/notice=submitted/);
    await expect(page.locator('.notice').textContent()).resolves.toContain('submitted');
    await page.context().close();
  });
});
