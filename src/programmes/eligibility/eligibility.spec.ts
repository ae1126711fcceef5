import {
  decideEligibility,
  REASON_CODES,
  REASON_DESCRIPTIONS,
  ReasonCode,
  residencyPasses,
  september30After,
} from './eligibility';
import type { EligibilityRules, FamilyFacts, IsoDate, MemberFacts } from './eligibility.types';

// Polish national defaults, except formerLargeFamilyParentsQualify, which the cases switch on explicitly.
const RULES: EligibilityRules = {
  minChildren: 3,
  childAgeLimit: 18,
  educationAgeLimit: 25,
  educationEndRule: 'september30After',
  parentValidity: 'lifetime',
  formerLargeFamilyParentsQualify: false,
  residency: { kind: 'none' },
};

const D = '2025-06-15';

// Young children and the day before their 18th birthdays.
const B1 = '2015-01-10';
const U1 = '2033-01-09';
const B2 = '2017-03-05';
const U2 = '2035-03-04';
const B3 = '2019-08-20';
const U3 = '2037-08-19';
const B4 = '2021-11-30';
const U4 = '2039-11-29';

type Extra = Partial<Omit<MemberFacts, 'key' | 'role'>>;
const parent = (key = 'p1', extra: Extra = {}): MemberFacts => ({
  key,
  role: 'parent',
  birthDate: '1985-04-12',
  ...extra,
});
const spouse = (key = 's1', extra: Extra = {}): MemberFacts => ({ ...parent(key, extra), role: 'spouse' });
const fosterParent = (key = 'fp1', extra: Extra = {}): MemberFacts => ({
  ...parent(key, extra),
  role: 'foster_parent',
});
const child = (key: string, birthDate: IsoDate, extra: Extra = {}): MemberFacts => ({
  key,
  role: 'child',
  birthDate,
  ...extra,
});
const foster = (key: string, birthDate: IsoDate, extra: Extra = {}): MemberFacts => ({
  ...child(key, birthDate, extra),
  role: 'foster_child',
});
const c1 = (extra: Extra = {}) => child('c1', B1, extra);
const c2 = (extra: Extra = {}) => child('c2', B2, extra);
const c3 = (extra: Extra = {}) => child('c3', B3, extra);
const c4 = (extra: Extra = {}) => child('c4', B4, extra);

/** [eligible, validUntil] per member, in input order. */
type Expected = Record<string, [boolean, IsoDate | null]>;

interface Case {
  name: string;
  rules?: Partial<EligibilityRules>;
  date?: IsoDate;
  family?: Omit<FamilyFacts, 'members'>;
  members: MemberFacts[];
  qualifies: boolean;
  expected: Expected;
  /** Reason codes that must appear; the key '$family' is the family's reasons. */
  reasons: Record<string, ReasonCode[]>;
  qualifyingChildren?: string[];
}

const cases: Case[] = [
  // --- Age limit ---------------------------------------------------------------------------------------------
  {
    name: 'two parents and three young children: everybody gets a card',
    members: [parent('p1'), parent('p2'), c1(), c2(), c3()],
    qualifies: true,
    expected: { p1: [true, null], p2: [true, null], c1: [true, U1], c2: [true, U2], c3: [true, U3] },
    reasons: {
      $family: ['enough_qualifying_children'],
      p1: ['parent_lifetime'],
      c1: ['child_under_age_limit'],
    },
    qualifyingChildren: ['c1', 'c2', 'c3'],
  },
  {
    name: '18th birthday tomorrow: still a child today, card valid until today',
    members: [parent(), child('a', '2007-06-16'), c1(), c2()],
    qualifies: true,
    expected: { p1: [true, null], a: [true, D], c1: [true, U1], c2: [true, U2] },
    reasons: { a: ['child_under_age_limit'] },
  },
  {
    name: '18th birthday today: no longer a child, a family of 3 fails',
    members: [parent(), child('a', '2007-06-15'), c1(), c2()],
    qualifies: false,
    expected: { p1: [false, null], a: [false, null], c1: [false, null], c2: [false, null] },
    reasons: {
      $family: ['too_few_children'],
      a: ['child_over_age_limit'],
      p1: ['family_not_qualifying'],
      c1: ['child_under_age_limit', 'family_not_qualifying'],
    },
    qualifyingChildren: ['c1', 'c2'],
  },
  {
    name: '18th birthday yesterday: the adult gets no card, the other three still qualify',
    members: [parent(), child('a', '2007-06-14'), c1(), c2(), c3()],
    qualifies: true,
    expected: { p1: [true, null], a: [false, null], c1: [true, U1], c2: [true, U2], c3: [true, U3] },
    reasons: { a: ['child_over_age_limit'] },
    qualifyingChildren: ['c1', 'c2', 'c3'],
  },
  {
    name: 'family of 4 with one adult child (22, not in education)',
    members: [parent('p1'), parent('p2'), child('a', '2003-02-02'), c1(), c2(), c3()],
    qualifies: true,
    expected: {
      p1: [true, null],
      p2: [true, null],
      a: [false, null],
      c1: [true, U1],
      c2: [true, U2],
      c3: [true, U3],
    },
    reasons: { a: ['child_over_age_limit'], $family: ['enough_qualifying_children'] },
  },
  // --- Education ---------------------------------------------------------------------------------------------
  {
    name: 'student at 24, education ends in June: valid until 30 September',
    members: [parent(), child('s', '2001-01-10', { educationEnd: '2025-06-30' }), c1(), c2()],
    qualifies: true,
    expected: { p1: [true, null], s: [true, '2025-09-30'], c1: [true, U1], c2: [true, U2] },
    reasons: { s: ['in_education'] },
  },
  {
    name: 'student past 25 no longer counts, even with education continuing',
    members: [parent(), child('s', '2000-03-01', { educationEnd: '2026-06-30' }), c1(), c2(), c3()],
    qualifies: true,
    expected: { p1: [true, null], s: [false, null], c1: [true, U1], c2: [true, U2], c3: [true, U3] },
    reasons: { s: ['education_past_age_limit', 'child_over_age_limit'] },
  },
  {
    name: 'education ending in October: valid until 30 September of the next year',
    members: [parent(), child('s', '2003-05-05', { educationEnd: '2025-10-15' }), c1(), c2()],
    qualifies: true,
    expected: { p1: [true, null], s: [true, '2026-09-30'], c1: [true, U1], c2: [true, U2] },
    reasons: { s: ['in_education'] },
  },
  {
    name: 'education ending on 30 September: valid until that day',
    members: [parent(), child('s', '2003-05-05', { educationEnd: '2025-09-30' }), c1(), c2()],
    qualifies: true,
    expected: { p1: [true, null], s: [true, '2025-09-30'], c1: [true, U1], c2: [true, U2] },
    reasons: { s: ['in_education'] },
  },
  {
    name: 'education end capped at the day before the 25th birthday',
    members: [parent(), child('s', '2000-08-01', { educationEnd: '2025-06-30' }), c1(), c2()],
    qualifies: true,
    expected: { p1: [true, null], s: [true, '2025-07-31'], c1: [true, U1], c2: [true, U2] },
    reasons: { s: ['in_education'] },
  },
  {
    name: 'endDate rule: valid until the declared end of education itself',
    rules: { educationEndRule: 'endDate' },
    members: [parent(), child('s', '2003-05-05', { educationEnd: '2025-06-30' }), c1(), c2()],
    qualifies: true,
    expected: { p1: [true, null], s: [true, '2025-06-30'], c1: [true, U1], c2: [true, U2] },
    reasons: { s: ['in_education'] },
  },
  {
    name: 'endDate rule: education ended last week, a family of 3 fails',
    rules: { educationEndRule: 'endDate' },
    members: [parent(), child('s', '2005-05-05', { educationEnd: '2025-06-08' }), c1(), c2()],
    qualifies: false,
    expected: { p1: [false, null], s: [false, null], c1: [false, null], c2: [false, null] },
    reasons: { s: ['education_ended', 'child_over_age_limit'], $family: ['too_few_children'] },
  },
  {
    name: 'september30After rule: education ended last week, still in education until 30 September',
    members: [parent(), child('s', '2005-05-05', { educationEnd: '2025-06-08' }), c1(), c2()],
    qualifies: true,
    expected: { p1: [true, null], s: [true, '2025-09-30'], c1: [true, U1], c2: [true, U2] },
    reasons: { s: ['in_education'] },
  },
  {
    name: 'education ended last year, its 30 September has passed',
    members: [parent(), child('s', '2004-01-01', { educationEnd: '2024-06-30' }), c1(), c2(), c3()],
    qualifies: true,
    expected: { p1: [true, null], s: [false, null], c1: [true, U1], c2: [true, U2], c3: [true, U3] },
    reasons: { s: ['education_ended', 'child_over_age_limit'] },
  },
  {
    name: 'child under 18 whose education ends soon: the age limit is the later ground',
    members: [parent(), child('y', '2010-01-01', { educationEnd: '2025-06-20' }), c1(), c2()],
    qualifies: true,
    expected: { p1: [true, null], y: [true, '2027-12-31'], c1: [true, U1], c2: [true, U2] },
    reasons: { y: ['child_under_age_limit', 'in_education'] },
  },
  {
    name: '17-year-old whose education lasts past 18: education is the later ground',
    members: [parent(), child('y', '2008-03-01', { educationEnd: '2027-06-30' }), c1(), c2()],
    qualifies: true,
    expected: { p1: [true, null], y: [true, '2027-09-30'], c1: [true, U1], c2: [true, U2] },
    reasons: { y: ['child_under_age_limit', 'in_education'] },
  },
  // --- Disability --------------------------------------------------------------------------------------------
  {
    name: 'disabled adult child (30) with a dated certificate',
    members: [parent(), child('d', '1995-01-01', { disabilityUntil: '2027-12-31' }), c1(), c2()],
    qualifies: true,
    expected: { p1: [true, null], d: [true, '2027-12-31'], c1: [true, U1], c2: [true, U2] },
    reasons: { d: ['disability_certificate'] },
  },
  {
    name: 'disabled adult child with a permanent certificate: indefinite card',
    members: [parent(), child('d', '1975-01-01', { disabilityPermanent: true }), c1(), c2()],
    qualifies: true,
    expected: { p1: [true, null], d: [true, null], c1: [true, U1], c2: [true, U2] },
    reasons: { d: ['disability_permanent'] },
  },
  {
    name: 'disability certificate ended yesterday: a family of 3 fails',
    members: [parent(), child('d', '1995-01-01', { disabilityUntil: '2025-06-14' }), c1(), c2()],
    qualifies: false,
    expected: { p1: [false, null], d: [false, null], c1: [false, null], c2: [false, null] },
    reasons: { d: ['disability_certificate_ended', 'child_over_age_limit'], $family: ['too_few_children'] },
  },
  {
    name: 'disability certificate ending today still counts today',
    members: [parent(), child('d', '1995-01-01', { disabilityUntil: D }), c1(), c2()],
    qualifies: true,
    expected: { p1: [true, null], d: [true, D], c1: [true, U1], c2: [true, U2] },
    reasons: { d: ['disability_certificate'] },
  },
  {
    name: 'student with a longer disability certificate: the latest ground wins',
    members: [
      parent(),
      child('d', '2005-01-01', { educationEnd: '2026-06-30', disabilityUntil: '2030-01-01' }),
      c1(),
      c2(),
    ],
    qualifies: true,
    expected: { p1: [true, null], d: [true, '2030-01-01'], c1: [true, U1], c2: [true, U2] },
    reasons: { d: ['in_education', 'disability_certificate'] },
  },
  {
    name: 'child under 18 with a permanent certificate: indefinite wins over the age limit',
    members: [parent(), c1({ disabilityPermanent: true }), c2(), c3()],
    qualifies: true,
    expected: { p1: [true, null], c1: [true, null], c2: [true, U2], c3: [true, U3] },
    reasons: { c1: ['child_under_age_limit', 'disability_permanent'] },
  },
  // --- Foster children and parents ---------------------------------------------------------------------------
  {
    name: 'foster placement ending before the 18th birthday caps the card',
    members: [fosterParent(), foster('f1', B1, { fosterPlacementEnd: '2026-12-31' }), c2(), c3()],
    qualifies: true,
    expected: { fp1: [true, null], f1: [true, '2026-12-31'], c2: [true, U2], c3: [true, U3] },
    reasons: { f1: ['child_under_age_limit', 'capped_by_foster_placement'] },
  },
  {
    name: 'foster placement ended yesterday: the child does not count, a family of 3 fails',
    members: [fosterParent(), foster('f1', B1, { fosterPlacementEnd: '2025-06-14' }), c2(), c3()],
    qualifies: false,
    expected: { fp1: [false, null], f1: [false, null], c2: [false, null], c3: [false, null] },
    reasons: { f1: ['foster_placement_ended'], $family: ['too_few_children'] },
    qualifyingChildren: ['c2', 'c3'],
  },
  {
    name: 'foster placement ending today: valid today',
    members: [fosterParent(), foster('f1', B1, { fosterPlacementEnd: D }), c2(), c3()],
    qualifies: true,
    expected: { fp1: [true, null], f1: [true, D], c2: [true, U2], c3: [true, U3] },
    reasons: { f1: ['capped_by_foster_placement'] },
  },
  {
    name: 'foster placement ending after the 18th birthday does not extend the card',
    members: [fosterParent(), foster('f1', '2010-01-01', { fosterPlacementEnd: '2030-01-01' }), c2(), c3()],
    qualifies: true,
    expected: { fp1: [true, null], f1: [true, '2027-12-31'], c2: [true, U2], c3: [true, U3] },
    reasons: { f1: ['child_under_age_limit'] },
  },
  {
    name: 'adult foster child with an ongoing placement: the grounds still decide',
    members: [
      fosterParent(),
      foster('f1', '2006-01-01', { fosterPlacementEnd: '2027-01-01' }),
      c1(),
      c2(),
      c3(),
    ],
    qualifies: true,
    expected: { fp1: [true, null], f1: [false, null], c1: [true, U1], c2: [true, U2], c3: [true, U3] },
    reasons: { f1: ['child_over_age_limit'] },
  },
  {
    name: 'two foster parents with three foster children',
    members: [fosterParent('fp1'), fosterParent('fp2'), foster('f1', B1), foster('f2', B2), foster('f3', B3)],
    qualifies: true,
    expected: { fp1: [true, null], fp2: [true, null], f1: [true, U1], f2: [true, U2], f3: [true, U3] },
    reasons: { fp1: ['parent_lifetime'], f1: ['child_under_age_limit'] },
  },
  // --- Parents -----------------------------------------------------------------------------------------------
  {
    name: 'parent without parental authority gets no card, the other parent does',
    members: [
      parent('p1', { parentalAuthority: false }),
      parent('p2', { parentalAuthority: true }),
      c1(),
      c2(),
      c3(),
    ],
    qualifies: true,
    expected: { p1: [false, null], p2: [true, null], c1: [true, U1], c2: [true, U2], c3: [true, U3] },
    reasons: { p1: ['no_parental_authority'], p2: ['parent_lifetime'] },
  },
  {
    name: "a parent's spouse gets a card; parental authority does not apply to a spouse",
    members: [parent(), spouse('s1', { parentalAuthority: false }), c1(), c2(), c3()],
    qualifies: true,
    expected: { p1: [true, null], s1: [true, null], c1: [true, U1], c2: [true, U2], c3: [true, U3] },
    reasons: { s1: ['parent_lifetime'] },
  },
  {
    name: 'whileFamilyQualifies: parents until the 3rd latest child card (4 children)',
    rules: { parentValidity: 'whileFamilyQualifies' },
    members: [parent('p1'), spouse(), c1(), c2(), c3(), c4()],
    qualifies: true,
    expected: {
      p1: [true, U2],
      s1: [true, U2],
      c1: [true, U1],
      c2: [true, U2],
      c3: [true, U3],
      c4: [true, U4],
    },
    reasons: { p1: ['parent_while_family_qualifies'] },
  },
  {
    name: 'whileFamilyQualifies with exactly 3 children: until the earliest child card',
    rules: { parentValidity: 'whileFamilyQualifies' },
    members: [parent(), c3(), c1(), c2()],
    qualifies: true,
    expected: { p1: [true, U1], c3: [true, U3], c1: [true, U1], c2: [true, U2] },
    reasons: { p1: ['parent_while_family_qualifies'] },
  },
  {
    name: 'whileFamilyQualifies with a student: the student card decides',
    rules: { parentValidity: 'whileFamilyQualifies' },
    members: [parent(), child('s', '2003-05-05', { educationEnd: '2025-06-30' }), c1(), c2()],
    qualifies: true,
    expected: { p1: [true, '2025-09-30'], s: [true, '2025-09-30'], c1: [true, U1], c2: [true, U2] },
    reasons: { p1: ['parent_while_family_qualifies'] },
  },
  {
    name: 'whileFamilyQualifies with one indefinite child: the two dated ones decide',
    rules: { parentValidity: 'whileFamilyQualifies' },
    members: [parent(), c1({ disabilityPermanent: true }), c2(), c3()],
    qualifies: true,
    expected: { p1: [true, U2], c1: [true, null], c2: [true, U2], c3: [true, U3] },
    reasons: { p1: ['parent_while_family_qualifies'] },
  },
  {
    name: 'whileFamilyQualifies with three indefinite children: indefinite parent card',
    rules: { parentValidity: 'whileFamilyQualifies' },
    members: [
      parent(),
      c1({ disabilityPermanent: true }),
      c2({ disabilityPermanent: true }),
      c3({ disabilityPermanent: true }),
      c4(),
    ],
    qualifies: true,
    expected: { p1: [true, null], c1: [true, null], c2: [true, null], c3: [true, null], c4: [true, U4] },
    reasons: { p1: ['parent_while_family_qualifies'] },
  },
  {
    name: 'whileFamilyQualifies, foreign parent: capped by the residence permit',
    rules: { parentValidity: 'whileFamilyQualifies' },
    members: [parent('p1', { residencePermitEnd: '2030-01-01' }), c1(), c2(), c3()],
    qualifies: true,
    expected: { p1: [true, '2030-01-01'], c1: [true, U1], c2: [true, U2], c3: [true, U3] },
    reasons: { p1: ['parent_while_family_qualifies', 'capped_by_residence_permit'] },
  },
  // --- Former large family -----------------------------------------------------------------------------------
  {
    name: 'former large family (setting on): parents keep lifetime cards, adult children get none',
    rules: { formerLargeFamilyParentsQualify: true, parentValidity: 'whileFamilyQualifies' },
    members: [
      parent('p1'),
      parent('p2'),
      child('a1', '1990-01-01'),
      child('a2', '1992-02-02'),
      child('a3', '1995-03-03'),
    ],
    qualifies: true,
    expected: { p1: [true, null], p2: [true, null], a1: [false, null], a2: [false, null], a3: [false, null] },
    reasons: {
      $family: ['too_few_children', 'former_large_family'],
      p1: ['former_large_family'],
      a1: ['child_over_age_limit', 'former_large_family_parents_only'],
    },
    qualifyingChildren: [],
  },
  {
    name: 'former large family (setting on): a child still under 18 gets no card either',
    rules: { formerLargeFamilyParentsQualify: true },
    members: [parent(), child('a1', '1990-01-01'), child('a2', '1992-02-02'), c1()],
    qualifies: true,
    expected: { p1: [true, null], a1: [false, null], a2: [false, null], c1: [false, null] },
    reasons: {
      $family: ['former_large_family'],
      c1: ['child_under_age_limit', 'former_large_family_parents_only'],
    },
    qualifyingChildren: ['c1'],
  },
  {
    name: 'former large family (setting off): nobody gets a card',
    members: [parent('p1'), parent('p2'), child('a1', '1990-01-01'), child('a2', '1992-02-02'), c1()],
    qualifies: false,
    expected: {
      p1: [false, null],
      p2: [false, null],
      a1: [false, null],
      a2: [false, null],
      c1: [false, null],
    },
    reasons: { $family: ['too_few_children'], p1: ['family_not_qualifying'] },
  },
  {
    name: 'former large family (setting on) needs minChildren children ever: two are not enough',
    rules: { formerLargeFamilyParentsQualify: true },
    members: [parent(), child('a1', '1990-01-01'), child('a2', '1992-02-02')],
    qualifies: false,
    expected: { p1: [false, null], a1: [false, null], a2: [false, null] },
    reasons: { $family: ['too_few_children'] },
  },
  {
    name: 'former large family (setting on): a parent without parental authority still gets none',
    rules: { formerLargeFamilyParentsQualify: true },
    members: [
      parent('p1', { parentalAuthority: false }),
      parent('p2'),
      child('a1', '1990-01-01'),
      child('a2', '1992-02-02'),
      child('a3', '1995-03-03'),
    ],
    qualifies: true,
    expected: {
      p1: [false, null],
      p2: [true, null],
      a1: [false, null],
      a2: [false, null],
      a3: [false, null],
    },
    reasons: { p1: ['no_parental_authority'], p2: ['former_large_family'] },
  },
  {
    name: 'former large family (setting on) outside the programme area: nobody',
    rules: {
      formerLargeFamilyParentsQualify: true,
      residency: { kind: 'postalCodePrefixes', values: ['20'] },
    },
    family: { postalCode: '00-001' },
    members: [parent(), child('a1', '1990-01-01'), child('a2', '1992-02-02'), child('a3', '1995-03-03')],
    qualifies: false,
    expected: { p1: [false, null], a1: [false, null], a2: [false, null], a3: [false, null] },
    reasons: { $family: ['residency_not_met'] },
  },
  {
    name: 'former large family setting on, but the family qualifies on its children: the normal rules apply',
    rules: { formerLargeFamilyParentsQualify: true, parentValidity: 'whileFamilyQualifies' },
    members: [parent(), child('a1', '1990-01-01'), c1(), c2(), c3()],
    qualifies: true,
    expected: { p1: [true, U1], a1: [false, null], c1: [true, U1], c2: [true, U2], c3: [true, U3] },
    reasons: { $family: ['enough_qualifying_children'], p1: ['parent_while_family_qualifies'] },
  },
  // --- Residency ---------------------------------------------------------------------------------------------
  {
    name: "residency 'none' ignores a missing postal code and municipality",
    family: {},
    members: [parent(), c1(), c2(), c3()],
    qualifies: true,
    expected: { p1: [true, null], c1: [true, U1], c2: [true, U2], c3: [true, U3] },
    reasons: { $family: ['enough_qualifying_children'] },
  },
  {
    name: 'postal code prefix matches (Lublin 20-xxx)',
    rules: { residency: { kind: 'postalCodePrefixes', values: ['21-', '20-'] } },
    family: { postalCode: '20-950' },
    members: [parent(), c1(), c2(), c3()],
    qualifies: true,
    expected: { p1: [true, null], c1: [true, U1], c2: [true, U2], c3: [true, U3] },
    reasons: { $family: ['enough_qualifying_children'] },
  },
  {
    name: 'postal code prefix matches after removing punctuation and spaces on both sides',
    rules: { residency: { kind: 'postalCodePrefixes', values: ['20 9'] } },
    family: { postalCode: ' 20-950 ' },
    members: [parent(), c1(), c2(), c3()],
    qualifies: true,
    expected: { p1: [true, null], c1: [true, U1], c2: [true, U2], c3: [true, U3] },
    reasons: { $family: ['enough_qualifying_children'] },
  },
  {
    name: 'postal code prefix mismatch: nobody gets a card',
    rules: { residency: { kind: 'postalCodePrefixes', values: ['20-'] } },
    family: { postalCode: '02-950' },
    members: [parent(), c1(), c2(), c3()],
    qualifies: false,
    expected: { p1: [false, null], c1: [false, null], c2: [false, null], c3: [false, null] },
    reasons: {
      $family: ['residency_not_met', 'enough_qualifying_children'],
      p1: ['family_not_qualifying'],
      c1: ['family_not_qualifying'],
    },
    qualifyingChildren: ['c1', 'c2', 'c3'],
  },
  {
    name: 'postal code prefix rule with no postal code: residency not met',
    rules: { residency: { kind: 'postalCodePrefixes', values: ['20-'] } },
    family: { postalCode: null, municipalityCode: '0663011' },
    members: [parent(), c1(), c2(), c3()],
    qualifies: false,
    expected: { p1: [false, null], c1: [false, null], c2: [false, null], c3: [false, null] },
    reasons: { $family: ['residency_not_met'] },
  },
  {
    name: 'municipality code matches exactly',
    rules: { residency: { kind: 'municipalityCodes', values: ['0663011'] } },
    family: { municipalityCode: '0663011', postalCode: '99-999' },
    members: [parent(), c1(), c2(), c3()],
    qualifies: true,
    expected: { p1: [true, null], c1: [true, U1], c2: [true, U2], c3: [true, U3] },
    reasons: { $family: ['enough_qualifying_children'] },
  },
  {
    name: 'municipality code mismatch (the postal code is not consulted)',
    rules: { residency: { kind: 'municipalityCodes', values: ['0663011'] } },
    family: { municipalityCode: '0663021', postalCode: '20-950' },
    members: [parent(), c1(), c2(), c3()],
    qualifies: false,
    expected: { p1: [false, null], c1: [false, null], c2: [false, null], c3: [false, null] },
    reasons: { $family: ['residency_not_met'] },
  },
  // --- Foreigners --------------------------------------------------------------------------------------------
  {
    name: "foreign child: the card ends with the child's residence permit",
    members: [parent(), c1({ residencePermitEnd: '2026-03-31' }), c2(), c3()],
    qualifies: true,
    expected: { p1: [true, null], c1: [true, '2026-03-31'], c2: [true, U2], c3: [true, U3] },
    reasons: { c1: ['capped_by_residence_permit'] },
  },
  {
    name: 'foreign parent: the lifetime card ends with the residence permit',
    members: [parent('p1', { residencePermitEnd: '2028-12-31' }), c1(), c2(), c3()],
    qualifies: true,
    expected: { p1: [true, '2028-12-31'], c1: [true, U1], c2: [true, U2], c3: [true, U3] },
    reasons: { p1: ['parent_lifetime', 'capped_by_residence_permit'] },
  },
  {
    name: 'foreign parent whose permit expired yesterday gets no card; the family still qualifies',
    members: [parent('p1', { residencePermitEnd: '2025-06-14' }), parent('p2'), c1(), c2(), c3()],
    qualifies: true,
    expected: { p1: [false, null], p2: [true, null], c1: [true, U1], c2: [true, U2], c3: [true, U3] },
    reasons: { p1: ['residence_permit_expired'] },
  },
  {
    name: 'foreign child whose permit expired does not count: a family of 3 fails',
    members: [parent(), c1({ residencePermitEnd: '2025-06-14' }), c2(), c3()],
    qualifies: false,
    expected: { p1: [false, null], c1: [false, null], c2: [false, null], c3: [false, null] },
    reasons: { c1: ['residence_permit_expired'], $family: ['too_few_children'] },
    qualifyingChildren: ['c2', 'c3'],
  },
  {
    name: 'residence permit ending today: valid today',
    members: [parent(), c1({ residencePermitEnd: D }), c2(), c3()],
    qualifies: true,
    expected: { p1: [true, null], c1: [true, D], c2: [true, U2], c3: [true, U3] },
    reasons: { c1: ['capped_by_residence_permit'] },
  },
  {
    name: 'residence permit longer than the child grounds: no cap',
    members: [parent(), c1({ residencePermitEnd: '2040-01-01' }), c2(), c3()],
    qualifies: true,
    expected: { p1: [true, null], c1: [true, U1], c2: [true, U2], c3: [true, U3] },
    reasons: { c1: ['child_under_age_limit'] },
  },
  {
    name: 'foreign child with a permanent disability: the permit caps the indefinite card',
    members: [parent(), c1({ disabilityPermanent: true, residencePermitEnd: '2029-05-31' }), c2(), c3()],
    qualifies: true,
    expected: { p1: [true, null], c1: [true, '2029-05-31'], c2: [true, U2], c3: [true, U3] },
    reasons: { c1: ['disability_permanent', 'capped_by_residence_permit'] },
  },
  // --- Leap day ----------------------------------------------------------------------------------------------
  {
    name: 'child born 29 Feb 2008: 18th birthday is 2026-02-28, valid until 2026-02-27',
    members: [parent(), child('l', '2008-02-29'), c1(), c2()],
    qualifies: true,
    expected: { p1: [true, null], l: [true, '2026-02-27'], c1: [true, U1], c2: [true, U2] },
    reasons: { l: ['child_under_age_limit'] },
  },
  {
    name: 'child born 29 Feb 2008, on 2026-02-27: still a child, last day',
    date: '2026-02-27',
    members: [parent(), child('l', '2008-02-29'), c1(), c2()],
    qualifies: true,
    expected: { p1: [true, null], l: [true, '2026-02-27'], c1: [true, U1], c2: [true, U2] },
    reasons: { l: ['child_under_age_limit'] },
  },
  {
    name: 'child born 29 Feb 2008, on 2026-02-28: 18 today, a family of 3 fails',
    date: '2026-02-28',
    members: [parent(), child('l', '2008-02-29'), c1(), c2()],
    qualifies: false,
    expected: { p1: [false, null], l: [false, null], c1: [false, null], c2: [false, null] },
    reasons: { l: ['child_over_age_limit'], $family: ['too_few_children'] },
  },
  // --- Other settings ----------------------------------------------------------------------------------------
  {
    name: 'minChildren 2: two children are enough',
    rules: { minChildren: 2 },
    members: [parent(), c1(), c2()],
    qualifies: true,
    expected: { p1: [true, null], c1: [true, U1], c2: [true, U2] },
    reasons: { $family: ['enough_qualifying_children'] },
  },
  {
    name: 'minChildren 2: one child and one adult are not',
    rules: { minChildren: 2 },
    members: [parent(), c1(), child('a', '2000-01-01')],
    qualifies: false,
    expected: { p1: [false, null], c1: [false, null], a: [false, null] },
    reasons: { $family: ['too_few_children'], a: ['child_over_age_limit'] },
  },
  {
    name: 'minChildren 2, whileFamilyQualifies: parents until the 2nd latest child card',
    rules: { minChildren: 2, parentValidity: 'whileFamilyQualifies' },
    members: [parent(), c1(), c2(), c3()],
    qualifies: true,
    expected: { p1: [true, U2], c1: [true, U1], c2: [true, U2], c3: [true, U3] },
    reasons: { p1: ['parent_while_family_qualifies'] },
  },
  {
    name: 'childAgeLimit 16: cards end the day before the 16th birthday',
    rules: { childAgeLimit: 16 },
    members: [parent(), child('y', '2012-05-05'), c1(), c2()],
    qualifies: true,
    expected: {
      p1: [true, null],
      y: [true, '2028-05-04'],
      c1: [true, '2031-01-09'],
      c2: [true, '2033-03-04'],
    },
    reasons: { y: ['child_under_age_limit'] },
  },
  {
    name: 'childAgeLimit 16: a 16-year-old no longer counts, a family of 3 fails',
    rules: { childAgeLimit: 16 },
    members: [parent(), child('y', '2009-01-01'), c1(), c2()],
    qualifies: false,
    expected: { p1: [false, null], y: [false, null], c1: [false, null], c2: [false, null] },
    reasons: { y: ['child_over_age_limit'], $family: ['too_few_children'] },
  },
  {
    name: 'childAgeLimit 16: a 17-year-old in education still counts',
    rules: { childAgeLimit: 16 },
    members: [parent(), child('y', '2008-01-01', { educationEnd: '2026-06-30' }), c1(), c2()],
    qualifies: true,
    expected: {
      p1: [true, null],
      y: [true, '2026-09-30'],
      c1: [true, '2031-01-09'],
      c2: [true, '2033-03-04'],
    },
    reasons: { y: ['in_education'] },
  },
  {
    name: 'a family with no members does not qualify',
    members: [],
    qualifies: false,
    expected: {},
    reasons: { $family: ['too_few_children'] },
    qualifyingChildren: [],
  },
];

const ALL_CODES = new Set<string>(Object.values(REASON_CODES));

describe('decideEligibility', () => {
  it('has at least 45 cases with unique names', () => {
    expect(cases.length).toBeGreaterThanOrEqual(45);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const date = c.date ?? D;
    const decision = decideEligibility({ ...RULES, ...c.rules }, { ...c.family, members: c.members }, date);

    expect(decision.date).toBe(date);
    expect(decision.qualifies).toBe(c.qualifies);
    // Every member, in input order.
    expect(decision.members.map((m) => [m.key, m.eligible, m.validUntil])).toEqual(
      Object.entries(c.expected).map(([key, [eligible, validUntil]]) => [key, eligible, validUntil]),
    );
    if (c.qualifyingChildren) expect(decision.qualifyingChildren).toEqual(c.qualifyingChildren);

    for (const [key, codes] of Object.entries(c.reasons)) {
      const given =
        key === '$family' ? decision.reasons : (decision.members.find((m) => m.key === key)?.reasons ?? []);
      expect(given.map((r) => r.code)).toEqual(expect.arrayContaining(codes));
    }
    for (const r of [...decision.reasons, ...decision.members.flatMap((m) => m.reasons)]) {
      expect(ALL_CODES).toContain(r.code);
      expect(r.message.length).toBeGreaterThan(0);
    }
  });

  it('says "Child under 18" with the setting in the message', () => {
    const decision = decideEligibility(RULES, { members: [c1(), c2(), c3()] }, D);
    expect(decision.members[0].reasons).toContainEqual({
      code: 'child_under_age_limit',
      message: 'Child under 18',
    });
  });

  it.each([
    ['a bad date', () => decideEligibility(RULES, { members: [] }, '2025-02-30')],
    ['a bad birth date', () => decideEligibility(RULES, { members: [child('x', '2020-13-01')] }, D)],
    [
      'a bad education end',
      () => decideEligibility(RULES, { members: [c1({ educationEnd: '30.09.2025' })] }, D),
    ],
    ['duplicate keys', () => decideEligibility(RULES, { members: [c1(), c1()] }, D)],
    ['a fractional minChildren', () => decideEligibility({ ...RULES, minChildren: 2.5 }, { members: [] }, D)],
  ])('throws RangeError for %s', (_name, run) => {
    expect(run).toThrow(RangeError);
  });
});

describe('reason catalogue', () => {
  it('describes every code, and codes are unique', () => {
    const codes = Object.values(REASON_CODES);
    expect(new Set(codes).size).toBe(codes.length);
    expect(Object.keys(REASON_DESCRIPTIONS).sort()).toEqual([...codes].sort());
  });
});

describe('september30After', () => {
  it.each([
    ['2025-06-30', '2025-09-30'],
    ['2025-09-30', '2025-09-30'],
    ['2025-10-01', '2026-09-30'],
    ['2025-12-31', '2026-09-30'],
    ['2025-01-01', '2025-09-30'],
  ])('%s -> %s', (end, expected) => {
    expect(september30After(end)).toBe(expected);
  });
});

describe('residencyPasses', () => {
  it.each([
    [{ kind: 'postalCodePrefixes', values: ['20'] }, { postalCode: '20-950' }, true],
    [{ kind: 'postalCodePrefixes', values: ['20-9'] }, { postalCode: '20950' }, true],
    [{ kind: 'postalCodePrefixes', values: ['sw1a'] }, { postalCode: 'SW1A 1AA' }, true],
    [{ kind: 'postalCodePrefixes', values: ['209'] }, { postalCode: '20-850' }, false],
    [{ kind: 'postalCodePrefixes', values: ['-'] }, { postalCode: '20-950' }, false],
    [{ kind: 'postalCodePrefixes', values: [] }, { postalCode: '20-950' }, false],
    [{ kind: 'municipalityCodes', values: ['0663011'] }, { municipalityCode: '0663011' }, true],
    [{ kind: 'municipalityCodes', values: ['0663011'] }, { municipalityCode: '066301' }, false],
    [{ kind: 'municipalityCodes', values: ['0663011'] }, {}, false],
    [{ kind: 'none' }, {}, true],
  ] as const)('%j with %j -> %p', (rule, family, expected) => {
    expect(residencyPasses(rule as EligibilityRules['residency'], family)).toBe(expected);
  });
});
