import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { CardEntity } from '../../src/cards/card.entity';
import { RedemptionEntity } from '../../src/validations/redemption.entity';
import { ValidationEntity } from '../../src/validations/validation.entity';
import { engine } from '../support/databases';
import { enrolFamily } from '../support/enrolment-factory';
import {
  addOutlet,
  approvedPartner,
  offerBody,
  publishedOffer,
  RegisteredPartner,
} from '../support/partner-factory';
import type { TestApp, TestUser } from '../support/test-app';
import { describeInBrowser, launch, screenshot, seriousAxeViolations, servedApp } from './browser';
import { writeQrVideo } from './fake-camera';

/** The page's sessionStorage, typed without the DOM library (these functions run in the browser). */
type InPage = {
  sessionStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
};

describeInBrowser(`merchant checker page in Chromium (${engine})`, () => {
  let t: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let caseWorker: string;
  let partner: RegisteredPartner;
  let cashier: TestUser;
  let outlet: string;
  let offer: string;
  let cards: CardEntity[];
  const errors: string[] = [];

  const qrOf = async (card: CardEntity): Promise<string> =>
    (await t.http.get(`/api/v1/cards/${card.id}`).auth(caseWorker, { type: 'bearer' }).expect(200)).body
      .qrText;
  const revoke = (card: CardEntity) =>
    t.http
      .post(`/api/v1/cards/${card.id}/revoke`)
      .auth(caseWorker, { type: 'bearer' })
      .send({ reason: 'fraud' })
      .expect(200);
  const redemptions = (card: CardEntity) =>
    t.dataSource
      .getRepository(RedemptionEntity)
      .countBy({ cardId: card.id, offerId: offer, status: 'recorded' });
  const checksRecorded = () => t.dataSource.getRepository(ValidationEntity).count();

  /** A fresh browser profile (its own service worker, IndexedDB and storage); page errors fail the test. */
  async function newPage(on: Browser = browser, options: Parameters<Browser['newContext']>[0] = {}) {
    const context = await on.newContext({ locale: 'en-GB', ...options });
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    page.on('response', (r) => {
      if (r.status() >= 400) errors.push(`${r.status()} ${r.request().method()} ${r.url()}`);
    });
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
    return { context, page };
  }

  async function signIn(page: Page, lang = 'en'): Promise<void> {
    await page.goto(`${baseUrl}/merchant/check?lang=${lang}`);
    await page.locator('#email').fill(cashier.user.email);
    await page.locator('#password').fill(cashier.password);
    await page.locator('#signin-form button[type=submit]').click();
    await page.locator('#checker').waitFor({ state: 'visible' });
    await page.locator('#outlet').waitFor({ state: 'visible' });
  }

  async function checkCode(page: Page, code: string, lastName = ''): Promise<void> {
    await page.locator('#code').fill(code);
    await page.locator('#last-name').fill(lastName);
    await page.locator('#manual button[type=submit]').click();
  }

  const verdict = (page: Page) => page.locator('#verdict');
  /** What the verdict reads, one line per paragraph. */
  const verdictText = async (page: Page) => (await verdict(page).innerText()).replace(/\n+/g, '\n').trim();
  const expectVerdict = async (page: Page, result: string) =>
    page.waitForSelector(`#verdict[data-result="${result}"]`, { timeout: 15_000 });

  beforeAll(async () => {
    ({ t, baseUrl } = await servedApp());
    const manager = (await t.newUser('partner_manager')).token;
    caseWorker = (await t.newUser('case_worker')).token;
    const family = await enrolFamily(t, caseWorker, 'Żółkiewski');
    cards = await t.dataSource
      .getRepository(CardEntity)
      .find({ where: { familyId: family.familyId }, order: { createdAt: 'ASC' } });
    partner = await approvedPartner(t, manager, { name: 'Kino Zamek' });
    outlet = await addOutlet(t, partner.owner.token, partner.partnerId);
    offer = await publishedOffer(
      t,
      partner,
      manager,
      offerBody([outlet], { texts: { pl: { title: 'Bilet −10%' }, en: { title: '10% off tickets' } } }),
    );
    cashier = await t.newUser('merchant_cashier', { partnerId: partner.partnerId });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  /** HTTP errors a test provokes on purpose (e.g. `/^401 POST .*\/auth\/login$/`); any other fails it. */
  const allowed: RegExp[] = [];
  const expectHttpErrors = (...patterns: RegExp[]) => allowed.push(...patterns);
  afterEach(() => {
    const seen = errors.splice(0);
    const expected = seen.filter((e) => allowed.some((a) => a.test(e)));
    const statuses = new Set(expected.map((e) => e.split(' ')[0]));
    // Chromium also logs each failed response to the console; those of expected responses are expected too.
    const logged = (e: string) => /^console: Failed to load resource: .*status of (\d+)/.exec(e)?.[1];
    allowed.splice(0);
    expect(seen.filter((e) => !expected.includes(e) && !statuses.has(logged(e) ?? ''))).toEqual([]);
  });

  it('manual entry: a valid card is a big green VALID with its holder and offer, redeems once; a revoked one is red with the reason', async () => {
    const { context, page } = await newPage();
    const [card, revoked] = [cards[0], cards[1]];
    const revokedQr = await qrOf(revoked);
    await revoke(revoked);
    await signIn(page);
    await expect(page.locator('#account-name').textContent()).resolves.toContain(cashier.user.displayName);

    await checkCode(page, await qrOf(card));
    await expectVerdict(page, 'valid');
    await expect(verdictText(page)).resolves.toBe('✓ VALID\nThe card is active.');
    await expect(verdict(page).getAttribute('role')).resolves.toBe('status');
    const details = page.locator('#result-details');
    await expect(details.textContent()).resolves.toContain(card.holderName);
    await expect(details.textContent()).resolves.toContain('parent');
    const redeem = page.getByRole('button', { name: /Redeem: Bilet −10%/ });
    await redeem.click();
    await page.locator('.offer-status', { hasText: 'Recorded.' }).waitFor();
    expect(await redemptions(card)).toBe(1);
    await expect(redeem.isDisabled()).resolves.toBe(true);

    await checkCode(page, revokedQr);
    await expectVerdict(page, 'revoked');
    await expect(verdictText(page)).resolves.toBe('✗ NOT VALID\nThe card has been revoked.');
    await expect(page.locator('#result-details .offers').count()).resolves.toBe(0);

    // A typed number needs the last name; then it checks like the QR.
    await checkCode(page, card.number.replace(/(\d{4})/g, ' $1'), card.holderName.split(' ').pop());
    await expectVerdict(page, 'valid');

    // Today's checks at this outlet: three, two valid, the holder's name and one redemption.
    await page.locator('#today-summary', { hasText: '3 checks today, 2 valid.' }).waitFor();
    const rows = page.locator('#today tbody tr');
    await expect(rows.count()).resolves.toBe(3);
    await expect(rows.nth(2).textContent()).resolves.toContain(card.holderName);
    await expect(rows.nth(2).locator('td').nth(3).textContent()).resolves.toBe('1');
    await screenshot(page, 'checker-online');

    // The page holds no credential: the session is an HttpOnly cookie; the page keeps the user and CSRF token.
    const kept = await page.evaluate(() =>
      JSON.parse((globalThis as unknown as InPage).sessionStorage.getItem('fc.checker.session')!),
    );
    expect(Object.keys(kept).sort()).toEqual(['csrfToken', 'user']);
    const [cookie] = (await context.cookies()).filter((c) => c.name === 'fc_session');
    expect({ httpOnly: cookie.httpOnly, sameSite: cookie.sameSite }).toEqual({
      httpOnly: true,
      sameSite: 'Lax',
    });
    // A change without the session's CSRF token is refused, with the cookie alone.
    expectHttpErrors(/^403 POST .*\/api\/v1\/validations$/, /^401 POST .*\/api\/v1\/validations$/);
    const forged = await page.evaluate(async () => {
      const res = await fetch('/api/v1/validations', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ code: 'not a card' }),
      });
      return res.status;
    });
    expect(forged).toBe(403);
    // When the session has ended (here: its cookie is gone), the next check says so: back to signing in.
    await context.clearCookies();
    await checkCode(page, 'still not a card');
    await page.locator('#signin-error', { hasText: 'Your session has ended. Sign in again.' }).waitFor();
    await expect(page.locator('#checker').isHidden()).resolves.toBe(true);
    await context.close();
  });

  it('a session started on the sign-in page counts on the checker: no second sign-in', async () => {
    const { context, page } = await newPage();
    await page.goto(`${baseUrl}/signin?lang=en`);
    await page.fill('#email', cashier.user.email);
    await page.fill('#password', cashier.password);
    await page.press('#password', 'Enter');
    await page.waitForURL(/\/merchant\/check\?lang=en/);
    await page.locator('#checker').waitFor({ state: 'visible' });
    await expect(page.locator('#signin').isHidden()).resolves.toBe(true);
    await context.close();
  });

  it('tells an account that is not a merchant’s that it cannot check cards, and keeps no session', async () => {
    const { context, page } = await newPage();
    const staff = await t.newUser('case_worker');
    await page.goto(`${baseUrl}/merchant/check?lang=en`);
    await page.locator('#email').fill(staff.user.email);
    await page.locator('#password').fill(staff.password);
    await page.locator('#signin-form button[type=submit]').click();
    await page.locator('#signin-error', { hasText: 'This page is for partner staff' }).waitFor();
    await expect(page.locator('#checker').isHidden()).resolves.toBe(true);
    await expect(
      page.evaluate(() => (globalThis as unknown as InPage).sessionStorage.getItem('fc.checker.session')),
    ).resolves.toBeNull();
    expectHttpErrors(/^401 POST .*\/api\/v1\/auth\/session$/);
    await page.locator('#password').fill('wrong password entirely');
    await page.locator('#signin-form button[type=submit]').click();
    await page.locator('#signin-error', { hasText: 'Wrong e-mail or password.' }).waitFor();
    await context.close();
  });

  it('offline: the cached page checks a card with the cached keys, refuses one revoked before the list was fetched, and queues a redemption sent once back online', async () => {
    const [card, revoked] = [cards[2], cards[3]];
    const [qr, revokedQr] = [await qrOf(card), await qrOf(revoked)];
    await revoke(revoked);
    const { context, page } = await newPage();
    await signIn(page);
    await page.waitForSelector('html[data-offline-ready="yes"]', { timeout: 20_000 });
    // Today's list has come (and been kept for offline use) before the network goes.
    await page.locator('#today-summary', { hasText: /\S/ }).waitFor();

    await context.setOffline(true);
    const before = await checksRecorded();
    const reloaded = await page.reload();
    expect(reloaded?.fromServiceWorker()).toBe(true);
    await page.locator('#checker').waitFor({ state: 'visible' });
    await expect(page.locator('#network').textContent()).resolves.toMatch(/^Offline/);
    await expect(page.locator('#list-age').textContent()).resolves.toMatch(
      /Revocation list updated (just now|\d+ minutes? ago)/,
    );

    // Today's checks as last fetched, marked as such.
    await expect(page.locator('#today-summary').textContent()).resolves.toMatch(
      /checks today.*Offline: as of/,
    );

    await checkCode(page, qr);
    await expectVerdict(page, 'valid');
    await expect(verdictText(page)).resolves.toBe(
      '✓ VALID\nGenuine card, within its dates, and not on the revocation list.\nOffline check',
    );
    await expect(page.locator('#result-details').textContent()).resolves.toContain(card.holderName);

    await checkCode(page, revokedQr);
    await expectVerdict(page, 'revoked');
    await expect(verdictText(page)).resolves.toBe('✗ NOT VALID\nThe card has been revoked.\nOffline check');

    // A typed number offline: only the list can answer, and the page says so.
    await checkCode(page, card.number);
    await expectVerdict(page, 'unconfirmed');
    await expect(verdict(page).textContent()).resolves.toContain(
      'can only be looked up in the revocation list',
    );

    await checkCode(page, qr);
    await expectVerdict(page, 'valid');
    await page.getByRole('button', { name: /Redeem: Bilet −10%/ }).click();
    await page.locator('.offer-status', { hasText: 'Saved on this device' }).waitFor();
    await page.locator('#queue .queue-item.waiting').waitFor();
    await screenshot(page, 'checker-offline-queued');
    expect(await checksRecorded()).toBe(before); // nothing reached the server
    expect(await redemptions(card)).toBe(0);

    await context.setOffline(false);
    await page
      .locator('#queue .queue-item.done', { hasText: 'Sent: recorded.' })
      .waitFor({ timeout: 20_000 });
    expect(await redemptions(card)).toBe(1);
    // Loading the page again sends nothing more: the queue is empty.
    await page.reload();
    await page.locator('#checker').waitFor({ state: 'visible' });
    await expect(page.locator('#queue-section').isHidden()).resolves.toBe(true);
    expect(await redemptions(card)).toBe(1);
    await context.close();
  });

  it('warns when the cached revocation list is more than 24 hours old', async () => {
    const { context, page } = await newPage();
    await signIn(page);
    await page.waitForSelector('html[data-offline-ready="yes"]', { timeout: 20_000 });
    await expect(page.locator('#list-age').getAttribute('class')).resolves.toBe('list-age');
    await context.setOffline(true);
    await page.clock.install({ time: new Date(Date.now() + 25 * 3_600_000) });
    await page.reload();
    const age = page.locator('#list-age');
    await age.waitFor({ state: 'visible' });
    await expect(age.textContent()).resolves.toMatch(
      /updated (24|25) hours ago\. Warning: the revocation list is more than 24 hours old/,
    );
    await expect(age.getAttribute('role')).resolves.toBe('alert');
    await screenshot(page, 'checker-stale-list');
    await context.close();
  });

  it('camera: a card held up to Chromium’s fake camera is scanned and checked', async () => {
    const card = cards[4];
    const dir = mkdtempSync(join(tmpdir(), 'fc-camera-'));
    const video = join(dir, 'card.y4m');
    writeQrVideo(await qrOf(card), video);
    const camera = await launch([
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ]);
    try {
      const { page } = await newPage(camera, { permissions: ['camera'] });
      await signIn(page);
      await page.getByRole('button', { name: 'Scan', exact: true }).click();
      await expectVerdict(page, 'valid');
      await expect(page.locator('#result-details').textContent()).resolves.toContain(card.holderName);
      await expect(page.locator('#code').inputValue()).resolves.toMatch(/\/C\/[A-Z2-7]+$/);
      // The card stays in front of the camera: it is checked once, not on every frame.
      await page.waitForTimeout(1500);
      expect(await t.dataSource.getRepository(ValidationEntity).countBy({ cardId: card.id })).toBe(1);
      await screenshot(page, 'checker-camera');
      await page.getByRole('button', { name: 'Stop camera' }).click();
    } finally {
      await camera.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each(['pl', 'en'])('has no serious or critical accessibility problems (axe-core, %s)', async (lang) => {
    // bypassCSP only so that addScriptTag may inject axe: the page's own policy allows no inline script.
    const { context, page } = await newPage(browser, {
      locale: lang === 'pl' ? 'pl-PL' : 'en-GB',
      bypassCSP: true,
    });
    const audit = () => seriousAxeViolations(page);
    await page.goto(`${baseUrl}/merchant/check?lang=${lang}`);
    await page.locator('#signin').waitFor({ state: 'visible' });
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe(lang);
    expect(await audit()).toEqual([]);
    await signIn(page, lang);
    await checkCode(page, await qrOf(cards[0]));
    await expectVerdict(page, 'valid');
    expect(await audit()).toEqual([]);
    await checkCode(page, 'not a card');
    await expectVerdict(page, 'malformed');
    expect(await audit()).toEqual([]);
    await screenshot(page, `checker-${lang}`);
    await context.close();
  });
});
