import { MEMBER_ROLES } from '../../programmes/eligibility/eligibility.types';
import { Box, CardLayout, CardTexts, ID1, TEXT_FIELDS, TextField } from './card-template';

type Json = Record<string, unknown>;

/** Font sizes a card can carry, pt: below 4 nothing is legible, above 36 nothing fits. */
const FONT_SIZES = { min: 4, max: 36 };
/** Below this the QR modules get too small to scan from a 200-dpi print of a long token. */
export const MIN_QR_SIZE = 20;
const ALIGNS = ['left', 'center', 'right'] as const;

/**
 * Checks a parsed card.json and returns it typed, or throws an Error naming the first bad setting by its path
 * ("card.json: fields.holderName.x must be a number of mm between 0 and 85.6"). Unknown settings are refused
 * too, so a misspelt one is not silently ignored.
 */
export function parseCardTemplate(json: unknown, source = 'card.json'): CardLayout {
  const fail = (path: string, message: string): never => {
    throw new Error(`${source}: ${path ? `${path} ` : ''}${message}`);
  };

  const record = (value: unknown, path: string): Json =>
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Json)
      : fail(path, 'must be an object');
  /** An object with exactly these settings (the optional ones may be left out). */
  const object = (value: unknown, path: string, keys: readonly string[], optional: string[] = []): Json => {
    const o = record(value, path);
    const at = (key: string) => (path ? `${path}.${key}` : key);
    for (const key of Object.keys(o)) if (!keys.includes(key)) fail(at(key), 'is not a known setting');
    for (const key of keys) if (o[key] === undefined && !optional.includes(key)) fail(at(key), 'is missing');
    return o;
  };
  const mm = (value: unknown, path: string, max: number): number =>
    typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= max
      ? value
      : fail(path, `must be a number of mm between 0 and ${max}`);
  const fits = (start: number, size: number, max: number, path: string, what: string) => {
    if (start + size > max + 1e-9) fail(path, `must fit on the card (${what} ≤ ${max} mm)`);
  };
  const color = (value: unknown, path: string): string =>
    typeof value === 'string' && /^#[0-9a-fA-F]{6}$/.test(value)
      ? value
      : fail(path, 'must be a colour as #RRGGBB');
  const text = (value: unknown, path: string): string =>
    typeof value === 'string' && value.trim() !== '' ? value : fail(path, 'must be a non-empty string');
  const oneOf = <T>(value: unknown, path: string, values: readonly T[], message: string): T =>
    values.find((v) => v === value) ?? fail(path, message);
  const fontSize = (value: unknown, path: string): number =>
    typeof value === 'number' && value >= FONT_SIZES.min && value <= FONT_SIZES.max
      ? value
      : fail(path, `must be a font size in pt between ${FONT_SIZES.min} and ${FONT_SIZES.max}`);

  const box = (o: Json, path: string): Box => {
    const b = {
      x: mm(o.x, `${path}.x`, ID1.width),
      y: mm(o.y, `${path}.y`, ID1.height),
      width: mm(o.width, `${path}.width`, ID1.width),
      height: mm(o.height, `${path}.height`, ID1.height),
    };
    fits(b.x, b.width, ID1.width, `${path}.width`, 'x + width');
    fits(b.y, b.height, ID1.height, `${path}.height`, 'y + height');
    return b;
  };

  const field = (value: unknown, path: string): TextField => {
    const o = object(
      value,
      path,
      ['x', 'y', 'fontSize', 'minFontSize', 'bold', 'color', 'maxWidth', 'align'],
      ['minFontSize', 'bold', 'align'],
    );
    const f: TextField = {
      x: mm(o.x, `${path}.x`, ID1.width),
      y: mm(o.y, `${path}.y`, ID1.height),
      fontSize: fontSize(o.fontSize, `${path}.fontSize`),
      minFontSize: 0,
      bold:
        o.bold === undefined ? false : oneOf(o.bold, `${path}.bold`, [true, false], 'must be true or false'),
      color: color(o.color, `${path}.color`),
      maxWidth: mm(o.maxWidth, `${path}.maxWidth`, ID1.width),
      align:
        o.align === undefined
          ? 'left'
          : oneOf(o.align, `${path}.align`, ALIGNS, 'must be left, center or right'),
    };
    f.minFontSize = o.minFontSize === undefined ? f.fontSize : fontSize(o.minFontSize, `${path}.minFontSize`);
    if (f.minFontSize > f.fontSize) fail(`${path}.minFontSize`, 'must not be larger than fontSize');
    fits(f.x, f.maxWidth, ID1.width, `${path}.maxWidth`, 'x + maxWidth');
    return f;
  };

  const texts = (value: unknown, path: string): CardTexts => {
    const o = object(value, path, ['validUntil', 'validIndefinitely', 'dateFormat', 'roles']);
    const t: CardTexts = {
      validUntil: text(o.validUntil, `${path}.validUntil`),
      validIndefinitely: text(o.validIndefinitely, `${path}.validIndefinitely`),
      dateFormat: text(o.dateFormat, `${path}.dateFormat`),
      roles: {} as CardTexts['roles'],
    };
    if (!t.validUntil.includes('{date}')) fail(`${path}.validUntil`, 'must contain {date}');
    if (!['YYYY', 'MM', 'DD'].every((part) => t.dateFormat.includes(part)))
      fail(`${path}.dateFormat`, 'must contain YYYY, MM and DD');
    const roles = object(o.roles, `${path}.roles`, MEMBER_ROLES);
    for (const role of MEMBER_ROLES) t.roles[role] = text(roles[role], `${path}.roles.${role}`);
    return t;
  };

  const root = object(json, '', ['defaultLanguage', 'background', 'band', 'logo', 'fields', 'qr', 'texts']);
  const band = object(root.band, 'band', ['x', 'y', 'width', 'height', 'color']);
  const logo = object(root.logo, 'logo', ['file', 'x', 'y', 'width', 'height']);
  const fields = object(root.fields, 'fields', TEXT_FIELDS);
  const qr = object(root.qr, 'qr', ['x', 'y', 'size', 'color']);
  const languages = record(root.texts, 'texts');

  const logoFile = text(logo.file, 'logo.file');
  if (!/^[\w.-]+\.(png|jpe?g)$/i.test(logoFile) || logoFile.startsWith('.'))
    fail('logo.file', 'must be a .png or .jpg file name beside card.json');

  const qrBox = {
    x: mm(qr.x, 'qr.x', ID1.width),
    y: mm(qr.y, 'qr.y', ID1.height),
    size: mm(qr.size, 'qr.size', ID1.height),
    color: color(qr.color, 'qr.color'),
  };
  if (qrBox.size < MIN_QR_SIZE) fail('qr.size', `must be at least ${MIN_QR_SIZE} mm for the QR to scan`);
  fits(qrBox.x, qrBox.size, ID1.width, 'qr.size', 'x + size');
  fits(qrBox.y, qrBox.size, ID1.height, 'qr.size', 'y + size');

  const layout: CardLayout = {
    defaultLanguage: text(root.defaultLanguage, 'defaultLanguage'),
    background: color(root.background, 'background'),
    band: { ...box(band, 'band'), color: color(band.color, 'band.color') },
    logo: { ...box(logo, 'logo'), file: logoFile },
    fields: {} as CardLayout['fields'],
    qr: qrBox,
    texts: {},
  };
  for (const name of TEXT_FIELDS) layout.fields[name] = field(fields[name], `fields.${name}`);
  for (const language of Object.keys(languages)) {
    if (!/^[a-z]{2,3}$/.test(language))
      fail(`texts.${language}`, 'must be named by a language code such as "pl"');
    layout.texts[language] = texts(languages[language], `texts.${language}`);
  }
  if (!layout.texts[layout.defaultLanguage])
    fail('defaultLanguage', 'must be one of the languages under texts');
  return layout;
}
