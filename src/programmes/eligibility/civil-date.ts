import type { IsoDate } from './eligibility.types';

/*
 * Calendar-day arithmetic on 'YYYY-MM-DD' strings. Eligibility is about calendar days in the programme's
 * time zone, never about instants, so nothing here goes through a local-time Date: the arithmetic is plain
 * integers on year/month/day (days since 1970-01-01 in the proleptic Gregorian calendar).
 */

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MIN_YEAR = 1;
const MAX_YEAR = 9999;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isValidCivil(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= MIN_YEAR &&
    year <= MAX_YEAR &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** True for a real calendar date written exactly as 'YYYY-MM-DD' (years 0001-9999). */
export function isIsoDate(value: unknown): value is IsoDate {
  return civilOf(value) !== null;
}

function civilOf(value: unknown): CivilDate | null {
  const match = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  if (match === null) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isValidCivil(year, month, day) ? { year, month, day } : null;
}

/** Splits a date into numbers; throws RangeError for anything `isIsoDate` rejects. */
export function parseIsoDate(value: IsoDate): CivilDate {
  const civil = civilOf(value);
  if (civil === null) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(value)}`);
  return civil;
}

/** Builds 'YYYY-MM-DD'; throws RangeError for a day that does not exist. */
export function formatIsoDate({ year, month, day }: CivilDate): IsoDate {
  if (!isValidCivil(year, month, day)) throw new RangeError(`Not a calendar date: ${year}-${month}-${day}`);
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Negative when a is earlier, 0 when equal, positive when later. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return toDayNumber(parseIsoDate(a)) - toDayNumber(parseIsoDate(b));
}

export function minDate(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  return rest.reduce((min, d) => (compareDates(d, min) < 0 ? d : min), first);
}

export function maxDate(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  return rest.reduce((max, d) => (compareDates(d, max) > 0 ? d : max), first);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`days must be an integer: ${days}`);
  return formatIsoDate(fromDayNumber(toDayNumber(parseIsoDate(date)) + days));
}

export function dayBefore(date: IsoDate): IsoDate {
  return addDays(date, -1);
}

/**
 * The day a person born on `birthDate` reaches the age `years`.
 *
 * Someone born on 29 February reaches an age on 28 February in a non-leap year. This follows the Polish Civil
 * Code, art. 112: a term counted in years ends on the day that corresponds to its start, and when that day does
 * not exist in the final month, on the last day of that month; age is reached at the beginning of that day.
 * (Some other legal systems choose 1 March; the programme follows the Polish rule.)
 */
export function anniversary(birthDate: IsoDate, years: number): IsoDate {
  if (!Number.isInteger(years)) throw new RangeError(`years must be an integer: ${years}`);
  const birth = parseIsoDate(birthDate);
  const year = birth.year + years;
  return formatIsoDate({
    year,
    month: birth.month,
    day: Math.min(birth.day, daysInMonth(year, birth.month)),
  });
}

/** Completed years on `date` (consistent with `anniversary`: the age changes on the anniversary itself). */
export function ageOn(birthDate: IsoDate, date: IsoDate): number {
  const years = parseIsoDate(date).year - parseIsoDate(birthDate).year;
  return compareDates(date, anniversary(birthDate, years)) >= 0 ? years : years - 1;
}

// Building an Intl.DateTimeFormat costs far more than using one (an import of 60,000 offers spent most of
// its time here), so one of each kind is kept per time zone.
const DAY_FORMATS = new Map<string, Intl.DateTimeFormat>();
const CLOCK_FORMATS = new Map<string, Intl.DateTimeFormat>();

function formatter(
  cache: Map<string, Intl.DateTimeFormat>,
  timeZone: string,
  make: () => Intl.DateTimeFormat,
): Intl.DateTimeFormat {
  let format = cache.get(timeZone);
  if (!format) cache.set(timeZone, (format = make()));
  return format;
}

/** Per time zone, the last day asked for and the instants it spans: most calls fall on the same day. */
const LAST_DAYS = new Map<string, { date: IsoDate; from: number; to: number }>();

/**
 * The calendar day in `timeZone` at the instant `now`. This is the only place where the clock meets the
 * calendar: at 23:30 UTC on 31 December it is already 1 January in Europe/Warsaw.
 */
export function todayIn(timeZone: string, now: Date): IsoDate {
  const time = now.getTime();
  const last = LAST_DAYS.get(timeZone);
  if (last && time >= last.from && time < last.to) return last.date;
  const date = dayAt(timeZone, now);
  const from = startOfDayIn(date, timeZone).getTime();
  const to = startOfDayIn(addDays(date, 1), timeZone).getTime();
  if (time >= from && time < to) LAST_DAYS.set(timeZone, { date, from, to });
  return date;
}

function dayAt(timeZone: string, now: Date): IsoDate {
  // formatToParts rather than the formatted string: the en-CA pattern is locale data that ICU may change.
  const parts = formatter(
    DAY_FORMATS,
    timeZone,
    () => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }),
  ).formatToParts(now);
  const part = (type: 'year' | 'month' | 'day') => Number(parts.find((p) => p.type === type)?.value);
  return formatIsoDate({ year: part('year'), month: part('month'), day: part('day') });
}

/** The instant a calendar day begins in a time zone (midnight, or the first moment after a skipped midnight). */
export function startOfDayIn(date: IsoDate, timeZone: string): Date {
  const { year, month, day } = parseIsoDate(date);
  const wall = Date.UTC(year, month - 1, day);
  // Midnight under the offsets on either side of a change-over; where midnight was skipped only the later
  // candidate falls on the day itself, and it is the change-over instant.
  const first = wall - offsetAt(wall, timeZone);
  const second = wall - offsetAt(first, timeZone);
  const onDay = [first, second].filter((t) => dayAt(timeZone, new Date(t)) === date);
  return new Date(Math.min(...(onDay.length ? onDay : [second])));
}

/** How far the zone's wall clock is ahead of UTC at an instant, in ms. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = formatter(
    CLOCK_FORMATS,
    timeZone,
    () =>
      new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      }),
  ).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return wall - Math.floor(instant / 1000) * 1000;
}

// Howard Hinnant's days_from_civil / civil_from_days: exact integer conversions, valid for any year.
function toDayNumber({ year, month, day }: CivilDate): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function fromDayNumber(dayNumber: number): CivilDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: era * 400 + yearOfEra + (month <= 2 ? 1 : 0), month, day };
}
