import type { Browser, Page } from 'playwright-core';
import { CardEntity } from '../../src/cards/card.entity';
import { engine } from '../support/databases';
import { Enrolled, enrolFamily } from '../support/enrolment-factory';
import type { TestApp, TestUser } from '../support/test-app';
import { checkPage, describeInBrowser, launch, pageOpener, servedApp, signInOnPage } from './browser';

describeInBrowser(`staff console family and card pages in Chromium (${engine})`, () => {
  let t: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let caseWorker: TestUser;
  let family: Enrolled;
  const errors: string[] = [];

  const newPage = pageOpener(() => browser, errors);

  const signIn = (page: Page, lang: string) =>
    signInOnPage(
      page,
      baseUrl,
      { email: caseWorker.user.email, password: caseWorker.password },
      lang,
      /\/console\?lang=/,
    );

  const cardsOf = () =>
    t.dataSource
      .getRepository(CardEntity)
      .find({ where: { familyId: family.familyId }, order: { createdAt: 'ASC' } });

  beforeAll(async () => {
    ({ t, baseUrl } = await servedApp());
    browser = await launch();
    caseWorker = await t.newUser('case_worker');
    family = await enrolFamily(t, caseWorker.token, 'Zielińska');
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  afterEach(() => {
    expect(errors.splice(0)).toEqual([]);
  });

  it.each(['pl', 'en'])(
    'finds a family and opens it and a card, with no serious or critical accessibility problems (axe-core, %s)',
    async (lang) => {
      const page = await newPage(lang);
      await signIn(page, lang);
      await page.click('.console-nav a[href^="/console/families"]');
      await page.waitForURL(/\/console\/families\?lang=/);
      await checkPage(page, 'console-families', lang);
      await page.press('#q', 'Enter'); // nothing typed: the form with its error
      await page.waitForSelector('.error-summary');
      await checkPage(page, 'console-families-errors', lang);
      await page.fill('#q', 'Zielińska');
      await page.press('#q', 'Enter');
      await page.waitForSelector('table.cards');
      // The search was posted: what was typed is not in the address.
      expect(page.url()).not.toContain('Zieli');
      await checkPage(page, 'console-families-results', lang);
      await page.click(`a[href^="/console/families/${family.familyId}"]`);
      await page.waitForURL(new RegExp(`/console/families/${family.familyId}\\?lang=${lang}`));
      await checkPage(page, 'console-family', lang);
      const [card] = await cardsOf();
      await page.click(`a[href^="/console/cards/${card.id}"]`);
      await page.waitForURL(new RegExp(`/console/cards/${card.id}`));
      await checkPage(page, 'console-card', lang);
      await page.context().close();
    },
  );

  it('suspends a card with the keyboard alone, and the family page says so', async () => {
    const page = await newPage('en');
    await signIn(page, 'en');
    await page.goto(`${baseUrl}/console/families/${family.familyId}?lang=en`);
    await page.focus('#card');
    await page.keyboard.press('ArrowDown'); // the first live card
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space'); // the first step: suspend
    await page.focus('#note');
    await page.keyboard.type('Asked for by the family');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(/notice=suspend/);
    await expect(page.getByRole('status').first().textContent()).resolves.toContain(
      'The card was suspended.',
    );
    await checkPage(page, 'console-family-suspended', 'en');
    const statuses = (await cardsOf()).map((c) => c.status);
    expect(statuses.filter((s) => s === 'suspended')).toHaveLength(1);
    await page.context().close();
  });
});
