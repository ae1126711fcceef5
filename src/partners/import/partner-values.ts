import { minorUnitDigits } from '../../offers/offer-benefit';
import { normalizeDate } from '../../families/import/csv-values';
import type { OfferAudience, OfferBenefit } from '../../offers/offer-benefit';
import { LIMIT_FIELDS, OfferLimits } from '../../offers/offer-limits';
import type { OfferSchedule } from '../../offers/offer-schedule';
import { OpeningHours, WEEKDAYS, Weekday } from '../opening-hours';

/*
 * How the partner import spells the API's structured fields in one CSV cell each. Only the spelling is checked
 * here; whether the value is allowed (percent 1-100, dates in order, opening hours not overlapping…) is left to
 * the API's own pure checks, so the import accepts exactly what the API accepts.
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (message: string): Parsed<never> => ({ ok: false, message });

/** Dashes a spreadsheet may put in place of '-'. */
const dashes = (text: string) => text.replace(/[\u2010-\u2015\u2212]/g, '-');

/** "51.2465", "-0.5", or with a decimal comma as Polish spreadsheets write it: "51,2465". */
export function parseDecimal(value: string, example = '51.2465'): Parsed<number> {
  const text = dashes(value);
  if (!/^[+-]?\d+(?:[.,]\d+)?$/.test(text))
    return fail(`must be a number such as ${example} (got "${value}")`);
  return ok(Number(text.replace(',', '.')));
}

export function parseWholeNumber(value: string, message: string): Parsed<number> {
  return /^\d{1,9}$/.test(value) ? ok(Number(value)) : fail(`${message} (got "${value}")`);
}

// ---------------------------------------------------------------------------------------------------------------
// Opening hours: "mon-fri 09:00-17:00; sat 10:00-14:00", "mon,wed 9:00-12:00,13:00-18:00", "sun closed".

/** English three-letter days, and the Polish abbreviations found on shop doors. */
const DAY_NAMES: Readonly<Record<string, Weekday>> = {
  ...Object.fromEntries(WEEKDAYS.map((d) => [d, d])),
  pn: 'mon',
  pon: 'mon',
  wt: 'tue',
  śr: 'wed',
  sr: 'wed',
  cz: 'thu',
  czw: 'thu',
  pt: 'fri',
  sb: 'sat',
  sob: 'sat',
  nd: 'sun',
  niedz: 'sun',
};

const OPENING_EXAMPLE = '"mon-fri 09:00-17:00; sat 10:00-14:00"';

function daysOf(spec: string): Weekday[] | null {
  const days: Weekday[] = [];
  for (const part of spec.split(',')) {
    const [from, to, ...rest] = part.split('-').map((d) => DAY_NAMES[d.trim()]);
    if (!from || rest.length || (to === undefined && part.includes('-'))) return null;
    if (!to) {
      days.push(from);
      continue;
    }
    // A range may wrap round the week: "fri-mon" is Friday to Monday.
    for (let i = WEEKDAYS.indexOf(from); ; i = (i + 1) % 7) {
      days.push(WEEKDAYS[i]);
      if (WEEKDAYS[i] === to) break;
    }
  }
  return days;
}

/** "9:00" is "09:00"; "24:00" as a closing time is "00:00", which the API reads as midnight at the day's end. */
function timeOf(text: string, closing: boolean): string | null {
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(text.trim());
  if (!match) return null;
  const time = `${match[1].padStart(2, '0')}:${match[2]}`;
  return closing && time === '24:00' ? '00:00' : time;
}

/**
 * Entries separated by ';', each days then hours: days as mon…sun (or pn, wt, śr, cz, pt, sb, nd), several
 * separated by ',' and ranges by '-'; hours as HH:MM-HH:MM, several separated by ','; or "closed". A day not
 * named is closed. The result is the API's OpeningHours, checked by openingHoursProblems afterwards.
 */
export function parseOpeningHours(value: string): Parsed<OpeningHours> {
  const hours: OpeningHours = {};
  for (const raw of value.split(';')) {
    const entry = dashes(raw).trim().toLowerCase();
    if (entry === '') continue;
    const match = /^(\S+)\s+(.+)$/.exec(entry);
    const days = match ? daysOf(match[1]) : null;
    if (!match || !days) return fail(`must be like ${OPENING_EXAMPLE} (cannot read "${raw.trim()}")`);
    if (match[2].trim() === 'closed') continue;
    const intervals: Array<[string, string]> = [];
    for (const interval of match[2].split(',')) {
      const [opens, closes, ...rest] = interval.split('-');
      const pair = [timeOf(opens ?? '', false), timeOf(closes ?? '', true)];
      if (rest.length || pair.includes(null))
        return fail(`must be like ${OPENING_EXAMPLE} (cannot read the hours "${interval.trim()}")`);
      intervals.push(pair as [string, string]);
    }
    for (const day of days)
      hours[day] = [...(hours[day] ?? []), ...intervals.map((i) => [...i] as [string, string])];
  }
  // Stored in weekday order whatever order the cell gives them in.
  return ok(Object.fromEntries(WEEKDAYS.filter((d) => hours[d]).map((d) => [d, hours[d]])) as OpeningHours);
}

// ---------------------------------------------------------------------------------------------------------------
// Benefit: "percent:20", "amount_off:15.00", "special_price:9.99", "free_entry", "free_text".

const BENEFIT_SPELLINGS = 'percent:N, amount_off:AMOUNT, special_price:AMOUNT, free_entry or free_text';

/** An amount in major units ("15", "15.00", "15,5") as a whole number of minor units, computed exactly. */
export function parseMoney(value: string, currency: string): Parsed<number> {
  const digits = minorUnitDigits(currency);
  const match = /^(\d{1,12})(?:[.,](\d+))?$/.exec(value.replace(/\s/g, ''));
  if (!match) return fail(`must be an amount in ${currency} such as 15.00 (got "${value}")`);
  const fraction = match[2] ?? '';
  if (fraction.length > digits)
    return fail(`${currency} amounts have at most ${digits} decimal places (got "${value}")`);
  return ok(Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0'));
}

export function parseBenefit(value: string, currency: string): Parsed<OfferBenefit> {
  const [type, ...rest] = value.split(':');
  const argument = rest.join(':').trim();
  const needs = (has: boolean): Parsed<never> | null =>
    has === (argument !== '') ? null : fail(`must be one of ${BENEFIT_SPELLINGS} (got "${value}")`);
  switch (type.trim().toLowerCase()) {
    case 'percent': {
      const problem = needs(true);
      if (problem) return problem;
      const percent = parseDecimal(argument.replace(/\s*%$/, ''), '20 or 12.5');
      return percent.ok
        ? ok({ type: 'percent', percent: percent.value })
        : fail(`percent ${percent.message}`);
    }
    case 'amount_off':
    case 'special_price': {
      const problem = needs(true);
      if (problem) return problem;
      const money = parseMoney(argument, currency);
      if (!money.ok) return money;
      return ok(
        type.trim().toLowerCase() === 'amount_off'
          ? { type: 'amount_off', amount: money.value }
          : { type: 'special_price', price: money.value },
      );
    }
    case 'free_entry':
    case 'free_text':
      return needs(false) ?? ok({ type: type.trim().toLowerCase() as 'free_entry' | 'free_text' });
    default:
      return fail(`must be one of ${BENEFIT_SPELLINGS} (got "${value}")`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Schedule: "permanent", "temporary:2026-12-01..2027-01-31", "seasonal:12-15..01-06",
// "occasional:2026-12-31T20:00+01:00..2027-01-01T02:00+01:00".

const SCHEDULE_SPELLINGS =
  'permanent, temporary:FIRST_DAY..LAST_DAY, seasonal:MM-DD..MM-DD or occasional:START..END';

export function parseSchedule(value: string): Parsed<OfferSchedule> {
  const colon = value.indexOf(':');
  const kind = (colon === -1 ? value : value.slice(0, colon)).trim().toLowerCase();
  const argument = colon === -1 ? '' : value.slice(colon + 1).trim();
  const range = argument.split('..').map((s) => s.trim());
  const wrong = fail(`must be one of ${SCHEDULE_SPELLINGS} (got "${value}")`);
  if (kind === 'permanent') return argument === '' ? ok({ kind: 'permanent' }) : wrong;
  if (range.length !== 2 || range.some((s) => s === '')) return wrong;
  const [from, to] = range;
  switch (kind) {
    case 'temporary':
      // Dates as the family import reads them: YYYY-MM-DD or DD.MM.YYYY; anything else is left for the API's check.
      return ok({
        kind: 'temporary',
        startsOn: normalizeDate(from) ?? from,
        endsOn: normalizeDate(to) ?? to,
      });
    case 'seasonal':
      return ok({ kind: 'seasonal', fromMonthDay: from, toMonthDay: to });
    case 'occasional':
      return ok({ kind: 'occasional', startsAt: from, endsAt: to });
    default:
      return wrong;
  }
}

/** The schedule's field names in the API's messages, as the cell spells them. */
export const SCHEDULE_WORDS: Readonly<Record<string, string>> = {
  startsOn: 'the first day',
  endsOn: 'the last day',
  fromMonthDay: 'the first day',
  toMonthDay: 'the last day',
  startsAt: 'the start',
  endsAt: 'the end',
};

// ---------------------------------------------------------------------------------------------------------------
// Audience: "all", "children", "parents", "age:6-12", "age:6-", "age:-12".

export function parseAudience(value: string): Parsed<OfferAudience> {
  const text = dashes(value).trim().toLowerCase();
  if (text === 'all' || text === 'children' || text === 'parents') return ok({ kind: text });
  const age = /^age\s*:\s*(\d{0,3})\s*-\s*(\d{0,3})$/.exec(text);
  if (!age || (age[1] === '' && age[2] === ''))
    return fail(`must be all, children, parents or age:MIN-MAX such as age:6-12 (got "${value}")`);
  const audience: OfferAudience = { kind: 'age_range' };
  if (age[1] !== '') audience.minAge = Number(age[1]);
  if (age[2] !== '') audience.maxAge = Number(age[2]);
  return ok(audience);
}

// ---------------------------------------------------------------------------------------------------------------
// Limits: "day:1;week:3;month:5;total:10;family:20" (';', ',' or spaces between).

export const LIMIT_WORDS: Readonly<Record<string, (typeof LIMIT_FIELDS)[number]>> = {
  day: 'perCardPerDay',
  week: 'perCardPerWeek',
  month: 'perCardPerMonth',
  total: 'perCardTotal',
  family: 'perFamilyTotal',
};

export function parseLimits(value: string): Parsed<OfferLimits> {
  const limits: OfferLimits = {};
  for (const part of value.split(/[;,\s]+/).filter(Boolean)) {
    const [word, count, ...rest] = part.split(':');
    const field = LIMIT_WORDS[word.toLowerCase()];
    if (!field || count === undefined || rest.length)
      return fail(
        `must be limits such as day:1;week:3;total:10;family:20 (words: ${Object.keys(LIMIT_WORDS).join(', ')}; ` +
          `cannot read "${part}")`,
      );
    if (limits[field] !== undefined) return fail(`names ${word} twice`);
    const n = parseWholeNumber(count, `${word} must be a whole number from 1 to 10000`);
    if (!n.ok) return n;
    limits[field] = n.value;
  }
  return ok(limits);
}

// ---------------------------------------------------------------------------------------------------------------
// Outlets of an offer: refs separated by ';', ',' or spaces, or '*' for every outlet of the partner.

export type OutletRefs = { all: true } | { all: false; refs: string[] };

export function parseOutletRefs(value: string): Parsed<OutletRefs> {
  if (value.trim() === '*') return ok({ all: true });
  const refs = value.split(/[;,\s]+/).filter(Boolean);
  const seen = new Set<string>();
  for (const ref of refs) {
    if (ref === '*') return fail('"*" means every outlet of the partner and stands alone');
    if (seen.has(ref)) return fail(`names outlet ${ref} twice`);
    seen.add(ref);
  }
  return ok({ all: false, refs });
}
