import fc from 'fast-check';
import { addDays, anniversary, compareDates, dayBefore } from './civil-date';
import { decideEligibility, REASON_CODES } from './eligibility';
import type {
  EligibilityRules,
  FamilyDecision,
  FamilyFacts,
  IsoDate,
  MemberFacts,
  MemberRole,
} from './eligibility.types';

// Dates are generated as day offsets from a fixed day, so every generated string is a real calendar date
// (the year bounds are approximate).
const EPOCH = '2000-01-01';
const dayIn = (fromYear: number, toYear: number): fc.Arbitrary<IsoDate> =>
  fc
    .integer({ min: (fromYear - 2000) * 366, max: (toYear - 2000) * 365 })
    .map((offset) => addDays(EPOCH, offset));

const evaluationDate = dayIn(2020, 2035);
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 2 });

const rulesArb = (overrides: Partial<EligibilityRules> = {}): fc.Arbitrary<EligibilityRules> =>
  fc
    .record({
      minChildren: fc.integer({ min: 1, max: 4 }),
      childAgeLimit: fc.integer({ min: 14, max: 18 }),
      extraEducationYears: fc.integer({ min: 0, max: 8 }),
      educationEndRule: fc.constantFrom('september30After' as const, 'endDate' as const),
      parentValidity: fc.constantFrom('lifetime' as const, 'whileFamilyQualifies' as const),
      formerLargeFamilyParentsQualify: fc.boolean(),
    })
    .map(({ extraEducationYears, ...r }) => ({
      ...r,
      educationAgeLimit: r.childAgeLimit + extraEducationYears,
      residency: { kind: 'none' as const },
      ...overrides,
    }));

const childArb = (birth: fc.Arbitrary<IsoDate>): fc.Arbitrary<Omit<MemberFacts, 'key'>> =>
  fc.record({
    role: fc.constantFrom('child' as const, 'foster_child' as const),
    birthDate: birth,
    educationEnd: optional(dayIn(2015, 2045)),
    disabilityUntil: fc.option(dayIn(2015, 2045), { nil: null, freq: 4 }),
    disabilityPermanent: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
    fosterPlacementEnd: optional(dayIn(2015, 2045)),
    residencePermitEnd: fc.option(dayIn(2015, 2045), { nil: null, freq: 4 }),
  });

const parentArb: fc.Arbitrary<Omit<MemberFacts, 'key'>> = fc.record({
  role: fc.constantFrom('parent' as const, 'spouse' as const, 'foster_parent' as const),
  birthDate: dayIn(1960, 2000),
  parentalAuthority: fc.option(fc.boolean(), { nil: undefined, freq: 2 }),
  residencePermitEnd: fc.option(dayIn(2015, 2045), { nil: null, freq: 4 }),
});

const withKeys = (members: Omit<MemberFacts, 'key'>[]): MemberFacts[] =>
  members.map((m, i) => ({ ...m, key: `m${i}` }) as MemberFacts);

const familyArb: fc.Arbitrary<FamilyFacts> = fc
  .tuple(fc.array(parentArb, { maxLength: 3 }), fc.array(childArb(dayIn(1990, 2034)), { maxLength: 6 }))
  .chain(([parents, children]) =>
    fc.shuffledSubarray([...parents, ...children], { minLength: parents.length + children.length }),
  )
  .map((members) => ({ members: withKeys(members) }));

const isChildRole = (m: { role: MemberRole }) => m.role === 'child' || m.role === 'foster_child';
const notAfter = (a: IsoDate, b: IsoDate) => compareDates(a, b) <= 0;

/** The family with `extra` inserted at `index`, under a key no other member has. */
function withExtra(family: FamilyFacts, extra: Omit<MemberFacts, 'key'>, index: number): FamilyFacts {
  const members = [...family.members];
  members.splice(index % (members.length + 1), 0, { ...extra, key: 'extra' } as MemberFacts);
  return { ...family, members };
}

const summary = (d: FamilyDecision) =>
  d.members.filter((m) => m.key !== 'extra').map((m) => [m.key, m.eligible, m.validUntil]);

// Mostly adults, so most extra children do not qualify.
const extraChildArb = childArb(dayIn(1975, 2034));

describe('decideEligibility properties', () => {
  it("a student's validUntil never passes the day before the educationAgeLimit-th birthday unless disabled", () => {
    fc.assert(
      fc.property(rulesArb(), familyArb, evaluationDate, (rules, family, date) => {
        const decision = decideEligibility(rules, family, date);
        family.members.forEach((m, i) => {
          const d = decision.members[i];
          if (!isChildRole(m) || m.disabilityPermanent || m.disabilityUntil != null || !d.eligible) return;
          expect(d.validUntil).not.toBeNull();
          expect(notAfter(d.validUntil!, dayBefore(anniversary(m.birthDate, rules.educationAgeLimit)))).toBe(
            true,
          );
        });
      }),
    );
  });

  it('adding a non-qualifying child never changes the decision (formerLargeFamilyParentsQualify off)', () => {
    fc.assert(
      fc.property(
        rulesArb({ formerLargeFamilyParentsQualify: false }),
        familyArb,
        extraChildArb,
        fc.nat(),
        evaluationDate,
        (rules, family, extra, index, date) => {
          const after = decideEligibility(rules, withExtra(family, extra, index), date);
          fc.pre(!after.members.find((m) => m.key === 'extra')!.qualifyingChild);
          const before = decideEligibility(rules, family, date);
          expect(after.qualifies).toBe(before.qualifies);
          expect(after.qualifyingChildren).toEqual(before.qualifyingChildren);
          expect(summary(after)).toEqual(summary(before));
        },
      ),
    );
  });

  it('with formerLargeFamilyParentsQualify on, a non-qualifying child can only add parent cards for life', () => {
    fc.assert(
      fc.property(
        rulesArb({ formerLargeFamilyParentsQualify: true }),
        familyArb,
        extraChildArb,
        fc.nat(),
        evaluationDate,
        (rules, family, extra, index, date) => {
          const after = decideEligibility(rules, withExtra(family, extra, index), date);
          fc.pre(!after.members.find((m) => m.key === 'extra')!.qualifyingChild);
          const before = decideEligibility(rules, family, date);
          if (before.qualifies) expect(after.qualifies).toBe(true);
          const beforeByKey = new Map(before.members.map((m) => [m.key, m]));
          for (const m of after.members.filter((x) => x.key !== 'extra')) {
            const was = beforeByKey.get(m.key)!;
            if (was.eligible) {
              expect([m.eligible, m.validUntil]).toEqual([true, was.validUntil]);
            } else if (m.eligible) {
              // The extra child made the family a former large family: only parents gain, with lifetime cards.
              expect(before.qualifies).toBe(false);
              expect(after.reasons.map((r) => r.code)).toContain(REASON_CODES.FORMER_LARGE_FAMILY);
              expect(isChildRole(family.members.find((f) => f.key === m.key)!)).toBe(false);
              expect(m.reasons.map((r) => r.code)).toContain(REASON_CODES.FORMER_LARGE_FAMILY);
            }
          }
        },
      ),
    );
  });

  it("an eligible member's validUntil is never before the date; an ineligible member has none", () => {
    fc.assert(
      fc.property(rulesArb(), familyArb, evaluationDate, (rules, family, date) => {
        for (const m of decideEligibility(rules, family, date).members) {
          if (!m.eligible) expect(m.validUntil).toBeNull();
          else if (m.validUntil !== null) expect(notAfter(date, m.validUntil)).toBe(true);
        }
      }),
    );
  });

  it('validUntil never passes residencePermitEnd (nor a foster placement end)', () => {
    fc.assert(
      fc.property(rulesArb(), familyArb, evaluationDate, (rules, family, date) => {
        const decision = decideEligibility(rules, family, date);
        family.members.forEach((m, i) => {
          const d = decision.members[i];
          if (!d.eligible) return;
          for (const end of [m.residencePermitEnd, m.role === 'foster_child' ? m.fosterPlacementEnd : null]) {
            if (end == null) continue;
            expect(d.validUntil).not.toBeNull();
            expect(notAfter(d.validUntil!, end)).toBe(true);
          }
        });
      }),
    );
  });

  it('children get cards only in a family that qualifies on its children, and in input order', () => {
    fc.assert(
      fc.property(rulesArb(), familyArb, evaluationDate, (rules, family, date) => {
        const decision = decideEligibility(rules, family, date);
        expect(decision.members.map((m) => m.key)).toEqual(family.members.map((m) => m.key));
        expect(decision.qualifyingChildren).toEqual(
          decision.members.filter((m) => m.qualifyingChild).map((m) => m.key),
        );
        for (const m of decision.members.filter((x) => isChildRole(x) && x.eligible)) {
          expect(m.qualifyingChild).toBe(true);
          expect(decision.qualifies).toBe(true);
          expect(decision.qualifyingChildren.length).toBeGreaterThanOrEqual(rules.minChildren);
        }
        expect(decideEligibility(rules, family, date)).toEqual(decision);
      }),
    );
  });
});
