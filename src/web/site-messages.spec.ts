import { allMessages } from './page-texts';

// The shared layout, the landing page and the catalogue in every language, and every section in Polish: the same
// messages as English, with the same placeholders, and plural forms by the language's own CLDR categories.

const EVERY_LANGUAGE = ['layout', 'landing', 'catalogue'];
const catalogues = allMessages();
const read = (language: string) => catalogues.get(language) as Record<string, Tree>;
const languages = [...catalogues.keys()];
const sectionsOf = (language: string) =>
  language === 'pl' ? Object.keys(read('en')) : EVERY_LANGUAGE.filter((s) => s in read('en'));
const PLURAL_KEYS = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);

type Tree = { [key: string]: string | Tree };
const isPlural = (value: unknown) =>
  typeof value === 'object' && value !== null && Object.keys(value).every((k) => PLURAL_KEYS.has(k));
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** Every message of a section as path → its placeholders; plural forms count as one message. */
function messages(tree: Tree, prefix = ''): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const [key, value] of Object.entries(tree)) {
    const path = `${prefix}${key}`;
    if (typeof value === 'string') found.set(path, placeholders(value));
    else if (isPlural(value)) found.set(path, placeholders((value as Tree).other as string));
    else for (const [p, names] of messages(value, `${path}.`)) found.set(p, names);
  }
  return found;
}

function pluralForms(tree: Tree, prefix = ''): [string, Record<string, string>][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string'
      ? []
      : isPlural(value)
        ? [[`${prefix}${key}`, value as Record<string, string>]]
        : pluralForms(value, `${prefix}${key}.`),
  );
}

describe('page messages (templates/web/messages)', () => {
  it('offers the pages in Polish, English, Hungarian, Romanian, Bulgarian and Russian', () => {
    expect(languages.sort()).toEqual(['bg', 'en', 'hu', 'pl', 'ro', 'ru']);
  });

  describe.each(languages)('%s', (language) => {
    const theirs = read(language);
    const english = read('en');

    it.each(sectionsOf(language))(
      'has every message of %s that English has, with the same placeholders',
      (section) => {
        expect(section in theirs).toBe(true);
        expect(Object.fromEntries(messages({ [section]: theirs[section] }))).toEqual(
          Object.fromEntries(messages({ [section]: english[section] })),
        );
      },
    );

    it('writes plural forms by its own plural categories, each with {n}, and always an `other`', () => {
      const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      for (const [path, forms] of sectionsOf(language).flatMap((s) => pluralForms(theirs[s], `${s}.`))) {
        expect({ path, other: typeof forms.other }).toEqual({ path, other: 'string' });
        for (const [category, text] of Object.entries(forms)) {
          expect({ path, category, known: categories.includes(category as Intl.LDMLPluralRule) }).toEqual({
            path,
            category,
            known: true,
          });
          expect({ path, category, n: text.includes('{n}') }).toEqual({ path, category, n: true });
        }
      }
    });
  });

  it('names each language its own way in the switcher', () => {
    const names = languages.map((l) => read(l).layout.languageName);
    expect(new Set(names).size).toBe(languages.length);
  });
});
