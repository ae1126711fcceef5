import type { Browser, Page } from 'playwright-core';
import { CardEntity } from '../../src/cards/card.entity';
import { engine } from '../support/databases';
import { enrolFamily, Enrolled } from '../support/enrolment-factory';
import { approvedPartner, RegisteredPartner } from '../support/partner-factory';
import type { TestApp } from '../support/test-app';
import { describeInBrowser, launch, screenshot, seriousAxeViolations, servedApp } from './browser';
import { launchProfile } from './profile';
import { readQrOnScreen } from './qr-screenshot';

interface WalletCard {
  id: string;
  holderName: string;
  status: string;
  displayNumber: string;
  qrText: string | null;
  live: { qrText: string; qrSvg: string; expiresAt: string } | null;
}
interface Wallet {
  generatedAt: string;
  cards: WalletCard[];
}

/** What the page keeps in IndexedDB (see public/family/store.js), read inside the page. */
function savedInPage(page: Page): Promise<{ savedAt: string; wallet: Wallet } | null> {
  interface Req<T> {
    result: T;
    onsuccess: (() => void) | null;
    onerror: (() => void) | null;
  }
  interface Db {
    transaction(store: string): { objectStore(store: string): { get(key: string): Req<unknown> } };
    close(): void;
  }
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const idb = (globalThis as unknown as { indexedDB: { open(name: string): Req<Db> } }).indexedDB;
        const opening = idb.open('family-card-wallet');
        opening.onerror = reject;
        opening.onsuccess = () => {
          const db = opening.result;
          const get = db.transaction('state').objectStore('state').get('wallet');
          get.onerror = reject;
          get.onsuccess = () => {
            db.close();
            resolve((get.result ?? null) as never);
          };
        };
      }),
  );
}

describeInBrowser(`family wallet page in Chromium (${engine})`, () => {
  let t: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let caseWorker: string;
  let family: Enrolled;
  let partner: RegisteredPartner;
  const errors: string[] = [];

  const check = async (code: string) =>
    (
      await t.http
        .post('/api/v1/validations')
        .auth(partner.owner.token, { type: 'bearer' })
        .send({ code })
        .expect(200)
    ).body.result as string;

  /** A fresh browser profile (its own service worker, IndexedDB and storage); page errors fail the test. */
  async function newPage(options: Parameters<Browser['newContext']>[0] = {}) {
    const context = await browser.newContext({ locale: 'en-GB', ...options });
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

  /** Signs in on the page; resolves with the wallet the page was given (its live codes). */
  async function signIn(page: Page, lang = 'en', who: Enrolled = family): Promise<Wallet> {
    await page.goto(`${baseUrl}/family/wallet?lang=${lang}`);
    await page.locator('#email').fill(who.family.user.email);
    await page.locator('#password').fill(who.family.password);
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/families/mine/wallet'));
    await page.locator('#signin-form button[type=submit]').click();
    const wallet = (await (await answer).json()) as Wallet;
    await page.locator('#mode[data-mode="live"]').waitFor();
    return wallet;
  }

  const cardOnPage = (page: Page, card: WalletCard) => page.locator(`article[data-card-id="${card.id}"]`);

  beforeAll(async () => {
    ({ t, baseUrl } = await servedApp());
    caseWorker = (await t.newUser('case_worker')).token;
    family = await enrolFamily(t, caseWorker, 'Wiśniewski');
    partner = await approvedPartner(t, (await t.newUser('partner_manager')).token, { name: 'Zoo' });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  afterEach(() => {
    expect(errors.splice(0)).toEqual([]);
  });

  it('shows every member’s card with a live code that a merchant’s check accepts, and renews it before it ends', async () => {
    const { context, page } = await newPage();
    await page.clock.install();
    const wallet = await signIn(page);
    expect(wallet.cards).toHaveLength(family.members.length);
    await expect(page.locator('#mode').textContent()).resolves.toBe(
      'Online: live codes, renewed automatically while this page is open.',
    );
    await expect(page.title()).resolves.toBe('Family Card: Card wallet');
    for (const card of wallet.cards) {
      const shown = cardOnPage(page, card);
      await expect(shown.locator('h3').textContent()).resolves.toBe(card.holderName);
      await expect(shown.getAttribute('data-code')).resolves.toBe('live');
      await expect(shown.locator('.live-indicator').isVisible()).resolves.toBe(true);
      // Five minutes from now, counting down.
      await expect(shown.locator('.live-indicator strong').textContent()).resolves.toBe('Live');
      await expect(shown.locator('.live-indicator .countdown').textContent()).resolves.toMatch(/^[45]:\d\d$/);
      await expect(shown.locator('dl').innerText()).resolves.toContain(card.displayNumber);
      await expect(shown.locator('img.qr').getAttribute('alt')).resolves.toBe(
        `QR code of ${card.holderName}'s card`,
      );
    }
    const roles = await page.locator('article dl').allInnerTexts();
    expect(roles.filter((r) => /Role\s+parent/.test(r))).toHaveLength(2);
    expect(roles.filter((r) => /Role\s+child/.test(r))).toHaveLength(3);
    expect(roles.every((r) => /Valid until\s+(indefinite|[A-Z][a-z]+ \d{1,2}, \d{4})\n/.test(r))).toBe(true);

    // The code on the screen is the live one, and it checks at a till.
    for (const card of wallet.cards.slice(0, 2)) {
      const decoded = await readQrOnScreen(cardOnPage(page, card).locator('img.qr'));
      expect(decoded).toBe(card.live!.qrText);
      expect(decoded).not.toBe(card.qrText);
      expect(await check(decoded!)).toBe('valid');
    }
    // The screen reader hears the code's end time, not every second of the countdown.
    const indicator = cardOnPage(page, wallet.cards[0]).locator('.live-indicator');
    await expect(indicator.locator('.countdown').getAttribute('aria-hidden')).resolves.toBe('true');
    await expect(indicator.locator('.visually-hidden').textContent()).resolves.toMatch(
      /^Live code, valid until .+; it renews automatically\.$/,
    );
    await screenshot(page, 'wallet-live');
    // The saved copy has the printed codes only.
    const saved = await savedInPage(page);
    expect(saved!.wallet.cards.map((c) => c.qrText)).toEqual(wallet.cards.map((c) => c.qrText));
    expect(JSON.stringify(saved)).not.toContain('"live"');

    // Thirty seconds before the live codes end, the page fetches new ones.
    const renewed = page.waitForResponse((r) => r.url().endsWith('/api/v1/families/mine/wallet'));
    await page.clock.runFor(272_000);
    const next = (await (await renewed).json()) as Wallet;
    const card = next.cards[0];
    expect(card.live!.qrText).not.toBe(wallet.cards[0].live!.qrText);
    // The countdown starts again from five minutes.
    await page.waitForFunction(
      () =>
        /^(4:5\d|5:00)$/.test(
          (
            globalThis as unknown as {
              document: { querySelector(s: string): { textContent: string } | null };
            }
          ).document.querySelector('.live-indicator .countdown')?.textContent ?? '',
        ),
      null,
      { timeout: 10_000 },
    );
    expect(await readQrOnScreen(cardOnPage(page, card).locator('img.qr'))).toBe(card.live!.qrText);

    // Coming back to the page (the phone unlocked, the tab shown again) fetches new codes at once.
    const onReturn = page.waitForResponse((r) => r.url().endsWith('/api/v1/families/mine/wallet'));
    await page.evaluate(() => {
      const g = globalThis as unknown as {
        document: { dispatchEvent(event: unknown): void };
        Event: new (type: string) => unknown;
      };
      g.document.dispatchEvent(new g.Event('visibilitychange'));
    });
    const returned = (await (await onReturn).json()) as Wallet;
    await page.waitForFunction(
      (src) =>
        (
          globalThis as unknown as { document: { querySelector(s: string): { src: string } | null } }
        ).document.querySelector('img.qr')?.src === src,
      `data:image/svg+xml;base64,${Buffer.from(returned.cards[0].live!.qrSvg).toString('base64')}`,
    );
    expect(await readQrOnScreen(cardOnPage(page, card).locator('img.qr'))).toBe(
      returned.cards[0].live!.qrText,
    );

    // A live code is never left on screen past its end: when the renewal hangs, the card's own code shows.
    await page.route('**/api/v1/families/mine/wallet', () => {});
    await page.clock.runFor(300_000);
    await page.locator('#mode[data-mode="unreachable"]').waitFor();
    await expect(page.locator('.live-indicator').count()).resolves.toBe(0);
    expect(await readQrOnScreen(cardOnPage(page, card).locator('img.qr'))).toBe(card.qrText);
    await context.close();
  });

  it('is installable: the manifest is linked and served with its fields, and Chromium reports no installability error', async () => {
    const profile = await launchProfile();
    try {
      const page = await profile.context.newPage();
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      const cdp = await profile.context.newCDPSession(page);
      const installabilityErrors = async () =>
        (await cdp.send('Page.getInstallabilityErrors')).installabilityErrors.map((e) => e.errorId);

      // The check can fail: a manifest without icons is refused.
      await page.route('**/family/manifest.webmanifest*', async (route) => {
        const manifest = await (await route.fetch()).json();
        await route.fulfill({ json: { ...manifest, icons: [] } });
      });
      await page.goto(`${baseUrl}/family/wallet?lang=en`);
      await page.locator('html[data-ready="yes"]').waitFor({ state: 'attached' });
      expect(await installabilityErrors()).toContain('manifest-missing-suitable-icon');
      await page.unrouteAll();

      await page.goto(`${baseUrl}/family/wallet?lang=pl`);
      await page.locator('html[data-ready="yes"]').waitFor({ state: 'attached' });
      const href = await page.locator('link[rel="manifest"]').getAttribute('href');
      expect(href).toBe('/family/manifest.webmanifest?lang=pl');
      const manifest = (await cdp.send('Page.getAppManifest')) as {
        url: string;
        errors: unknown[];
        data: string;
      };
      expect(manifest.url).toBe(`${baseUrl}${href}`);
      expect(manifest.errors).toEqual([]);
      expect(JSON.parse(manifest.data)).toMatchObject({
        name: 'Family Card: Portfel kart',
        short_name: 'Family Card',
        start_url: '/family/wallet?lang=pl',
        scope: '/family/',
        display: 'standalone',
      });
      expect(await installabilityErrors()).toEqual([]);
    } finally {
      await profile.close();
    }
  });

  it('offline after the first visit: the page comes from the service worker and shows the printed codes, labelled', async () => {
    const { context, page } = await newPage();
    const wallet = await signIn(page);
    await page.locator('html[data-offline-ready="yes"]').waitFor({ state: 'attached', timeout: 20_000 });

    await context.setOffline(true);
    const reloaded = await page.reload();
    expect(reloaded?.fromServiceWorker()).toBe(true);
    await page.locator('#mode[data-mode="offline"]').waitFor();
    await expect(page.locator('#mode').textContent()).resolves.toMatch(
      /^Offline — showing the cards' codes saved .+\.$/,
    );
    await expect(page.locator('.live-indicator').count()).resolves.toBe(0);
    await expect(page.locator('article.card').count()).resolves.toBe(wallet.cards.length);
    for (const card of wallet.cards) {
      const shown = cardOnPage(page, card);
      await expect(shown.getAttribute('data-code')).resolves.toBe('printed');
      await expect(shown.locator('.offline-label').innerText()).resolves.toMatch(
        /^Offline — showing the card's code\s+Saved .+$/,
      );
    }
    const [first] = wallet.cards;
    const decoded = await readQrOnScreen(cardOnPage(page, first).locator('img.qr'));
    expect(decoded).toBe(first.qrText);
    expect(await check(decoded!)).toBe('valid');
    await screenshot(page, 'wallet-offline');

    // Back online, live codes again.
    await context.setOffline(false);
    await page.locator('#mode[data-mode="live"]').waitFor({ timeout: 20_000 });
    await expect(page.locator('.live-indicator').count()).resolves.toBe(wallet.cards.length);
    await context.close();
  });

  it('signing out forgets the session and the saved cards: offline, the page then shows only the sign-in form', async () => {
    const { context, page } = await newPage();
    const wallet = await signIn(page);
    await page.locator('html[data-offline-ready="yes"]').waitFor({ state: 'attached', timeout: 20_000 });
    const [cookie] = (await context.cookies()).filter((c) => c.name === 'fc_session');
    expect(cookie.httpOnly).toBe(true);
    expect(await savedInPage(page)).not.toBeNull();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.locator('#signin').waitFor({ state: 'visible' });
    await expect(
      page.evaluate(
        () =>
          (globalThis as unknown as { document: { activeElement: { id: string } } }).document.activeElement
            .id,
      ),
    ).resolves.toBe('email');
    expect(await savedInPage(page)).toBeNull();
    // The session ended on the server as well.
    await t.http.get('/api/v1/families/mine/wallet').set('Cookie', `fc_session=${cookie.value}`).expect(401);

    await context.setOffline(true);
    await page.reload();
    await page.locator('#signin').waitFor({ state: 'visible' });
    await expect(page.locator('#wallet').isHidden()).resolves.toBe(true);
    const text = await page.locator('body').innerText();
    for (const card of wallet.cards) expect(text).not.toContain(card.holderName);
    await expect(page.locator('img').count()).resolves.toBe(0);
    await context.close();
  });

  it('shows a suspended card greyed with its status and an expired one without a code; neither is live', async () => {
    const other = await enrolFamily(t, caseWorker, 'Nowak');
    const cards = await t.dataSource
      .getRepository(CardEntity)
      .find({ where: { familyId: other.familyId }, order: { createdAt: 'ASC' } });
    await t.http
      .post(`/api/v1/cards/${cards[0].id}/suspend`)
      .auth(caseWorker, { type: 'bearer' })
      .send({ note: 'checking' })
      .expect(200);
    // No route expires a card before its date: the daily job would, so the test sets what it would write.
    await t.dataSource.getRepository(CardEntity).update(cards[1].id, { status: 'expired' });

    const { context, page } = await newPage({ locale: 'pl-PL' });
    const wallet = await signIn(page, 'pl', other);
    const suspended = cardOnPage(
      page,
      wallet.cards.find((c) => c.id === cards[0].id)!,
    );
    await expect(suspended.getAttribute('data-code')).resolves.toBe('printed');
    await expect(suspended.locator('.status-badge').textContent()).resolves.toBe('zawieszona');
    await expect(suspended.locator('img.qr.greyed').count()).resolves.toBe(1);
    await expect(suspended.locator('.live-indicator').count()).resolves.toBe(0);
    await expect(suspended.locator('.offline-label').count()).resolves.toBe(0);
    await expect(suspended.innerText()).resolves.toContain('Karta jest zawieszona');
    const expired = cardOnPage(
      page,
      wallet.cards.find((c) => c.id === cards[1].id)!,
    );
    await expect(expired.getAttribute('data-code')).resolves.toBe('none');
    await expect(expired.locator('.status-badge').textContent()).resolves.toBe('wygasła');
    await expect(expired.locator('img').count()).resolves.toBe(0);
    await expect(page.locator('.live-indicator').count()).resolves.toBe(cards.length - 2);
    await screenshot(page, 'wallet-suspended-expired-pl');
    await context.close();
  });

  it('tells a family without cards yet that they come on approval, and sends a staff account away', async () => {
    const { context, page } = await newPage();
    const fillIn = async (email: string, password: string) => {
      await page.locator('#email').fill(email);
      await page.locator('#password').fill(password);
      await page.locator('#signin-form button[type=submit]').click();
    };
    const newcomer = await t.newUser('family');
    await page.goto(`${baseUrl}/family/wallet?lang=en`);
    await fillIn(newcomer.user.email, newcomer.password);
    await page.locator('#no-cards', { hasText: 'Your family has no cards yet.' }).waitFor();
    await expect(page.locator('article.card').count()).resolves.toBe(0);
    expect(await savedInPage(page)).toBeNull();
    // The API's answer for an account with no family; the page expects it.
    expect(errors.splice(0)).toEqual([
      expect.stringMatching(/^404 GET .*\/api\/v1\/families\/mine\/wallet$/),
      'console: Failed to load resource: the server responded with a status of 404 (Not Found)',
    ]);

    await page.getByRole('button', { name: 'Sign out' }).click();
    const staff = await t.newUser('case_worker');
    await fillIn(staff.user.email, staff.password);
    await page
      .locator('#signin-error', { hasText: 'This page is for families: sign in with your family account.' })
      .waitFor();
    await expect(page.locator('#wallet').isHidden()).resolves.toBe(true);
    await context.close();
  });

  it.each(['pl', 'en'])('has no serious or critical accessibility problems (axe-core, %s)', async (lang) => {
    // bypassCSP only so that addScriptTag may inject axe: the page's own policy allows no inline script.
    const { context, page } = await newPage({ locale: lang === 'pl' ? 'pl-PL' : 'en-GB', bypassCSP: true });
    const audit = () => seriousAxeViolations(page);
    await page.goto(`${baseUrl}/family/wallet?lang=${lang}`);
    await page.locator('#signin').waitFor({ state: 'visible' });
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe(lang);
    expect(await audit()).toEqual([]);
    await signIn(page, lang);
    expect(await audit()).toEqual([]);
    await page.locator('html[data-offline-ready="yes"]').waitFor({ state: 'attached', timeout: 20_000 });
    await context.setOffline(true);
    await page.reload();
    await page.locator('#mode[data-mode="offline"]').waitFor();
    expect(await audit()).toEqual([]);
    await screenshot(page, `wallet-${lang}`);
    await context.close();
  });
});
