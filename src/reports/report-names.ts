/** The CSV reports, by the name in their URL. */
export const REPORT_NAMES = [
  'applications',
  'cards',
  'cards-expiring',
  'partners',
  'partner-activity',
] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

export const isReportName = (name: string): name is ReportName =>
  (REPORT_NAMES as readonly string[]).includes(name);

/** Weeks in the applications report when none are asked for, and the most it covers. */
export const DEFAULT_WEEKS = 12;
export const MAX_WEEKS = 260;
/** How far ahead the expiring-cards report looks, in days (today included). */
export const EXPIRING_DAYS = 90;
