/** Opening hours by weekday: a list of [opens, closes] times ('HH:MM', 24 h); a missing day is closed. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export type OpeningHours = Partial<Record<Weekday, Array<[string, string]>>>;

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** What is wrong with opening hours, as messages naming the day; empty when they are fine. */
export function openingHoursProblems(hours: unknown): string[] {
  if (typeof hours !== 'object' || hours === null || Array.isArray(hours))
    return ['openingHours must be an object with keys mon … sun'];
  const problems: string[] = [];
  for (const [day, intervals] of Object.entries(hours)) {
    if (!(WEEKDAYS as readonly string[]).includes(day)) {
      problems.push(`openingHours.${day} is not a weekday (mon, tue, wed, thu, fri, sat, sun)`);
      continue;
    }
    if (!Array.isArray(intervals) || intervals.length > 4) {
      problems.push(`openingHours.${day} must be a list of at most 4 [opens, closes] pairs`);
      continue;
    }
    let previousClose = '';
    for (const interval of intervals as unknown[]) {
      const ok =
        Array.isArray(interval) &&
        interval.length === 2 &&
        interval.every((t) => typeof t === 'string' && TIME.test(t));
      if (!ok) {
        problems.push(`openingHours.${day} times must be pairs of HH:MM, such as ["09:00", "17:00"]`);
        break;
      }
      const [opens, closes] = interval as [string, string];
      // "00:00" as closing time means midnight at the end of the day.
      if (closes !== '00:00' && closes <= opens)
        problems.push(`openingHours.${day}: ${closes} is not after ${opens}`);
      else if (opens < previousClose)
        problems.push(`openingHours.${day}: intervals overlap or are out of order`);
      previousClose = closes === '00:00' ? '24:00' : closes;
    }
  }
  return problems;
}
