import { changedFields, stripUndefined } from './changes';

describe('changedFields', () => {
  it.each([
    [{ a: 1, b: 'x' }, { a: 1, b: 'x' }, [], {}],
    [{ a: 1 }, { a: 2 }, [], { a: { from: 1, to: 2 } }],
    [{ a: { k: [1] } }, { a: { k: [1] } }, [], {}],
    [{ a: { k: [1] } }, { a: { k: [2] } }, [], { a: { from: { k: [1] }, to: { k: [2] } } }],
    [{ a: 1, s: 'x' }, { a: 1, s: 'y' }, ['s'], {}],
    [{}, { a: null }, [], { a: { from: undefined, to: null } }],
  ])('%j → %j (ignoring %j)', (before, after, ignore, expected) => {
    expect(changedFields(before, after, ignore)).toEqual(expected);
  });
});

describe('stripUndefined', () => {
  it('drops undefined fields and keeps null, false and 0', () => {
    expect(stripUndefined({ a: undefined, b: null, c: false, d: 0 })).toEqual({ b: null, c: false, d: 0 });
  });
});

describe('sameJson and changedFields with objects whose keys come back in another order (jsonb)', () => {
  it('sees no change', () => {
    const stored = { kind: 'temporary', endsOn: '2026-12-31', startsOn: '2026-12-01' };
    const sent = { kind: 'temporary', startsOn: '2026-12-01', endsOn: '2026-12-31' };
    expect(changedFields({ schedule: stored }, { schedule: sent })).toEqual({});
  });
});
