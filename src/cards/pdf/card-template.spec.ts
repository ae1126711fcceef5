import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_TEMPLATE_DIR, loadCardTemplate } from './card-template.loader';
import { parseCardTemplate } from './card-template.parse';

/** The shipped card.json as parsed JSON, for the cases to spoil one setting of. */
const shipped = () => JSON.parse(readFileSync(join(DEFAULT_TEMPLATE_DIR, 'card.json'), 'utf8'));
type Json = ReturnType<typeof shipped>;

describe('parseCardTemplate', () => {
  it('accepts the shipped template, with the optional settings filled in', () => {
    const layout = parseCardTemplate(shipped());
    expect(layout.defaultLanguage).toBe('pl');
    expect(Object.keys(layout.texts)).toEqual(expect.arrayContaining(['pl', 'en', 'hu', 'ro', 'bg', 'ru']));
    expect(layout.fields.role).toMatchObject({ bold: false, align: 'left', minFontSize: 6 });
  });

  it.each<[string, (t: Json) => void, string]>([
    [
      'a position not in mm',
      (t) => (t.fields.holderName.x = '12mm'),
      'fields.holderName.x must be a number of mm between 0 and 85.6',
    ],
    [
      'a position off the card',
      (t) => (t.fields.role.y = 60),
      'fields.role.y must be a number of mm between 0 and 53.98',
    ],
    [
      'a field running off the card',
      (t) => (t.fields.holderName.maxWidth = 82),
      'fields.holderName.maxWidth must fit on the card (x + maxWidth ≤ 85.6 mm)',
    ],
    [
      'a misspelt setting',
      (t) => (t.fields.holderName.colour = '#000000'),
      'fields.holderName.colour is not a known setting',
    ],
    ['a missing field', (t) => delete t.fields.role, 'fields.role is missing'],
    ['a colour by name', (t) => (t.band.color = 'blue'), 'band.color must be a colour as #RRGGBB'],
    [
      'an illegible font size',
      (t) => (t.fields.cardNumber.fontSize = 3),
      'fields.cardNumber.fontSize must be a font size in pt between 4 and 36',
    ],
    [
      'a minimum above the size',
      (t) => (t.fields.holderName.minFontSize = 12),
      'fields.holderName.minFontSize must not be larger than fontSize',
    ],
    [
      'an unknown alignment',
      (t) => (t.fields.role.align = 'justify'),
      'fields.role.align must be left, center or right',
    ],
    ['bold as a word', (t) => (t.fields.role.bold = 'yes'), 'fields.role.bold must be true or false'],
    ['a QR too small to scan', (t) => (t.qr.size = 15), 'qr.size must be at least 20 mm'],
    ['a QR off the card', (t) => (t.qr.x = 60), 'qr.size must fit on the card (x + size ≤ 85.6 mm)'],
    [
      'a logo outside the folder',
      (t) => (t.logo.file = '../logo.png'),
      'logo.file must be a .png or .jpg file name',
    ],
    [
      'a logo of another format',
      (t) => (t.logo.file = 'logo.gif'),
      'logo.file must be a .png or .jpg file name',
    ],
    [
      'a validity text without the date',
      (t) => (t.texts.hu.validUntil = 'Érvényes'),
      'texts.hu.validUntil must contain {date}',
    ],
    [
      'a date format without the day',
      (t) => (t.texts.en.dateFormat = 'MM/YYYY'),
      'texts.en.dateFormat must contain YYYY, MM and DD',
    ],
    [
      'a role without its name',
      (t) => delete t.texts.ro.roles.foster_child,
      'texts.ro.roles.foster_child is missing',
    ],
    [
      'an empty role name',
      (t) => (t.texts.bg.roles.child = ' '),
      'texts.bg.roles.child must be a non-empty string',
    ],
    [
      'a language not named by its code',
      (t) => (t.texts.Polski = t.texts.pl),
      'texts.Polski must be named by a language code',
    ],
    [
      'a default language without texts',
      (t) => (t.defaultLanguage = 'de'),
      'defaultLanguage must be one of the languages under texts',
    ],
  ])('refuses %s, naming the setting', (_, change, message) => {
    const template = shipped();
    change(template);
    expect(() => parseCardTemplate(template)).toThrow(`card.json: ${message}`);
  });

  it('refuses what is not an object at all', () => {
    expect(() => parseCardTemplate([])).toThrow('card.json: must be an object');
  });
});

describe('loadCardTemplate', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'fc-template-'));
    writeFileSync(join(dir, 'card.json'), JSON.stringify(shipped()));
    writeFileSync(join(dir, 'logo.png'), readFileSync(join(DEFAULT_TEMPLATE_DIR, 'logo.png')));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('loads the layout and the logo', () => {
    const template = loadCardTemplate(dir);
    expect(template.logoImage.subarray(1, 4).toString()).toBe('PNG');
    expect(template.qr.size).toBe(33);
  });

  it('names the file and the setting when card.json is wrong', () => {
    writeFileSync(join(dir, 'card.json'), JSON.stringify({ ...shipped(), background: 'white' }));
    expect(() => loadCardTemplate(dir)).toThrow(
      `${join(dir, 'card.json')}: background must be a colour as #RRGGBB`,
    );
  });

  it.each([
    [
      'is not JSON',
      () => writeFileSync(join(dir, 'card.json'), '{ "defaultLanguage": "pl", }'),
      'cannot be read as JSON',
    ],
    ['has no logo file', () => rmSync(join(dir, 'logo.png')), 'logo.file "logo.png" cannot be read'],
    [
      'has a logo that is no image',
      () => writeFileSync(join(dir, 'logo.png'), 'not a PNG'),
      'logo.file "logo.png" is not a usable PNG or JPEG',
    ],
  ])('refuses a template that %s', (_, spoil, message) => {
    spoil();
    expect(() => loadCardTemplate(dir)).toThrow(message);
  });
});
