import {
  addDays,
  compareDates,
  daysInMonth,
  formatIsoDate,
  isIsoDate,
  parseIsoDate,
  startOfDayIn,
  todayIn,
} from '../programmes/eligibility/civil-date';
import type { IsoDate } from '../programmes/eligibility/eligibility.types';

/*
 * When an offer runs. Dates are calendar days in the programme's time zone (an offer "until 31 December" runs
 * until midnight in Warsaw, not in UTC); occasional events are exact instants. Every schedule is turned into
 * windows of instants, [start, end), which is all the questions below need.
 */

export type OfferSchedule =
  | { kind: 'permanent' }
  | { kind: 'temporary'; startsOn: IsoDate; endsOn: IsoDate } // inclusive
  | { kind: 'seasonal'; fromMonthDay: string; toMonthDay: string } // 'MM-DD', inclusive, every year
  | { kind: 'occasional'; startsAt: string; endsAt: string }; // ISO 8601 instants with an offset or Z

export type OfferStatus = 'draft' | 'pending_approval' | 'published' | 'paused' | 'ended';
export type OfferAvailability = 'active' | 'upcoming' | 'inactive';

export interface OfferWindow {
  start: Date;
  /** Exclusive. */
  end: Date;
}

export const SCHEDULE_KINDS = ['permanent', 'temporary', 'seasonal', 'occasional'] as const;
/** How far ahead an offer counts as "upcoming" in the catalogue, in calendar days. */
export const UPCOMING_DAYS = 30;
/** One-off events are evenings or festivals; anything longer is a temporary offer. */
export const MAX_OCCASIONAL_DAYS = 31;

const DAY_MS = 86_400_000;
/** The earliest and latest instants a Date can hold: the one window of a permanent offer. */
const DATE_RANGE_MS = 8.64e15;
const INSTANT =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-](0\d|1[0-4]):[0-5]\d)$/;

interface MonthDay {
  month: number;
  day: number;
}

/** 'MM-DD' for a day that exists in some year (02-29 included). */
function parseMonthDay(value: unknown): MonthDay | null {
  const match = typeof value === 'string' ? /^(\d{2})-(\d{2})$/.exec(value) : null;
  if (match === null) return null;
  const [month, day] = [Number(match[1]), Number(match[2])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(2000, month) ? { month, day } : null;
}

/** An instant only when written with its offset: a bare local time would mean different things per server. */
function parseInstant(value: unknown): number | null {
  const match = typeof value === 'string' ? INSTANT.exec(value) : null;
  // Date.parse rolls 31 February over into March, so the calendar date is checked on its own.
  return match !== null && isIsoDate(match[1]) ? Date.parse(value as string) : null;
}

/** 29 February stands for 28 February in other years (the last day of February either way). */
function inYear({ month, day }: MonthDay, year: number): IsoDate {
  return formatIsoDate({ year, month, day: Math.min(day, daysInMonth(year, month)) });
}

function daysWindow(first: IsoDate, last: IsoDate, timeZone: string): OfferWindow {
  return { start: startOfDayIn(first, timeZone), end: startOfDayIn(addDays(last, 1), timeZone) };
}

/** The windows that can contain `now` or be the next one after it, earliest first; none for a malformed schedule. */
function windowsAround(schedule: OfferSchedule, now: Date, timeZone: string): OfferWindow[] {
  if (shapeProblems(schedule).length > 0) return [];
  switch (schedule.kind) {
    case 'permanent':
      return [{ start: new Date(-DATE_RANGE_MS), end: new Date(DATE_RANGE_MS) }];
    case 'temporary':
      return [daysWindow(schedule.startsOn, schedule.endsOn, timeZone)];
    case 'occasional':
      return [
        { start: new Date(parseInstant(schedule.startsAt)!), end: new Date(parseInstant(schedule.endsAt)!) },
      ];
    case 'seasonal': {
      const [from, to] = [parseMonthDay(schedule.fromMonthDay)!, parseMonthDay(schedule.toMonthDay)!];
      const crossesNewYear = to.month * 100 + to.day < from.month * 100 + from.day;
      // Last year's window may still run (crossing New Year); next year's is the next one after this year's.
      const thisYear = parseIsoDate(todayIn(timeZone, now)).year;
      return [thisYear - 1, thisYear, thisYear + 1].map((year) =>
        daysWindow(inYear(from, year), inYear(to, crossesNewYear ? year + 1 : year), timeZone),
      );
    }
  }
}

export function currentWindow(schedule: OfferSchedule, now: Date, timeZone: string): OfferWindow | null {
  const t = now.getTime();
  return (
    windowsAround(schedule, now, timeZone).find((w) => w.start.getTime() <= t && t < w.end.getTime()) ?? null
  );
}

/** The first window that starts after `now`; null for a permanent offer or one that is over. */
export function nextWindow(schedule: OfferSchedule, now: Date, timeZone: string): OfferWindow | null {
  return windowsAround(schedule, now, timeZone).find((w) => w.start.getTime() > now.getTime()) ?? null;
}

export function isActiveAt(schedule: OfferSchedule, now: Date, timeZone: string): boolean {
  return currentWindow(schedule, now, timeZone) !== null;
}

/**
 * What the catalogue shows. Only published offers run; "upcoming" means the next window starts on one of the
 * next `horizonDays` calendar days in the programme's time zone.
 */
export function offerAvailability(
  status: OfferStatus,
  schedule: OfferSchedule,
  now: Date,
  timeZone: string,
  horizonDays: number = UPCOMING_DAYS,
): OfferAvailability {
  if (!Number.isInteger(horizonDays) || horizonDays < 0) {
    throw new RangeError(`horizonDays must be a whole number >= 0: ${horizonDays}`);
  }
  if (status !== 'published') return 'inactive';
  if (isActiveAt(schedule, now, timeZone)) return 'active';
  const next = nextWindow(schedule, now, timeZone);
  const horizonEnd = startOfDayIn(addDays(todayIn(timeZone, now), horizonDays + 1), timeZone);
  return next !== null && next.start < horizonEnd ? 'upcoming' : 'inactive';
}

/** Messages for a partner's form; an empty list means the schedule can be saved. */
export function scheduleProblems(schedule: OfferSchedule): string[] {
  const problems = shapeProblems(schedule);
  if (problems.length === 0 && schedule.kind === 'occasional') {
    const length = parseInstant(schedule.endsAt)! - parseInstant(schedule.startsAt)!;
    if (length > MAX_OCCASIONAL_DAYS * DAY_MS) {
      problems.push(
        `an occasional offer may last at most ${MAX_OCCASIONAL_DAYS} days; make it a temporary one`,
      );
    }
  }
  return problems;
}

/** What makes a schedule meaningless, as opposed to merely against the rules; such schedules never run. */
function shapeProblems(schedule: OfferSchedule): string[] {
  const problems: string[] = [];
  switch (schedule?.kind) {
    case 'permanent':
      return problems;
    case 'temporary': {
      const { startsOn, endsOn } = schedule;
      if (!isIsoDate(startsOn)) problems.push('startsOn must be a date as YYYY-MM-DD');
      if (!isIsoDate(endsOn)) problems.push('endsOn must be a date as YYYY-MM-DD');
      if (problems.length === 0 && compareDates(endsOn, startsOn) < 0)
        problems.push('endsOn must not be before startsOn');
      return problems;
    }
    case 'seasonal':
      for (const field of ['fromMonthDay', 'toMonthDay'] as const) {
        if (!parseMonthDay(schedule[field]))
          problems.push(`${field} must be a day of the year as MM-DD, e.g. 12-15`);
      }
      return problems;
    case 'occasional': {
      const [start, end] = [parseInstant(schedule.startsAt), parseInstant(schedule.endsAt)];
      const example = 'e.g. 2026-06-01T18:00:00+02:00';
      if (start === null) problems.push(`startsAt must be a date and time with its offset, ${example}`);
      if (end === null) problems.push(`endsAt must be a date and time with its offset, ${example}`);
      if (start !== null && end !== null && end <= start) problems.push('endsAt must be after startsAt');
      return problems;
    }
    default:
      return [`schedule kind must be one of: ${SCHEDULE_KINDS.join(', ')}`];
  }
}
