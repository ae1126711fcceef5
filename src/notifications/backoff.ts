const MINUTE_MS = 60_000;
/** The longest wait between two attempts to send one message. */
export const MAX_BACKOFF_MS = 6 * 60 * MINUTE_MS;

/**
 * How long to wait before the next attempt after `attempts` failed ones: 1 minute after the first failure,
 * doubling after each further one (2, 4, 8 … minutes), never more than 6 hours.
 */
export function backoffMs(attempts: number): number {
  if (!Number.isInteger(attempts) || attempts < 1) return MINUTE_MS;
  // 2^9 minutes is already past the cap; stopping the exponent there keeps the arithmetic exact.
  return Math.min(MINUTE_MS * 2 ** Math.min(attempts - 1, 10), MAX_BACKOFF_MS);
}
