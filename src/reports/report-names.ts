import { FAMILY_READERS, STAFF_READERS, type Role } from '../auth/roles';

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

/**
 * Who may download each report. Counts are for every staff role; the list of expiring cards names card numbers,
 * so only the staff who work with families' cards read it (as GET /api/v1/cards).
 */
export const REPORT_READERS: Record<ReportName, readonly Role[]> = {
  applications: STAFF_READERS,
  cards: STAFF_READERS,
  'cards-expiring': FAMILY_READERS,
  partners: STAFF_READERS,
  'partner-activity': STAFF_READERS,
};

export const mayRead = (role: Role | null | undefined, name: ReportName): boolean =>
  !!role && REPORT_READERS[name].includes(role);

/** Weeks in the applications report when none are asked for, and the most it covers. */
export const DEFAULT_WEEKS = 12;
export const MAX_WEEKS = 260;
/** How far ahead the expiring-cards report looks, in days (today included). */
export const EXPIRING_DAYS = 90;
