import { nestedDeeperThan } from './depth-guard';

const deep = (levels: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = i % 2 ? [value] : { a: value };
  return value;
};

describe('nestedDeeperThan', () => {
  it.each([
    ['a scalar', 'text', 0, false],
    ['an empty object at the limit', {}, 1, false],
    ['an offer body (4 levels)', { openingHours: { mon: [['10:00', '22:00']] } }, 4, false],
    ['the same body, limit 3', { openingHours: { mon: [['10:00', '22:00']] } }, 3, true],
    ['32 levels, limit 32', deep(32), 32, false],
    ['33 levels, limit 32', deep(33), 32, true],
    ['100,000 levels (no stack overflow)', deep(100_000), 32, true],
    ['a Buffer (raw upload)', Buffer.alloc(10), 0, false],
  ])('%s', (_label, value, max, expected) => {
    expect(nestedDeeperThan(value, max)).toBe(expected);
  });
});
