import { audienceRefusal, Holder } from './offer-applicability';

describe('audienceRefusal', () => {
  const today = '2026-11-23';
  const child: Holder = { role: 'child', birthDate: '2016-11-24', familySize: 5 }; // 9 today, 10 tomorrow
  const parent: Holder = { role: 'parent', birthDate: '1985-03-01', familySize: 3 };
  const foster: Holder = { role: 'foster_child', birthDate: '2012-01-01', familySize: 4 };
  it.each<[string, object, Holder, string | null]>([
    ['everyone', { audience: { kind: 'all' }, minFamilySize: null }, parent, null],
    ['children: a child', { audience: { kind: 'children' }, minFamilySize: null }, child, null],
    ['children: a foster child', { audience: { kind: 'children' }, minFamilySize: null }, foster, null],
    [
      'children: a parent',
      { audience: { kind: 'children' }, minFamilySize: null },
      parent,
      'for children only',
    ],
    ['parents: a parent', { audience: { kind: 'parents' }, minFamilySize: null }, parent, null],
    ['parents: a child', { audience: { kind: 'parents' }, minFamilySize: null }, child, 'for parents only'],
    [
      '6-9: aged 9',
      { audience: { kind: 'age_range', minAge: 6, maxAge: 9 }, minFamilySize: null },
      child,
      null,
    ],
    [
      '10+: aged 9, the day before the birthday',
      { audience: { kind: 'age_range', minAge: 10 }, minFamilySize: null },
      child,
      'from age 10',
    ],
    [
      'up to 8: aged 9',
      { audience: { kind: 'age_range', maxAge: 8 }, minFamilySize: null },
      child,
      'up to age 8',
    ],
    [
      'families of 4+: three',
      { audience: { kind: 'all' }, minFamilySize: 4 },
      parent,
      'for families of 4 or more',
    ],
    ['families of 4+: five', { audience: { kind: 'all' }, minFamilySize: 4 }, child, null],
  ])('%s', (_, offer, holder, expected) => {
    expect(audienceRefusal(offer as Parameters<typeof audienceRefusal>[0], holder, today)).toBe(expected);
  });
});

describe('audienceRefusal without the holder facts an offer asks for', () => {
  const all = { audience: { kind: 'all' as const }, minFamilySize: null };
  const ages = { audience: { kind: 'age_range' as const, minAge: 6 }, minFamilySize: null };
  const big = { audience: { kind: 'children' as const }, minFamilySize: 5 };

  it('refuses to judge an offer by a fact about the holder that was not read', () => {
    const unread: Holder = { role: 'child', birthDate: null, familySize: null };
    expect(() => audienceRefusal({ ...ages }, unread, '2026-11-23')).toThrow(/birth date was not read/);
    expect(() => audienceRefusal({ ...big }, unread, '2026-11-23')).toThrow(/family size was not read/);
    expect(audienceRefusal(all, unread, '2026-11-23')).toBeNull();
  });
});
