import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decideEligibility, REASON_CODES } from '../../../programmes/eligibility/eligibility';
import type {
  EligibilityRules,
  FamilyFacts,
  MemberFacts,
  Reason,
} from '../../../programmes/eligibility/eligibility.types';
import { REASON_PATTERNS, reasonView, translateReason } from './eligibility-reasons';

const catalogue = (language: string): Record<string, string> =>
  JSON.parse(
    readFileSync(
      join(__dirname, `../../../../templates/web/messages/console-families/${language}.json`),
      'utf8',
    ),
  ).eligibilityReasons;
const en = catalogue('en');
const pl = catalogue('pl');

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
const parent = (extra: Partial<MemberFacts> = {}): MemberFacts => ({
  key: 'p',
  role: 'parent',
  birthDate: '1980-01-01',
  ...extra,
});
const child = (key: string, birthDate: string, extra: Partial<MemberFacts> = {}): MemberFacts => ({
  key,
  role: 'child',
  birthDate,
  ...extra,
});
const young = [child('a', '2015-01-10'), child('b', '2017-03-05'), child('c', '2019-08-20')];

/** Families that between them make the engine give every reason code it has, in each of its wordings. */
const FAMILIES: [Partial<EligibilityRules>, FamilyFacts][] = [
  [{}, { members: [parent(), ...young] }],
  [{}, { members: [parent({ parentalAuthority: false }), young[0]] }],
  [{ residency: { kind: 'postalCodePrefixes', values: ['20-'] } }, { postalCode: '00-001', members: young }],
  [
    { formerLargeFamilyParentsQualify: true },
    { members: [parent(), child('a', '1990-01-01'), child('b', '1992-01-01'), child('c', '1995-01-01')] },
  ],
  [
    {},
    {
      members: [
        parent({ residencePermitEnd: '2030-01-01' }),
        child('e', '2004-01-01', { educationEnd: '2026-06-30' }),
        child('f', '2004-01-01', { educationEnd: '2024-06-30' }),
        child('g', '1999-01-01', { educationEnd: '2026-06-30' }),
        child('h', '2004-01-01', { disabilityUntil: '2027-01-01' }),
        child('i', '2004-01-01', { disabilityUntil: '2024-01-01' }),
        child('j', '2004-01-01', { disabilityPermanent: true }),
        { ...child('k', '2015-01-01', { fosterPlacementEnd: '2024-01-01' }), role: 'foster_child' },
        { ...child('l', '2015-01-01', { fosterPlacementEnd: '2028-01-01' }), role: 'foster_child' },
        { ...child('m', '2015-01-01', { residencePermitEnd: '2024-01-01' }) },
      ],
    },
  ],
  [{ parentValidity: 'whileFamilyQualifies' }, { members: [parent(), ...young] }],
  [
    { parentValidity: 'whileFamilyQualifies' },
    {
      members: [
        parent(),
        ...['x', 'y', 'z'].map((k) => child(k, '2004-01-01', { disabilityPermanent: true })),
      ],
    },
  ],
];

const reasons: Reason[] = FAMILIES.flatMap(([rules, family]) => {
  const d = decideEligibility({ ...RULES, ...rules }, family, D);
  return [...d.reasons, ...d.members.flatMap((m) => m.reasons)];
});

describe('the eligibility engine’s reasons in the pages’ languages', () => {
  it('covers every reason code the engine has, and the engine gives each of them here', () => {
    expect(Object.keys(REASON_PATTERNS).sort()).toEqual(Object.values(REASON_CODES).sort());
    expect([...new Set(reasons.map((r) => r.code))].sort()).toEqual(Object.values(REASON_CODES).sort());
  });

  it('has a message in English and Polish for every wording', () => {
    const keys = Object.values(REASON_PATTERNS).flatMap((ps) => ps.map((p) => p.key));
    expect(Object.keys(en).sort()).toEqual(keys.sort());
    expect(Object.keys(pl).sort()).toEqual(keys.sort());
  });

  it.each(['en', 'pl'])(
    'translates every reason the engine gave into %s, parameters filled in',
    (language) => {
      const messages = catalogue(language);
      for (const reason of reasons) {
        const text = translateReason(reason, messages, language);
        expect({ reason, translated: text !== null }).toEqual({ reason, translated: true });
        expect(text).not.toMatch(/\{\w+\}/);
      }
    },
  );

  it.each([
    [
      { code: 'too_few_children', message: '2 qualifying children (at least 3 needed)' },
      'Za mało dzieci spełniających warunki: 2 (wymagane co najmniej 3)',
    ],
    [
      { code: 'in_education', message: 'In education, until 2026-09-30' },
      'Dziecko uczy się, do 30 września 2026',
    ],
    [{ code: 'child_under_age_limit', message: 'Child under 18' }, 'Dziecko poniżej 18 lat'],
    [
      {
        code: 'parent_while_family_qualifies',
        message: 'Valid while the family has 3 qualifying children (indefinitely)',
      },
      'Karta ważna, dopóki rodzina ma 3 dzieci spełniających warunki (bezterminowo)',
    ],
  ])('%j in Polish: %s', (reason, text) => {
    expect(reasonView(reason, pl, 'pl')).toEqual({ text, lang: null });
  });

  it('keeps the engine’s English, marked as English, for an unknown code, wording or language', () => {
    const unknown = { code: 'moon_phase', message: 'The moon is full' };
    expect(reasonView(unknown, pl, 'pl')).toEqual({ text: 'The moon is full', lang: 'en' });
    const reworded = { code: 'child_under_age_limit', message: 'Younger than 18' };
    expect(reasonView(reworded, pl, 'pl')).toEqual({ text: 'Younger than 18', lang: 'en' });
    expect(reasonView(reworded, en, 'en')).toEqual({ text: 'Younger than 18', lang: null });
    expect(reasonView({ code: 'child_under_age_limit', message: 'Child under 18' }, undefined, 'hu')).toEqual(
      {
        text: 'Child under 18',
        lang: 'en',
      },
    );
  });
});
