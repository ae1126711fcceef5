import { periodStart } from './schedule';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('periodStart', () => {
  it.each([
    ['2024-05-01T10:15:42.123Z', MINUTE, '2024-05-01T10:15:00.000Z'],
    ['2024-05-01T10:15:00.000Z', MINUTE, '2024-05-01T10:15:00.000Z'],
    ['2024-05-01T10:14:59.999Z', MINUTE, '2024-05-01T10:14:00.000Z'],
    ['2024-05-01T10:15:00.001Z', MINUTE, '2024-05-01T10:15:00.000Z'],
    ['2024-05-01T10:44:59.999Z', 15 * MINUTE, '2024-05-01T10:30:00.000Z'],
    ['2024-05-01T10:45:00.000Z', 15 * MINUTE, '2024-05-01T10:45:00.000Z'],
    ['2024-05-01T10:59:59.999Z', HOUR, '2024-05-01T10:00:00.000Z'],
    ['2024-05-01T23:59:59.999Z', DAY, '2024-05-01T00:00:00.000Z'],
    ['2024-05-02T00:00:00.000Z', DAY, '2024-05-02T00:00:00.000Z'],
    // Epoch-aligned weeks start on Thursdays (1 January 1970 was one).
    ['2024-05-01T12:00:00.000Z', 7 * DAY, '2024-04-25T00:00:00.000Z'],
    ['2024-05-01T10:15:42.123Z', 1, '2024-05-01T10:15:42.123Z'],
    // Periods that do not divide a minute still align to the epoch, not to the wall clock.
    ['2024-05-01T10:15:42.123Z', 7_000, '2024-05-01T10:15:38.000Z'],
    ['1970-01-01T00:00:00.000Z', MINUTE, '1970-01-01T00:00:00.000Z'],
    ['1969-12-31T23:59:59.999Z', 1_000, '1969-12-31T23:59:59.000Z'],
  ])('%s every %i ms starts at %s', (now, everyMs, expected) => {
    expect(periodStart(new Date(now), everyMs).toISOString()).toBe(expected);
  });

  it.each([0, -1, -MINUTE, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects everyMs = %p', (everyMs) => {
    expect(() => periodStart(new Date(), everyMs)).toThrow(RangeError);
  });

  it('gives every moment of one period the same start, and the next period a later one', () => {
    const first = periodStart(new Date('2024-05-01T10:00:00.000Z'), HOUR);
    const last = periodStart(new Date('2024-05-01T10:59:59.999Z'), HOUR);
    const next = periodStart(new Date('2024-05-01T11:00:00.000Z'), HOUR);
    expect(last.getTime()).toBe(first.getTime());
    expect(next.getTime() - first.getTime()).toBe(HOUR);
  });
});
