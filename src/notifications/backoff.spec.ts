import { backoffMs, MAX_BACKOFF_MS } from './backoff';

const MIN = 60_000;

describe('backoffMs', () => {
  it.each([
    [1, 1 * MIN],
    [2, 2 * MIN],
    [3, 4 * MIN],
    [4, 8 * MIN],
    [5, 16 * MIN],
    [6, 32 * MIN],
    [7, 64 * MIN],
    [8, 128 * MIN],
    [9, 256 * MIN],
    [10, 360 * MIN],
    [11, 360 * MIN],
    [50, 360 * MIN],
    [10_000, 360 * MIN],
  ])('after %i failed attempt(s) waits %i ms', (attempts, expected) => {
    expect(backoffMs(attempts)).toBe(expected);
  });

  it.each([0, -1, 1.5, Number.NaN])('treats a nonsense count (%p) as the first failure', (attempts) => {
    expect(backoffMs(attempts)).toBe(MIN);
  });

  it('caps at six hours', () => {
    expect(MAX_BACKOFF_MS).toBe(6 * 3_600_000);
  });
});
