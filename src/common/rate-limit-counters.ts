import type { ThrottlerStorage } from '@nestjs/throttler';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

interface Counter {
  /** Start of the current window (ms). */
  start: number;
  ttl: number;
  current: number;
  previous: number;
  blockedUntil: number;
}

/**
 * Rate-limit counters in this process, in constant time and memory per client: a sliding-window counter (this
 * window's hits plus the previous window's, weighted by how much of it still overlaps). @nestjs/throttler's own
 * memory storage keeps one timestamp per hit and filters them all on every request, which at a till's 500
 * checks a second means tens of thousands of entries scanned per request.
 */
export class RateLimitCounters implements ThrottlerStorage {
  private readonly counters = new Map<string, Counter>();
  private lastSweep = 0;

  constructor(private readonly clock: () => number = Date.now) {}

  /** The key already names its throttler (the guard's key hashes it in), so the name is not needed. */
  increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    _throttlerName?: string,
  ): Promise<ThrottlerStorageRecord> {
    return Promise.resolve(this.hit(key, ttl, limit, blockDuration));
  }

  hit(key: string, ttl: number, limit: number, blockDuration: number): ThrottlerStorageRecord {
    const now = this.clock();
    this.sweep(now);
    const counter = this.slide(key, ttl, now);
    const seconds = (ms: number) => Math.max(0, Math.ceil(ms / 1000));
    const timeToExpire = seconds(counter.start + ttl - now);
    if (counter.blockedUntil > now)
      return {
        totalHits: limit + 1,
        timeToExpire,
        isBlocked: true,
        timeToBlockExpire: seconds(counter.blockedUntil - now),
      };
    counter.current += 1;
    const overlap = 1 - (now - counter.start) / ttl;
    const totalHits = Math.floor(counter.previous * overlap) + counter.current;
    if (totalHits <= limit) return { totalHits, timeToExpire, isBlocked: false, timeToBlockExpire: 0 };
    counter.blockedUntil = now + blockDuration;
    return { totalHits, timeToExpire, isBlocked: true, timeToBlockExpire: seconds(blockDuration) };
  }

  /** How many clients are being counted (for tests and metrics). */
  get size(): number {
    return this.counters.size;
  }

  /** The key's counter with its window moved up to `now`. */
  private slide(key: string, ttl: number, now: number): Counter {
    let counter = this.counters.get(key);
    if (!counter || counter.ttl !== ttl) {
      counter = { start: now, ttl, current: 0, previous: 0, blockedUntil: 0 };
      this.counters.set(key, counter);
    } else if (now >= counter.start + ttl) {
      const windows = Math.floor((now - counter.start) / ttl);
      counter.previous = windows === 1 ? counter.current : 0;
      counter.current = 0;
      counter.start += windows * ttl;
    }
    return counter;
  }

  /** Once a minute, forgets clients that have been quiet for two windows and are not blocked. */
  private sweep(now: number): void {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [key, c] of this.counters)
      if (now >= c.start + 2 * c.ttl && c.blockedUntil <= now) this.counters.delete(key);
  }
}
