import { lockoutAfterFailure } from './auth.service';

const NOW = new Date('2024-05-01T10:00:00.000Z');

describe('lockoutAfterFailure', () => {
  it.each<[number, number, number, string | null]>([
    [0, 5, 15, null],
    [1, 5, 15, null],
    [4, 5, 15, null],
    [5, 5, 15, '2024-05-01T10:15:00.000Z'],
    [6, 5, 15, '2024-05-01T10:15:00.000Z'],
    [50, 5, 15, '2024-05-01T10:15:00.000Z'],
    [1, 1, 1, '2024-05-01T10:01:00.000Z'],
    [2, 3, 60, null],
    [3, 3, 60, '2024-05-01T11:00:00.000Z'],
    [10, 10, 24 * 60, '2024-05-02T10:00:00.000Z'],
  ])('%i failures of %i allowed, %i min lock → %s', (failures, max, minutes, expected) => {
    const until = lockoutAfterFailure(failures, max, minutes, NOW);
    expect(until?.toISOString() ?? null).toBe(expected);
  });

  it('does not move the clock it was given', () => {
    const now = new Date(NOW);
    lockoutAfterFailure(5, 5, 15, now);
    expect(now.getTime()).toBe(NOW.getTime());
  });
});
