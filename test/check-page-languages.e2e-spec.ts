import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CardEntity } from '../src/cards/card.entity';
import { engine } from './support/databases';
import { enrolFamily } from './support/enrolment-factory';
import { startApp, TestApp } from './support/test-app';

const messagesOf = (language: string) =>
  JSON.parse(
    readFileSync(join(__dirname, '..', 'templates', 'web', 'messages', `${language}.json`), 'utf8'),
  ) as {
    valid: string;
    invalid: string;
    results: Record<string, string>;
  };

describe(`public check page in the seed programmes' languages (${engine})`, () => {
  let t: TestApp;
  let caseWorker: string;
  let card: CardEntity;
  let path: string;

  beforeAll(async () => {
    t = await startApp();
    caseWorker = (await t.newUser('case_worker')).token;
    const family = await enrolFamily(t, caseWorker, 'Kovács');
    card = (await t.dataSource.getRepository(CardEntity).findBy({ familyId: family.familyId })).find(
      (c) => c.validUntil !== null,
    )!;
    const qr = (await t.http.get(`/api/v1/cards/${card.id}`).auth(caseWorker, { type: 'bearer' }).expect(200))
      .body.qrText as string;
    path = new URL(qr).pathname;
  });
  afterAll(() => t.close());

  it.each([
    ['hu', 'hu-HU,hu;q=0.9,en;q=0.5', 'Érvényes kártya'],
    ['ro', 'ro-RO,ro;q=0.9', 'Card valabil'],
    ['bg', 'bg', 'Валидна карта'],
    ['ru', 'ru-RU,ru;q=0.8,en;q=0.3', 'Карта действительна'],
  ])('speaks %s when the phone asks for it, dates included', async (language, acceptLanguage, valid) => {
    const res = await t.http.get(path).set('Accept-Language', acceptLanguage).expect(200);
    expect(res.text).toMatch(new RegExp(`<html lang="${language}">`));
    expect(res.text).toContain(valid);
    expect(res.text).toContain(messagesOf(language).results.valid);
    const longDate = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' });
    expect(res.text).toContain(longDate.format(new Date(`${card.validUntil}T00:00:00Z`)));
  });

  it.each(['hu', 'ro', 'bg', 'ru'])('%s words every result the English page has', (language) => {
    const english = messagesOf('en');
    const theirs = messagesOf(language);
    expect(Object.keys(theirs.results).sort()).toEqual(Object.keys(english.results).sort());
    for (const text of Object.values(theirs.results)) expect(text.trim()).not.toBe('');
    expect(theirs.valid).not.toBe(english.valid);
  });
});
