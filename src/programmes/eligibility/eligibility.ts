import { anniversary, compareDates, dayBefore, isIsoDate, minDate, parseIsoDate } from './civil-date';
import type {
  EligibilityRules,
  FamilyDecision,
  FamilyFacts,
  IsoDate,
  MemberDecision,
  MemberFacts,
  Reason,
  ResidencyRule,
} from './eligibility.types';

/*
 * The eligibility engine: a pure function of the programme's rules, the family's facts and one calendar day.
 * It never reads the clock or the database, so the same inputs always give the same decision, and a decision
 * can be replayed later to explain it. All end dates in the facts are inclusive (the last day something holds).
 */

/** Every reason code the engine can give; the service and docs/eligibility.md list them from here. */
export const REASON_CODES = {
  // Family
  ENOUGH_QUALIFYING_CHILDREN: 'enough_qualifying_children',
  TOO_FEW_CHILDREN: 'too_few_children',
  RESIDENCY_NOT_MET: 'residency_not_met',
  FORMER_LARGE_FAMILY: 'former_large_family',
  // Children: grounds that hold
  CHILD_UNDER_AGE_LIMIT: 'child_under_age_limit',
  IN_EDUCATION: 'in_education',
  DISABILITY_CERTIFICATE: 'disability_certificate',
  DISABILITY_PERMANENT: 'disability_permanent',
  // Children: grounds that have passed
  CHILD_OVER_AGE_LIMIT: 'child_over_age_limit',
  EDUCATION_ENDED: 'education_ended',
  EDUCATION_PAST_AGE_LIMIT: 'education_past_age_limit',
  DISABILITY_CERTIFICATE_ENDED: 'disability_certificate_ended',
  FOSTER_PLACEMENT_ENDED: 'foster_placement_ended',
  CAPPED_BY_FOSTER_PLACEMENT: 'capped_by_foster_placement',
  FORMER_LARGE_FAMILY_PARENTS_ONLY: 'former_large_family_parents_only',
  // Parents
  PARENT_LIFETIME: 'parent_lifetime',
  PARENT_WHILE_FAMILY_QUALIFIES: 'parent_while_family_qualifies',
  NO_PARENTAL_AUTHORITY: 'no_parental_authority',
  // Anyone
  FAMILY_NOT_QUALIFYING: 'family_not_qualifying',
  RESIDENCE_PERMIT_EXPIRED: 'residence_permit_expired',
  CAPPED_BY_RESIDENCE_PERMIT: 'capped_by_residence_permit',
} as const;

export type ReasonCode = (typeof REASON_CODES)[keyof typeof REASON_CODES];

/** One line per code, for listings; the decision itself carries a message with the actual numbers and dates. */
export const REASON_DESCRIPTIONS: Readonly<Record<ReasonCode, string>> = {
  enough_qualifying_children: 'The family has at least minChildren qualifying children',
  too_few_children: 'The family has fewer than minChildren qualifying children',
  residency_not_met: "The family's postal code or municipality is outside the programme area",
  former_large_family: 'Parents who have or had at least minChildren children keep qualifying',
  child_under_age_limit: 'Child under childAgeLimit',
  in_education: 'Child in education, at most until the day before the educationAgeLimit-th birthday',
  disability_certificate: 'Child with a disability certificate, until it ends',
  disability_permanent: 'Child with a permanent disability certificate',
  child_over_age_limit: 'Child has reached childAgeLimit',
  education_ended: 'The education period has passed',
  education_past_age_limit: 'Child in education has reached educationAgeLimit',
  disability_certificate_ended: 'The disability certificate has ended',
  foster_placement_ended: 'The foster placement has ended',
  capped_by_foster_placement: 'The card ends with the foster placement',
  former_large_family_parents_only: 'Former large family: only parents get cards',
  parent_lifetime: 'Parent card valid for life',
  parent_while_family_qualifies: 'Parent card valid while the family qualifies',
  no_parental_authority: 'Parent without parental authority',
  family_not_qualifying: 'The family does not qualify',
  residence_permit_expired: 'The residence permit has ended',
  capped_by_residence_permit: 'The card ends with the residence permit',
};

const reason = (code: ReasonCode, message: string): Reason => ({ code, message });

/** Last valid day; null means indefinite. */
type Until = IsoDate | null;

const isAfter = (a: IsoDate, b: IsoDate) => compareDates(a, b) > 0;
const laterOf = (a: Until, b: Until): Until => (a === null || b === null ? null : isAfter(a, b) ? a : b);

const CHILD_ROLES = new Set<string>(['child', 'foster_child']);
const isChild = (m: MemberFacts) => CHILD_ROLES.has(m.role);

export function decideEligibility(
  rules: EligibilityRules,
  family: FamilyFacts,
  date: IsoDate,
): FamilyDecision {
  checkInputs(rules, family, date);
  const children = new Map(
    family.members.filter(isChild).map((m) => [m.key, assessChild(rules, m, date)] as const),
  );
  const qualifyingChildren = family.members
    .filter((m) => children.get(m.key)?.qualifies === true)
    .map((m) => m.key);

  const residencyMet = residencyPasses(rules.residency, family);
  const enoughChildren = qualifyingChildren.length >= rules.minChildren;
  // Counts every child ever in the family, whatever their age: "have or had" minChildren children.
  const former =
    !enoughChildren &&
    residencyMet &&
    rules.formerLargeFamilyParentsQualify &&
    family.members.filter(isChild).length >= rules.minChildren;
  const qualifies = residencyMet && (enoughChildren || former);

  const count = `${qualifyingChildren.length} qualifying children (at least ${rules.minChildren} needed)`;
  const reasons: Reason[] = [
    enoughChildren
      ? reason(REASON_CODES.ENOUGH_QUALIFYING_CHILDREN, count)
      : reason(REASON_CODES.TOO_FEW_CHILDREN, count),
  ];
  if (!residencyMet) reasons.push(reason(REASON_CODES.RESIDENCY_NOT_MET, 'Outside the programme area'));
  if (former) {
    reasons.push(
      reason(
        REASON_CODES.FORMER_LARGE_FAMILY,
        `Parents who have or had at least ${rules.minChildren} children keep qualifying`,
      ),
    );
  }

  const familyUntil = enoughChildren
    ? nthLatest(
        qualifyingChildren.map((key) => children.get(key)!.until),
        rules.minChildren,
      )
    : null;
  const outcome: FamilyOutcome = { qualifies, former, familyUntil };

  const members = family.members.map((m): MemberDecision => {
    const child = children.get(m.key);
    return child ? childDecision(m, child, outcome) : parentDecision(rules, m, date, outcome);
  });
  return { date, qualifies, qualifyingChildren, members, reasons };
}

interface FamilyOutcome {
  qualifies: boolean;
  /** Qualifies only under formerLargeFamilyParentsQualify: cards for parents, none for children. */
  former: boolean;
  /** Last day the family still has minChildren qualifying children (null: indefinitely). */
  familyUntil: Until;
}

interface ChildAssessment {
  qualifies: boolean;
  /** Meaningful only when qualifies. */
  until: Until;
  reasons: Reason[];
}

interface Ground {
  until: Until;
  holds: Reason;
  lapsed: Reason;
}

function childGrounds(rules: EligibilityRules, m: MemberFacts): Ground[] {
  const ageLimitDay = anniversary(m.birthDate, rules.childAgeLimit);
  const grounds: Ground[] = [
    {
      until: dayBefore(ageLimitDay),
      holds: reason(REASON_CODES.CHILD_UNDER_AGE_LIMIT, `Child under ${rules.childAgeLimit}`),
      lapsed: reason(REASON_CODES.CHILD_OVER_AGE_LIMIT, `Reached ${rules.childAgeLimit} on ${ageLimitDay}`),
    },
  ];
  if (m.educationEnd != null) {
    const end =
      rules.educationEndRule === 'september30After' ? september30After(m.educationEnd) : m.educationEnd;
    const limitDay = anniversary(m.birthDate, rules.educationAgeLimit);
    const until = minDate(end, dayBefore(limitDay));
    grounds.push({
      until,
      holds: reason(REASON_CODES.IN_EDUCATION, `In education, until ${until}`),
      lapsed:
        until === end
          ? reason(REASON_CODES.EDUCATION_ENDED, `Education period ended on ${end}`)
          : reason(
              REASON_CODES.EDUCATION_PAST_AGE_LIMIT,
              `Reached ${rules.educationAgeLimit} on ${limitDay}, the limit for children in education`,
            ),
    });
  }
  if (m.disabilityPermanent === true) {
    const permanent = reason(REASON_CODES.DISABILITY_PERMANENT, 'Permanent disability certificate');
    grounds.push({ until: null, holds: permanent, lapsed: permanent });
  } else if (m.disabilityUntil != null) {
    grounds.push({
      until: m.disabilityUntil,
      holds: reason(REASON_CODES.DISABILITY_CERTIFICATE, `Disability certificate until ${m.disabilityUntil}`),
      lapsed: reason(
        REASON_CODES.DISABILITY_CERTIFICATE_ENDED,
        `Disability certificate ended on ${m.disabilityUntil}`,
      ),
    });
  }
  return grounds;
}

function assessChild(rules: EligibilityRules, m: MemberFacts, date: IsoDate): ChildAssessment {
  const grounds = childGrounds(rules, m);
  const held = grounds.filter((g) => g.until === null || !isAfter(date, g.until));
  let qualifies = held.length > 0;
  // Several grounds: the card lasts as long as the longest of them.
  let until = held.map((g) => g.until).reduce<Until>((a, b) => laterOf(a, b), held[0]?.until ?? null);
  const reasons = qualifies ? held.map((g) => g.holds) : grounds.map((g) => g.lapsed);

  if (m.role === 'foster_child' && m.fosterPlacementEnd != null) {
    const end = m.fosterPlacementEnd;
    if (isAfter(date, end)) {
      qualifies = false;
      reasons.push(reason(REASON_CODES.FOSTER_PLACEMENT_ENDED, `Foster placement ended on ${end}`));
    } else if (qualifies && (until === null || isAfter(until, end))) {
      until = end;
      reasons.push(reason(REASON_CODES.CAPPED_BY_FOSTER_PLACEMENT, `Foster placement ends on ${end}`));
    }
  }

  const permit = applyPermit(m, date, until);
  if (qualifies || permit.expired) reasons.push(...permit.reasons);
  if (permit.expired) qualifies = false;
  return { qualifies, until: qualifies ? permit.until : null, reasons };
}

function childDecision(m: MemberFacts, child: ChildAssessment, family: FamilyOutcome): MemberDecision {
  const eligible = child.qualifies && family.qualifies && !family.former;
  const reasons = [...child.reasons];
  if (child.qualifies && !family.qualifies) {
    reasons.push(reason(REASON_CODES.FAMILY_NOT_QUALIFYING, 'The family does not qualify'));
  }
  if (family.former) {
    reasons.push(
      reason(REASON_CODES.FORMER_LARGE_FAMILY_PARENTS_ONLY, 'Former large family: only parents get cards'),
    );
  }
  return {
    key: m.key,
    role: m.role,
    eligible,
    validUntil: eligible ? child.until : null,
    qualifyingChild: child.qualifies,
    reasons,
  };
}

function parentDecision(
  rules: EligibilityRules,
  m: MemberFacts,
  date: IsoDate,
  family: FamilyOutcome,
): MemberDecision {
  const reasons: Reason[] = [];
  let eligible = family.qualifies;
  let until: Until = null;
  if (!family.qualifies) {
    reasons.push(reason(REASON_CODES.FAMILY_NOT_QUALIFYING, 'The family does not qualify'));
  } else if (family.former) {
    reasons.push(reason(REASON_CODES.FORMER_LARGE_FAMILY, 'Parent of a former large family, card for life'));
  } else if (rules.parentValidity === 'lifetime') {
    reasons.push(reason(REASON_CODES.PARENT_LIFETIME, 'Parent card valid for life'));
  } else {
    until = family.familyUntil;
    reasons.push(
      reason(
        REASON_CODES.PARENT_WHILE_FAMILY_QUALIFIES,
        `Valid while the family has ${rules.minChildren} qualifying children (${until ?? 'indefinitely'})`,
      ),
    );
  }
  // Only a parent can lose parental authority; a spouse or foster parent never had it to lose.
  if (m.role === 'parent' && m.parentalAuthority === false) {
    eligible = false;
    reasons.push(reason(REASON_CODES.NO_PARENTAL_AUTHORITY, 'Parent without parental authority'));
  }
  const permit = applyPermit(m, date, until);
  if (eligible || permit.expired) reasons.push(...permit.reasons);
  if (permit.expired) eligible = false;
  return {
    key: m.key,
    role: m.role,
    eligible,
    validUntil: eligible ? permit.until : null,
    qualifyingChild: false,
    reasons,
  };
}

/** A foreigner's card ends no later than their residence permit. */
function applyPermit(
  m: MemberFacts,
  date: IsoDate,
  until: Until,
): { expired: boolean; until: Until; reasons: Reason[] } {
  const end = m.residencePermitEnd;
  if (end == null) return { expired: false, until, reasons: [] };
  if (isAfter(date, end)) {
    return {
      expired: true,
      until: null,
      reasons: [reason(REASON_CODES.RESIDENCE_PERMIT_EXPIRED, `Residence permit ended on ${end}`)],
    };
  }
  if (until !== null && !isAfter(until, end)) return { expired: false, until, reasons: [] };
  return {
    expired: false,
    until: end,
    reasons: [reason(REASON_CODES.CAPPED_BY_RESIDENCE_PERMIT, `Residence permit ends on ${end}`)],
  };
}

/** 30 September of the school year in which education ends: that year's, or the next year's if already past. */
export function september30After(educationEnd: IsoDate): IsoDate {
  const { year } = parseIsoDate(educationEnd);
  const sameYear = `${String(year).padStart(4, '0')}-09-30`;
  return isAfter(educationEnd, sameYear) ? `${String(year + 1).padStart(4, '0')}-09-30` : sameYear;
}

/** The n-th latest of the dates (indefinite counts as latest); the family qualifies until that day. */
function nthLatest(untils: Until[], n: number): Until {
  if (n <= 0) return null;
  const sorted = [...untils].sort((a, b) =>
    a === b ? 0 : a === null ? -1 : b === null ? 1 : compareDates(b, a),
  );
  return sorted[n - 1] ?? null;
}

function normalizePostalCode(value: string): string {
  return value.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
}

export function residencyPasses(
  rule: ResidencyRule,
  family: Pick<FamilyFacts, 'postalCode' | 'municipalityCode'>,
) {
  switch (rule.kind) {
    case 'none':
      return true;
    case 'postalCodePrefixes': {
      const code = normalizePostalCode(family.postalCode ?? '');
      // An empty prefix (e.g. "-" after normalisation) would admit everyone, so it admits no one.
      return rule.values.map(normalizePostalCode).some((prefix) => prefix !== '' && code.startsWith(prefix));
    }
    case 'municipalityCodes':
      return family.municipalityCode != null && rule.values.includes(family.municipalityCode);
  }
}

const DATE_FIELDS = [
  'birthDate',
  'educationEnd',
  'disabilityUntil',
  'fosterPlacementEnd',
  'residencePermitEnd',
] as const;

/** Bad input is a programming error upstream (DTO validation), so it throws rather than becoming a reason. */
function checkInputs(rules: EligibilityRules, family: FamilyFacts, date: IsoDate): void {
  if (!isIsoDate(date)) throw new RangeError(`date is not a calendar date: ${JSON.stringify(date)}`);
  for (const name of ['minChildren', 'childAgeLimit', 'educationAgeLimit'] as const) {
    if (!Number.isInteger(rules[name]) || rules[name] < 0) {
      throw new RangeError(`${name} must be a non-negative integer: ${rules[name]}`);
    }
  }
  const keys = new Set<string>();
  for (const m of family.members) {
    if (keys.has(m.key)) throw new RangeError(`Duplicate member key: ${m.key}`);
    keys.add(m.key);
    for (const field of DATE_FIELDS) {
      const value = m[field];
      if ((value != null || field === 'birthDate') && !isIsoDate(value)) {
        throw new RangeError(`Member ${m.key}: ${field} is not a calendar date: ${JSON.stringify(value)}`);
      }
    }
  }
}
