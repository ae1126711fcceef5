import { RateLimitCounters } from './rate-limit-counters';

const MINUTE = 60_000;

/** Hits at the given times (ms) against a limit of 3 per minute; which ones pass. */
function passes(times: number[], limit = 3, blockDuration = MINUTE): boolean[] {
  let now = 0;
  const counters = new RateLimitCounters(() => now);
  return times.map((t) => {
    now = t;
    return !counters.hit('client', MINUTE, limit, blockDuration).isBlocked;
  });
}

describe('RateLimitCounters', () => {
  it.each([
    ['the limit within one window', [0, 1, 2], [true, true, true]],
    ['one over the limit', [0, 1, 2, 3], [true, true, true, false]],
    [
      'blocked for the block duration after going over',
      [0, 1, 2, 3, 30_000],
      [true, true, true, false, false],
    ],
    [
      'free again once the block has passed and the old hits no longer weigh',
      [0, 1, 2, 3, 120_001],
      [true, true, true, false, true],
    ],
    // At 45 s into the next window a quarter of the previous window overlaps: floor(3 × 0.25) = 0 + 1 new hit.
    [
      'the previous window weighs by its overlap',
      [0, 1, 2, 105_000, 105_001],
      [true, true, true, true, true],
    ],
    // At 1 s into the next window nearly all of the previous window still counts: floor(3 × 0.98) = 2, +1 = 3.
    [
      'no doubled burst at a window boundary',
      [0, 59_000, 59_001, 61_000, 61_001],
      [true, true, true, true, false],
    ],
  ])('%s', (_label, times, expected) => {
    expect(passes(times)).toEqual(expected);
  });

  it('counts clients apart and reports what the guard puts in its headers', () => {
    let now = 10_000;
    const counters = new RateLimitCounters(() => now);
    expect(counters.hit('a', MINUTE, 1, MINUTE)).toEqual({
      totalHits: 1,
      timeToExpire: 60,
      isBlocked: false,
      timeToBlockExpire: 0,
    });
    expect(counters.hit('b', MINUTE, 1, MINUTE).isBlocked).toBe(false);
    now = 40_000;
    expect(counters.hit('a', MINUTE, 1, 5_000)).toEqual({
      totalHits: 2,
      timeToExpire: 30,
      isBlocked: true,
      timeToBlockExpire: 5,
    });
  });

  it('forgets quiet clients, so memory stays bounded by the busy ones', () => {
    let now = 0;
    const counters = new RateLimitCounters(() => now);
    for (let i = 0; i < 1000; i++) counters.hit(`client-${i}`, MINUTE, 10, MINUTE);
    expect(counters.size).toBe(1000);
    now = 3 * MINUTE;
    counters.hit('busy', MINUTE, 10, MINUTE);
    expect(counters.size).toBe(1);
  });

  it('keeps constant work per hit however many hits a client makes', async () => {
    const counters = new RateLimitCounters();
    for (let i = 0; i < 100_000; i++) await counters.increment('till', MINUTE, 1e9, MINUTE);
    expect(counters.size).toBe(1);
    expect(counters.hit('till', MINUTE, 1e9, MINUTE).totalHits).toBeGreaterThan(100_000);
  });
});
