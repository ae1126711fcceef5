import { validateSync } from 'class-validator';
import type { CellProblem } from '../../families/import/import-row';
import { flattenValidationErrors } from '../../common/problem/validation-errors';
import type { FieldError } from '../../common/problem/problem';
import { foldForSearch } from '../../common/text';
import { CreateOfferDto } from '../../offers/dto/offer-input.dto';
import { OfferInput, offerInputProblems } from '../../offers/offer-input';
import type { OfferText } from '../../offers/offer.entity';
import type { ProgrammeEntity } from '../../programmes/programme.entity';
import type { CategoryEntity } from '../categories/category.entity';
import { OutletInputDto } from '../dto/outlet.dto';
import { PartnerProfileDto } from '../dto/partner-input.dto';
import { outletColumns } from '../outlet-columns';
import type { OutletKind } from '../outlet.entity';
import type { PartnerEntity } from '../partner.entity';
import { languageProblems } from '../partner-problems';
import type { TaxNumberFormat } from '../tax-number/tax-number-format';
import { RECORD_TYPES, RecordType, RowCells, TEXT_FIELDS, foreignCells } from './partner-columns';
import {
  LIMIT_WORDS,
  OutletRefs,
  Parsed,
  SCHEDULE_WORDS,
  parseAudience,
  parseBenefit,
  parseDecimal,
  parseLimits,
  parseOpeningHours,
  parseOutletRefs,
  parseSchedule,
  parseWholeNumber,
} from './partner-values';

/*
 * One CSV row to one partner, outlet or offer, checked on its own exactly as the API checks a request: the
 * API's DTO classes with class-validator (as the ValidationPipe runs them), then the services' pure checks
 * (tax-number format, texts per language, outletColumns with the opening hours, offerInputProblems for
 * benefit, schedule, audience and limits). What needs other rows or the database is decided in partner-plan.ts.
 */

export type PartnerStatusInFile = 'approved' | 'pending';
export type OfferStatusInFile = 'published' | 'draft';

/** The stored columns of a partner that the file gives. */
export type PartnerValues = Pick<
  PartnerEntity,
  'name' | 'searchName' | 'description' | 'website' | 'contactName' | 'contactEmail' | 'contactPhone'
> & { categoryId: string; status: PartnerStatusInFile };

export type OutletValues = Exclude<ReturnType<typeof outletColumns>, FieldError[]>;

export interface OfferValues {
  input: OfferInput;
  /** null: the partner's category. */
  categoryId: string | null;
  status: OfferStatusInFile;
}

interface Row<T extends RecordType, V> {
  type: T;
  line: number;
  /** Normalised; null when the cell is empty or not a valid number of the programme's format. */
  taxNumber: string | null;
  ref: string | null;
  problems: CellProblem[];
  /** Null when the row has a problem of its own. */
  values: V | null;
}

export type PartnerRow = Row<'partner', PartnerValues>;
export type OutletRow = Row<'outlet', OutletValues>;
/** `outlets` is read even when the row has other problems, so the refs it names are checked all the same. */
export type OfferRow = Row<'offer', OfferValues> & { outlets: OutletRefs | null };
export type ImportRow = PartnerRow | OutletRow | OfferRow;
/** A row whose `record` cell names no record type: only its problems are kept. */
export interface UnknownRow {
  type: null;
  line: number;
  problems: CellProblem[];
}

export interface RowContext {
  programme: Pick<ProgrammeEntity, 'code' | 'languages' | 'currency'>;
  taxNumbers: TaxNumberFormat;
  /** The programme's categories by slug. */
  categories: ReadonlyMap<string, CategoryEntity>;
}

const VALIDATE = { stopAtFirstError: true, forbidUnknownValues: true };

export function readRow(line: number, cells: RowCells, context: RowContext): ImportRow | UnknownRow {
  const record = cells.plain.record?.toLowerCase();
  if (!record || !(RECORD_TYPES as readonly string[]).includes(record))
    return {
      type: null,
      line,
      problems: [
        {
          field: 'record',
          message: record
            ? `must be partner, outlet or offer (got "${cells.plain.record}")`
            : 'is required: partner, outlet or offer',
        },
      ],
    };
  const type = record as RecordType;
  const problems: CellProblem[] = foreignCells(type, cells).map((column) => ({
    field: column,
    message: `is not a column of ${type} rows; leave it empty`,
  }));
  const taxNumber = checkedTaxNumber(cells.plain.tax_number, context.taxNumbers, problems);
  const ref = type === 'partner' ? null : checkedRef(type, cells.plain.ref, problems);
  const base = { line, taxNumber, ref, problems };
  switch (type) {
    case 'partner': {
      const values = partnerValues(cells, context, problems);
      return { type, ...base, values: problems.length ? null : values };
    }
    case 'outlet': {
      const values = outletValues(cells, ref, problems);
      return { type, ...base, values: problems.length ? null : values };
    }
    case 'offer': {
      const values = offerValues(cells, ref, context, problems);
      const outlets = cells.plain.outlets === undefined ? null : parseOutletRefs(cells.plain.outlets);
      return {
        type,
        ...base,
        values: problems.length ? null : values,
        outlets: outlets?.ok ? outlets.value : null,
      };
    }
  }
}

function checkedTaxNumber(
  raw: string | undefined,
  format: TaxNumberFormat,
  problems: CellProblem[],
): string | null {
  if (!raw) {
    problems.push({ field: 'tax_number', message: 'is required: every row names its partner by tax number' });
    return null;
  }
  const normalized = format.normalize(raw);
  const verdict = normalized.length > 40 ? { ok: false, reason: 'too long' } : format.validate(normalized);
  if (verdict.ok) return normalized;
  // The API's message: "taxNumber is not a valid NIP (Poland): NIP check digit does not match".
  problems.push({ field: 'tax_number', message: `is not a valid ${format.label}: ${verdict.reason}` });
  return null;
}

function checkedRef(type: RecordType, ref: string | undefined, problems: CellProblem[]): string | null {
  if (ref === undefined) {
    problems.push({
      field: 'ref',
      message: `is required: it is how the ${type} is found again when the file is imported again`,
    });
    return null;
  }
  // The DTOs' pattern, so an imported ref is one the API accepts too.
  if (/^[A-Za-z0-9._-]{1,64}$/.test(ref)) return ref;
  problems.push({ field: 'ref', message: 'must be 1-64 letters, digits, dots, dashes or underscores' });
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Partners

const PARTNER_COLUMNS: Readonly<Record<string, string>> = {
  name: 'name',
  taxNumber: 'tax_number',
  category: 'category',
  website: 'website',
  contactName: 'contact_name',
  contactEmail: 'contact_email',
  contactPhone: 'contact_phone',
};

function partnerValues(cells: RowCells, context: RowContext, problems: CellProblem[]): PartnerValues {
  const c = cells.plain;
  const description = inLanguageOrder(cells.texts.description ?? {}, context.programme.languages);
  const status = choice(c.status, ['approved', 'pending'], 'approved', 'status', problems);
  const dto = Object.assign(new PartnerProfileDto(), {
    name: c.name,
    taxNumber: c.tax_number ?? '',
    category: c.category,
    description,
    website: c.website,
    contactName: c.contact_name,
    contactEmail: c.contact_email,
    contactPhone: c.contact_phone,
  });
  // The texts are checked column by column below: the DTO's message names the whole map.
  dtoProblems(dto, PARTNER_COLUMNS, c, problems, ['description', 'taxNumber']);
  textProblems('description', description, 2000, context, problems);
  const category = categoryOf(c.category, context, problems);
  const name = (c.name ?? '').trim();
  // As PartnersService stores a profile (profileColumns).
  return {
    name,
    searchName: foldForSearch(name),
    description,
    website: c.website ?? null,
    contactName: (c.contact_name ?? '').trim(),
    contactEmail: (c.contact_email ?? '').trim().toLowerCase(),
    contactPhone: c.contact_phone ?? null,
    categoryId: category?.id ?? '',
    status: status as PartnerStatusInFile,
  };
}

/** A text column per language: at most `max` characters; the programme's languages, its first one present. */
function textProblems(
  field: 'description',
  texts: Record<string, string>,
  max: number,
  context: RowContext,
  problems: CellProblem[],
): void {
  for (const [language, text] of Object.entries(texts))
    if (text.length > max)
      problems.push({ field: `${field}_${language}`, message: `must be at most ${max} characters` });
  for (const error of languageProblems(field, texts, context.programme.languages))
    problems.push(languageProblem(error, field, context));
}

/** languageProblems' errors ("description needs a text in pl", "description.de: the programme speaks …"). */
function languageProblem(error: FieldError, field: string, context: RowContext): CellProblem {
  const language = error.field.split('.')[1];
  const column = `${field}_${language}`;
  if (/needs a text in/.test(error.message))
    return {
      field: column,
      message: `is required (${language} is the first language of programme ${context.programme.code})`,
    };
  return {
    field: column,
    message: `${language} is not a language of the programme, which speaks ${context.programme.languages.join(', ')}`,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Outlets

const OUTLET_COLUMNS: Readonly<Record<string, string>> = {
  ref: 'ref',
  kind: 'kind',
  name: 'name',
  street: 'street',
  postalCode: 'postal_code',
  city: 'city',
  latitude: 'latitude',
  longitude: 'longitude',
  openingHours: 'opening_hours',
  url: 'url',
  discountCode: 'discount_code',
};

function outletValues(cells: RowCells, ref: string | null, problems: CellProblem[]): OutletValues | null {
  const c = cells.plain;
  const parsed = <T>(column: string, value: string | undefined, parse: (v: string) => Parsed<T>) => {
    if (value === undefined) return undefined;
    const result = parse(value);
    if (result.ok) return result.value;
    problems.push({ field: column, message: result.message });
    return undefined;
  };
  const kind = choice(c.kind, ['place', 'online'], null, 'kind', problems) as OutletKind | null;
  const input = {
    ref: ref ?? undefined,
    kind: kind ?? undefined,
    name: c.name,
    street: c.street,
    postalCode: c.postal_code,
    city: c.city,
    latitude: parsed('latitude', c.latitude, (v) => parseDecimal(v)),
    longitude: parsed('longitude', c.longitude, (v) => parseDecimal(v, '22.5684')),
    openingHours: parsed('opening_hours', c.opening_hours, parseOpeningHours),
    url: c.url,
    discountCode: c.discount_code,
  };
  if (!kind) {
    // Which address fields are needed depends on the kind: only the others are checked.
    const kindFields = ['street', 'postalCode', 'city', 'latitude', 'longitude', 'url'];
    dtoProblems(Object.assign(new OutletInputDto(), input), OUTLET_COLUMNS, c, problems, [
      'ref',
      'kind',
      ...kindFields,
    ]);
    return null;
  }
  // outletColumns first: "is required for a place" says more than the DTO's "must be a string".
  const columns = outletColumns({ ...input, kind, name: input.name ?? '' });
  if (Array.isArray(columns))
    addNew(
      problems,
      columns.map((error) => cellProblem(error.field, error.message, OUTLET_COLUMNS)),
    );
  dtoProblems(Object.assign(new OutletInputDto(), input), OUTLET_COLUMNS, c, problems, ['ref']);
  return Array.isArray(columns) ? null : columns;
}

// ---------------------------------------------------------------------------------------------------------------
// Offers

const OFFER_COLUMNS: Readonly<Record<string, string>> = {
  ref: 'ref',
  category: 'category',
  minFamilySize: 'min_family_size',
  benefit: 'benefit',
  schedule: 'schedule',
  audience: 'audience',
  limits: 'limits',
  outletIds: 'outlets',
};

/** The API's names inside messages about a cell, as the CSV spells them. */
const OFFER_WORDS: Readonly<Record<string, string>> = {
  ...SCHEDULE_WORDS,
  minAge: 'the minimum age',
  maxAge: 'the maximum age',
  ...Object.fromEntries(
    Object.entries(LIMIT_WORDS).flatMap(([word, field]) => [
      [`limits.${field}`, word],
      [field, word],
    ]),
  ),
};

function offerValues(
  cells: RowCells,
  ref: string | null,
  context: RowContext,
  problems: CellProblem[],
): OfferValues | null {
  const c = cells.plain;
  const { languages } = context.programme;
  const own = problems.length;
  const required = (column: string) => problems.push({ field: column, message: 'is required' });
  const parse = <T>(
    column: string,
    value: string | undefined,
    parser: (v: string) => Parsed<T>,
    dflt?: T,
  ) => {
    if (value === undefined) {
      if (dflt === undefined) required(column);
      return dflt;
    }
    const result = parser(value);
    if (result.ok) return result.value;
    problems.push({ field: column, message: result.message });
    return undefined;
  };
  const benefit = parse('benefit', c.benefit, (v) => parseBenefit(v, context.programme.currency));
  const schedule = parse('schedule', c.schedule, parseSchedule);
  const audience = parse('audience', c.audience, parseAudience, { kind: 'all' });
  const limits = parse('limits', c.limits, parseLimits, {});
  const outlets = parse('outlets', c.outlets, parseOutletRefs);
  const minFamilySize =
    c.min_family_size === undefined
      ? null
      : parse('min_family_size', c.min_family_size, (v) =>
          parseWholeNumber(v, 'must be a whole number from 3 to 20'),
        );
  const status = choice(c.status, ['published', 'draft'], 'published', 'status', problems);
  const texts = offerTexts(cells, languages);
  if (Object.keys(texts).length === 0)
    problems.push({
      field: `title_${languages[0]}`,
      message: `is required (${languages[0]} is the first language of programme ${context.programme.code})`,
    });

  const dto = Object.assign(new CreateOfferDto(), {
    ref: ref ?? undefined,
    texts,
    category: c.category,
    benefit: benefit ?? {},
    schedule: schedule ?? {},
    audience: audience ?? {},
    minFamilySize: minFamilySize ?? undefined,
    limits: limits ?? {},
    outletIds: [],
  });
  // The outlets are refs here, resolved with the rest of the file (partner-plan.ts).
  dtoProblems(dto, OFFER_COLUMNS, c, problems, ['ref', 'outletIds']);
  if (outlets && !outlets.all && outlets.refs.length > 500)
    problems.push({ field: 'outlets', message: 'an offer holds at most 500 outlets' });
  const category = c.category === undefined ? null : categoryOf(c.category, context, problems);

  // Cells that could not be read stand in as empty objects: their columns are reported already, and the
  // other fields are still checked, so the report lists every problem of the row.
  const input: OfferInput = {
    texts,
    benefit: benefit ?? ({} as OfferInput['benefit']),
    schedule: schedule ?? ({} as OfferInput['schedule']),
    audience: audience ?? ({} as OfferInput['audience']),
    minFamilySize: minFamilySize ?? null,
    limits: limits ?? {},
  };
  addNew(
    problems,
    offerInputProblems(input, languages)
      .filter((error) => error.field !== 'texts') // no text at all: reported above
      .map((error) =>
        error.field.startsWith('texts.')
          ? textsProblem(error, cells, context)
          : cellProblem(error.field, error.message, OFFER_COLUMNS, OFFER_WORDS),
      ),
  );
  if (problems.length > own || !outlets) return null;
  return { input, categoryId: category?.id ?? null, status: status as OfferStatusInFile };
}

/**
 * The offer's texts by language from title_xx, description_xx and terms_xx, in the programme's language order
 * whatever the order of the columns (the search text is built in this order); a language with none is absent.
 */
function offerTexts(cells: RowCells, languages: string[]): Record<string, OfferText> {
  const texts: Record<string, Partial<OfferText>> = {};
  for (const field of TEXT_FIELDS)
    for (const [language, text] of Object.entries(cells.texts[field] ?? {}))
      (texts[language] ??= {})[field] = text;
  return inLanguageOrder(texts, languages) as Record<string, OfferText>;
}

/** The programme's languages first, in its order; any other language after them. */
function inLanguageOrder<T>(texts: Record<string, T>, languages: string[]): Record<string, T> {
  const rank = (l: string) => (languages.includes(l) ? languages.indexOf(l) : languages.length);
  return Object.fromEntries(Object.entries(texts).sort(([a], [b]) => rank(a) - rank(b)));
}

/** textsProblems' errors name texts.pl.title, texts.de …: the column is title_pl, or the language's first column. */
function textsProblem(error: FieldError, cells: RowCells, context: RowContext): CellProblem {
  const [, language, key] = error.field.split('.');
  if (key) return cellProblem(error.field, error.message, { [error.field]: `${key}_${language}` });
  if (/needs a text in/.test(error.message)) return languageProblem(error, 'title', context);
  const column = TEXT_FIELDS.find((f) => cells.texts[f]?.[language] !== undefined) ?? 'title';
  return { ...languageProblem(error, column, context) };
}

// ---------------------------------------------------------------------------------------------------------------
// Shared

function choice(
  value: string | undefined,
  allowed: string[],
  dflt: string | null,
  column: string,
  problems: CellProblem[],
): string | null {
  if (value === undefined) {
    if (dflt === null) problems.push({ field: column, message: `is required: ${allowed.join(' or ')}` });
    return dflt;
  }
  const word = value.toLowerCase();
  if (allowed.includes(word)) return word;
  problems.push({ field: column, message: `must be ${allowed.join(' or ')} (got "${value}")` });
  return dflt;
}

function categoryOf(
  slug: string | undefined,
  context: RowContext,
  problems: CellProblem[],
): CategoryEntity | null {
  if (slug === undefined) return null; // the DTO reports a required category
  const category = context.categories.get(slug);
  // A slug the DTO refuses is reported by the DTO.
  if (!category && /^[a-z0-9-]{1,40}$/.test(slug))
    problems.push({
      field: 'category',
      message: `category ${slug} does not exist; the programme has ${[...context.categories.keys()].join(', ')}`,
    });
  return category ?? null;
}

/**
 * The DTO's errors as cell problems, one per column: a column already reported keeps its first problem, an
 * empty cell the DTO complains about "is required", and `skip` lists properties checked elsewhere.
 */
function dtoProblems(
  dto: object,
  columns: Readonly<Record<string, string>>,
  cells: RowCells['plain'],
  problems: CellProblem[],
  skip: string[],
): void {
  const found = flattenValidationErrors(validateSync(dto, VALIDATE))
    .filter((error) => !skip.includes(error.field.split(/[.[]/)[0]))
    .map((error) => {
      const problem = cellProblem(error.field, error.message, columns);
      const empty = (cells as Record<string, string | undefined>)[problem.field] === undefined;
      return empty ? { ...problem, message: 'is required' } : problem;
    });
  addNew(problems, found);
}

/**
 * Adds what one check found about columns that no earlier check reported on: the first check to find a
 * column wrong explains it, and a later check's message about the same cell would only repeat it.
 */
function addNew(problems: CellProblem[], found: CellProblem[]): void {
  const reported = new Set(problems.map((p) => p.field));
  problems.push(...found.filter((p) => !reported.has(p.field)));
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * An API message about `field` ("contactEmail must be an e-mail address", "openingHours.mon: 17:00 is not
 * after 18:00", "limits.perCardPerDay cannot be more than limits.perCardPerWeek") as one about its CSV column:
 * the column becomes the field, the leading name goes, and API names inside the message become the CSV's words.
 */
export function cellProblem(
  field: string,
  message: string,
  columns: Readonly<Record<string, string>>,
  words: Readonly<Record<string, string>> = {},
): CellProblem {
  const property = field.split(/[.[]/)[0];
  const column = columns[field] ?? columns[property] ?? field;
  let text = message;
  if (text.startsWith(`${field}.`)) text = text.slice(field.length + 1);
  else text = text.replace(new RegExp(`^${escape(field)}(?::\\s*|\\s+)`), '');
  for (const word of Object.keys(words).sort((a, b) => b.length - a.length))
    text = text.replace(new RegExp(`(?<![\\w.])${escape(word)}(?!\\w)`, 'g'), words[word]);
  return { field: column, message: text };
}
