import { pickLanguage, textIn } from './language';

describe('pickLanguage', () => {
  const languages = ['pl', 'en', 'uk'];
  it.each([
    [undefined, undefined, 'pl'],
    ['en', undefined, 'en'],
    ['de', undefined, 'pl'],
    ['de', 'en-GB,en;q=0.9', 'en'],
    [undefined, 'de-DE,de;q=0.9,en;q=0.8,pl;q=0.7', 'en'],
    [undefined, 'pl;q=0.5, en;q=0.9', 'en'],
    [undefined, 'uk-UA, pl', 'uk'],
    [undefined, 'en;q=0, pl;q=0.1', 'pl'],
    [undefined, 'fr, de', 'pl'],
    [undefined, '*', 'pl'],
    ['en', 'pl', 'en'],
  ])('asked %s with Accept-Language %s → %s', (asked, accept, expected) => {
    expect(pickLanguage(asked, accept, languages)).toBe(expected);
  });
});

describe('textIn', () => {
  it.each([
    [{ pl: 'Kino', en: 'Cinema' }, 'en', 'Cinema'],
    [{ pl: 'Kino', en: 'Cinema' }, 'hu', 'Kino'],
    [{ en: 'Cinema' }, 'hu', 'Cinema'],
    [{ de: 'Kino' }, 'hu', 'Kino'],
    [{}, 'pl', undefined],
  ])('%j in %s → %s', (texts, language, expected) => {
    expect(textIn(texts as Record<string, string>, language, ['pl', 'en'])).toBe(expected);
  });
});
