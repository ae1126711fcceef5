/**
 * Periods are aligned to the Unix epoch, so every instance computes the same period for the same moment and
 * the (job, period) key means the same thing everywhere.
 */
export function periodStart(now: Date, everyMs: number): Date {
  if (!Number.isInteger(everyMs) || everyMs <= 0) throw new RangeError('everyMs must be a positive integer');
  return new Date(Math.floor(now.getTime() / everyMs) * everyMs);
}
