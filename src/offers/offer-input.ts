import { sameJson } from '../common/changes';
import { randomBytes } from 'node:crypto';
import type { FieldError } from '../common/problem/problem';
import { foldForSearch } from '../common/text';
import type { OutletKind } from '../partners/outlet.entity';
import { languageProblems } from '../partners/partner-problems';
import { audienceProblems, benefitProblems, OfferAudience, OfferBenefit } from './offer-benefit';
import { LIMIT_FIELDS, limitsProblems, OfferLimits } from './offer-limits';
import { currentWindow, nextWindow, OfferSchedule, scheduleProblems } from './offer-schedule';
import type { OfferText } from './offer.entity';

/*
 * From what a partner sends to what is stored: the checks class-validator cannot express (union shapes, texts
 * per language) and the columns derived from the input. Pure, so every rule has a table-driven test.
 */

/** The fields of an offer a partner writes, after defaults. */
export interface OfferInput {
  texts: Record<string, OfferText>;
  benefit: OfferBenefit;
  schedule: OfferSchedule;
  audience: OfferAudience;
  minFamilySize: number | null;
  limits: OfferLimits;
}

export const TEXT_MAX_LENGTH = { title: 120, description: 2000, terms: 1000 } as const;
export const REF_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;
/** A permanent offer's window opens at a fixed early instant (not −∞: timestamptz ends at 4713 BC). */
export const PERMANENT_WINDOW_START = new Date(0);

// Which keys each variant of a union may carry; anything else is a typo the partner should hear about.
const BENEFIT_KEYS: Record<string, string[]> = {
  percent: ['percent'],
  amount_off: ['amount'],
  special_price: ['price'],
  free_entry: [],
  free_text: [],
};
const SCHEDULE_KEYS: Record<string, string[]> = {
  permanent: [],
  temporary: ['startsOn', 'endsOn'],
  seasonal: ['fromMonthDay', 'toMonthDay'],
  occasional: ['startsAt', 'endsAt'],
};
const AUDIENCE_KEYS: Record<string, string[]> = {
  all: [],
  children: [],
  parents: [],
  age_range: ['minAge', 'maxAge'],
};

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Keys of `value` that its variant (named by `value[tag]`) does not have; none when the tag is unknown. */
function unknownKeys(value: Record<string, unknown>, tag: string, keys: Record<string, string[]>): string[] {
  const allowed = keys[String(value[tag])];
  return allowed ? Object.keys(value).filter((k) => k !== tag && !allowed.includes(k)) : [];
}

function unionProblems(
  field: string,
  value: unknown,
  tag: string,
  keys: Record<string, string[]>,
  problems: (v: never) => string[],
): FieldError[] {
  if (!isPlainObject(value)) return [{ field, message: `${field} must be an object` }];
  return [
    ...problems(value as never),
    ...unknownKeys(value, tag, keys).map(
      (k) => `${field}.${k} is not allowed for ${tag} ${String(value[tag])}`,
    ),
  ].map((message) => ({ field, message }));
}

/** Every language must be one the programme speaks, the first of them present, each text well-formed. */
export function textsProblems(texts: unknown, languages: string[]): FieldError[] {
  if (!isPlainObject(texts) || Object.keys(texts).length === 0)
    return [{ field: 'texts', message: 'texts must map language codes to {title, description?, terms?}' }];
  const errors = languageProblems('texts', texts, languages);
  for (const [language, text] of Object.entries(texts)) {
    const at = `texts.${language}`;
    if (!isPlainObject(text)) {
      errors.push({ field: at, message: `${at} must be an object with a title` });
      continue;
    }
    for (const [key, max] of Object.entries(TEXT_MAX_LENGTH)) {
      const value = text[key];
      const required = key === 'title';
      if (value === undefined || value === null) {
        if (required) errors.push({ field: `${at}.${key}`, message: `${at}.${key} is required` });
      } else if (typeof value !== 'string' || (required && value.trim() === '') || value.length > max)
        errors.push({
          field: `${at}.${key}`,
          message: `${at}.${key} must be a text of ${required ? 1 : 0}-${max} characters`,
        });
    }
    for (const key of Object.keys(text).filter((k) => !(k in TEXT_MAX_LENGTH)))
      errors.push({ field: `${at}.${key}`, message: `${at}.${key} is not a field of an offer text` });
  }
  return errors;
}

/** Every problem of an offer's input as field errors (empty: it can be saved). */
export function offerInputProblems(input: OfferInput, languages: string[]): FieldError[] {
  const limits = isPlainObject(input.limits)
    ? [
        ...limitsProblems(input.limits),
        ...Object.keys(input.limits)
          .filter((k) => !(LIMIT_FIELDS as readonly string[]).includes(k))
          .map((k) => `limits.${k} is not a limit; use ${LIMIT_FIELDS.join(', ')}`),
      ].map((message) => ({ field: 'limits', message }))
    : [{ field: 'limits', message: 'limits must be an object' }];
  return [
    ...textsProblems(input.texts, languages),
    ...unionProblems('benefit', input.benefit, 'type', BENEFIT_KEYS, benefitProblems),
    ...unionProblems('schedule', input.schedule, 'kind', SCHEDULE_KEYS, scheduleProblems),
    ...unionProblems('audience', input.audience, 'kind', AUDIENCE_KEYS, audienceProblems),
    ...limits,
  ];
}

/** Titles and other texts trimmed; empty optional texts dropped. */
export function cleanTexts(texts: Record<string, OfferText>): Record<string, OfferText> {
  return Object.fromEntries(
    Object.entries(texts).map(([language, t]) => {
      const text: OfferText = { title: t.title.trim() };
      if (t.description?.trim()) text.description = t.description.trim();
      if (t.terms?.trim()) text.terms = t.terms.trim();
      return [language, text];
    }),
  );
}

/** A ref from the title ("Bilet rodzinny −20%" → "bilet-rodzinny-20-k3f9qz"); the suffix keeps it unique. */
export function defaultRef(title: string, suffix = randomBytes(4).readUInt32BE(0).toString(36)): string {
  const slug = foldForSearch(title)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return `${slug || 'offer'}-${suffix}`;
}

export interface WindowColumns {
  windowStart: Date | null;
  windowEnd: Date | null;
}

/** The current window, else the next one; a permanent offer's never ends; none left: both null. */
export function windowColumns(schedule: OfferSchedule, now: Date, timeZone: string): WindowColumns {
  if (schedule.kind === 'permanent') return { windowStart: PERMANENT_WINDOW_START, windowEnd: null };
  const window = currentWindow(schedule, now, timeZone) ?? nextWindow(schedule, now, timeZone);
  return window
    ? { windowStart: window.start, windowEnd: window.end }
    : { windowStart: null, windowEnd: null };
}

export interface DerivedColumns extends WindowColumns {
  searchText: string;
  benefitType: OfferBenefit['type'];
  kind: OfferSchedule['kind'];
  online: boolean;
}

/** The columns the catalogue searches and filters on, kept in step with the input on every write. */
export function derivedColumns(
  input: Pick<OfferInput, 'texts' | 'benefit' | 'schedule'>,
  context: {
    partnerName: string;
    outlets: { kind: OutletKind; city: string | null }[];
    now: Date;
    timeZone: string;
  },
): DerivedColumns {
  return {
    ...searchColumns(input.texts, context.partnerName, context.outlets),
    benefitType: input.benefit.type,
    kind: input.schedule.kind,
    ...windowColumns(input.schedule, context.now, context.timeZone),
  };
}

/**
 * What text search and the online filter read: titles and descriptions in every language, the partner's name
 * and the outlets' cities, folded; and whether one of the outlets is an online shop.
 */
export function searchColumns(
  texts: OfferInput['texts'],
  partnerName: string,
  outlets: { kind: OutletKind; city: string | null }[],
): { searchText: string; online: boolean } {
  const words = Object.values(texts).flatMap((t) => [t.title, t.description ?? '']);
  const cities = [...new Set(outlets.map((o) => o.city ?? ''))];
  return {
    searchText: foldForSearch([...words, partnerName, ...cities].filter(Boolean).join(' ')),
    online: outlets.some((o) => o.kind === 'online'),
  };
}

/** What an audit row says about an offer's fields. */
export type OfferSnapshot = OfferInput & { ref: string; categoryId: string; outletIds: string[] };

/**
 * The changed fields with their old and new values, for the audit log. Texts and outlets can be large, so
 * they are summarised: the languages whose text changed, the outlets added and removed.
 */
export function editSummary(before: OfferSnapshot, after: OfferSnapshot): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const key of [
    'ref',
    'categoryId',
    'benefit',
    'schedule',
    'audience',
    'minFamilySize',
    'limits',
  ] as const)
    if (!sameJson(before[key], after[key])) changes[key] = { from: before[key], to: after[key] };
  const languages = [...new Set([...Object.keys(before.texts), ...Object.keys(after.texts)])];
  const changedTexts = languages.filter((l) => !sameJson(before.texts[l], after.texts[l])).sort();
  if (changedTexts.length) changes.texts = { languages: changedTexts };
  const added = after.outletIds.filter((id) => !before.outletIds.includes(id));
  const removed = before.outletIds.filter((id) => !after.outletIds.includes(id));
  if (added.length || removed.length) changes.outletIds = { added, removed };
  return changes;
}
