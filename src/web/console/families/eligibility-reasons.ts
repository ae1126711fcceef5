import type { Reason } from '../../../programmes/eligibility/eligibility.types';
import { fill } from '../../page-format';

/**
 * The eligibility engine explains itself in English, with its numbers and dates inside the text (see
 * src/programmes/eligibility/eligibility.ts). A page in another language shows the message of the reason's
 * code from the `eligibilityReasons` catalogue section, with the parameters read back from the engine's text;
 * a code (or a wording) it does not know keeps the engine's English, so nothing is ever lost.
 */
interface ReasonPattern {
  /** The catalogue key of this wording: the code itself, or `<code>_<variant>`. */
  key: string;
  pattern: RegExp;
}

/** The language the engine writes its messages in. */
const ENGINE_LANGUAGE = 'en';

const DATE = '(?<date>\\d{4}-\\d{2}-\\d{2})';

/** The engine's wordings by reason code, each with the parameters it carries. */
export const REASON_PATTERNS: Record<string, ReasonPattern[]> = {
  enough_qualifying_children: [
    {
      key: 'enough_qualifying_children',
      pattern: /^(?<count>\d+) qualifying children \(at least (?<min>\d+) needed\)$/,
    },
  ],
  too_few_children: [
    {
      key: 'too_few_children',
      pattern: /^(?<count>\d+) qualifying children \(at least (?<min>\d+) needed\)$/,
    },
  ],
  residency_not_met: [{ key: 'residency_not_met', pattern: /^Outside the programme area$/ }],
  former_large_family: [
    {
      key: 'former_large_family',
      pattern: /^Parents who have or had at least (?<min>\d+) children keep qualifying$/,
    },
    { key: 'former_large_family_parent', pattern: /^Parent of a former large family, card for life$/ },
  ],
  child_under_age_limit: [{ key: 'child_under_age_limit', pattern: /^Child under (?<age>\d+)$/ }],
  in_education: [{ key: 'in_education', pattern: new RegExp(`^In education, until ${DATE}$`) }],
  disability_certificate: [
    { key: 'disability_certificate', pattern: new RegExp(`^Disability certificate until ${DATE}$`) },
  ],
  disability_permanent: [{ key: 'disability_permanent', pattern: /^Permanent disability certificate$/ }],
  child_over_age_limit: [
    { key: 'child_over_age_limit', pattern: new RegExp(`^Reached (?<age>\\d+) on ${DATE}$`) },
  ],
  education_ended: [{ key: 'education_ended', pattern: new RegExp(`^Education period ended on ${DATE}$`) }],
  education_past_age_limit: [
    {
      key: 'education_past_age_limit',
      pattern: new RegExp(`^Reached (?<age>\\d+) on ${DATE}, the limit for children in education$`),
    },
  ],
  disability_certificate_ended: [
    { key: 'disability_certificate_ended', pattern: new RegExp(`^Disability certificate ended on ${DATE}$`) },
  ],
  foster_placement_ended: [
    { key: 'foster_placement_ended', pattern: new RegExp(`^Foster placement ended on ${DATE}$`) },
  ],
  capped_by_foster_placement: [
    { key: 'capped_by_foster_placement', pattern: new RegExp(`^Foster placement ends on ${DATE}$`) },
  ],
  former_large_family_parents_only: [
    { key: 'former_large_family_parents_only', pattern: /^Former large family: only parents get cards$/ },
  ],
  parent_lifetime: [{ key: 'parent_lifetime', pattern: /^Parent card valid for life$/ }],
  parent_while_family_qualifies: [
    {
      key: 'parent_while_family_qualifies',
      pattern: new RegExp(`^Valid while the family has (?<min>\\d+) qualifying children \\(${DATE}\\)$`),
    },
    {
      key: 'parent_while_family_qualifies_indefinitely',
      pattern: /^Valid while the family has (?<min>\d+) qualifying children \(indefinitely\)$/,
    },
  ],
  no_parental_authority: [{ key: 'no_parental_authority', pattern: /^Parent without parental authority$/ }],
  family_not_qualifying: [{ key: 'family_not_qualifying', pattern: /^The family does not qualify$/ }],
  residence_permit_expired: [
    { key: 'residence_permit_expired', pattern: new RegExp(`^Residence permit ended on ${DATE}$`) },
  ],
  capped_by_residence_permit: [
    { key: 'capped_by_residence_permit', pattern: new RegExp(`^Residence permit ends on ${DATE}$`) },
  ],
};

/** A calendar day (YYYY-MM-DD) as `language` writes it; noon UTC keeps the day in every zone. */
const calendarDay = (iso: string, language: string): string =>
  new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${iso}T12:00:00Z`),
  );

/**
 * The reason in the page's language: `messages` is the language's `eligibilityReasons` section (undefined when
 * the language has none). Numbers and dates are written as the language writes them; null when the code or its
 * wording is unknown.
 */
export function translateReason(
  reason: Reason,
  messages: Record<string, string> | undefined,
  language: string,
): string | null {
  if (!messages) return null;
  for (const { key, pattern } of REASON_PATTERNS[reason.code] ?? []) {
    const match = pattern.exec(reason.message);
    const text = messages[key];
    if (!match || !text) continue;
    const params = Object.fromEntries(
      Object.entries(match.groups ?? {}).map(([name, value]) => [
        name,
        name === 'date'
          ? calendarDay(value, language)
          : new Intl.NumberFormat(language).format(Number(value)),
      ]),
    );
    return fill(text, params);
  }
  return null;
}

/** A reason as a page shows it: translated, or the engine's English marked as English (`lang`) for screen readers. */
export function reasonView(
  reason: Reason,
  messages: Record<string, string> | undefined,
  language: string,
): { text: string; lang: string | null } {
  const text = translateReason(reason, messages, language);
  return text !== null
    ? { text, lang: null }
    : { text: reason.message, lang: language === ENGINE_LANGUAGE ? null : ENGINE_LANGUAGE };
}
