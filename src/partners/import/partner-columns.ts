import { columnKey } from '../../families/import/csv-columns';

/** What a row describes; every row names its partner by tax_number. */
export const RECORD_TYPES = ['partner', 'outlet', 'offer'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** Texts by language: one column per language, e.g. description_pl, title_en, terms_de. */
export const TEXT_FIELDS = ['description', 'title', 'terms'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
const TEXT_COLUMN = /^(description|title|terms)_([a-z]{2})$/;

const PLAIN_COLUMNS = [
  'record',
  'tax_number',
  'ref',
  'name',
  'category',
  'status',
  'website',
  'contact_name',
  'contact_email',
  'contact_phone',
  'kind',
  'street',
  'postal_code',
  'city',
  'latitude',
  'longitude',
  'opening_hours',
  'url',
  'discount_code',
  'benefit',
  'schedule',
  'audience',
  'min_family_size',
  'limits',
  'outlets',
] as const;
type PlainColumn = (typeof PLAIN_COLUMNS)[number];

const KNOWN: ReadonlySet<string> = new Set(PLAIN_COLUMNS);

/** The columns each kind of row may fill (besides record and tax_number); any other filled cell is a mistake. */
const COLUMNS_OF: Record<RecordType, { plain: readonly PlainColumn[]; texts: readonly TextField[] }> = {
  partner: {
    plain: ['name', 'category', 'status', 'website', 'contact_name', 'contact_email', 'contact_phone'],
    texts: ['description'],
  },
  outlet: {
    plain: [
      'ref',
      'kind',
      'name',
      'street',
      'postal_code',
      'city',
      'latitude',
      'longitude',
      'opening_hours',
      'url',
      'discount_code',
    ],
    texts: [],
  },
  offer: {
    plain: [
      'ref',
      'category',
      'status',
      'benefit',
      'schedule',
      'audience',
      'min_family_size',
      'limits',
      'outlets',
    ],
    texts: ['title', 'description', 'terms'],
  },
};

export const REQUIRED_COLUMNS = ['record', 'tax_number'] as const;

/** A row's cells: plain columns by name, texts by field and language; trimmed, empty cells left out. */
export interface RowCells {
  plain: Partial<Record<PlainColumn, string>>;
  texts: Partial<Record<TextField, Record<string, string>>>;
}

export interface Header {
  width: number;
  plain: Partial<Record<PlainColumn, number>>;
  texts: { field: TextField; language: string; position: number }[];
  ignored: string[];
}

export type HeaderResult = ({ ok: true } & Header) | { ok: false; errors: string[] };

/**
 * Column names are compared as the family import compares them: ignoring case, surrounding spaces, and spaces
 * or hyphens written for '_'. Order is free; unknown columns are ignored and named; a repeated column or a
 * missing required one rejects the file.
 */
export function mapHeader(names: readonly string[]): HeaderResult {
  const plain: Header['plain'] = {};
  const texts: Header['texts'] = [];
  const ignored: string[] = [];
  const seen = new Set<string>();
  const repeated = new Set<string>();
  names.forEach((name, position) => {
    const key = columnKey(name);
    const text = TEXT_COLUMN.exec(key);
    if (!KNOWN.has(key) && !text) {
      if (key !== '') ignored.push(name.trim());
      return;
    }
    if (seen.has(key)) {
      repeated.add(key);
      return;
    }
    seen.add(key);
    if (text) texts.push({ field: text[1] as TextField, language: text[2], position });
    else plain[key as PlainColumn] = position;
  });
  const errors: string[] = [];
  const missing = REQUIRED_COLUMNS.filter((c) => plain[c] === undefined);
  if (missing.length) errors.push(`the header lacks required column(s): ${missing.join(', ')}`);
  if (repeated.size) errors.push(`the header repeats column(s): ${[...repeated].join(', ')}`);
  return errors.length ? { ok: false, errors } : { ok: true, width: names.length, plain, texts, ignored };
}

export function cellsOf(fields: readonly string[], header: Header): RowCells {
  const cells: RowCells = { plain: {}, texts: {} };
  for (const [column, i] of Object.entries(header.plain) as [PlainColumn, number][]) {
    const value = fields[i]?.trim();
    if (value) cells.plain[column] = value;
  }
  for (const { field, language, position } of header.texts) {
    const value = fields[position]?.trim();
    if (value) (cells.texts[field] ??= {})[language] = value;
  }
  return cells;
}

/** Filled cells that a row of this type has no use for, by column name. */
export function foreignCells(type: RecordType, cells: RowCells): string[] {
  const own = COLUMNS_OF[type];
  const foreign = Object.keys(cells.plain).filter(
    (c) => c !== 'record' && c !== 'tax_number' && !own.plain.includes(c as PlainColumn),
  );
  for (const [field, byLanguage] of Object.entries(cells.texts) as [TextField, Record<string, string>][])
    if (!own.texts.includes(field)) foreign.push(...Object.keys(byLanguage).map((l) => `${field}_${l}`));
  return foreign;
}
