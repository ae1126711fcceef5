import { ExecutionContext, Logger } from '@nestjs/common';
import { ThrottlerModuleOptions, ThrottlerStorage } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import type Redis from 'ioredis';
import type { LimitsConfig } from '../config/limits.config';
import { parseApiKey } from '../api-keys/api-key-format';
import { extractCredential } from '../auth/auth.guard';
import { RATE_LIMIT_KEY, RateLimitGroup } from './decorators/auth.decorator';
import { RateLimitCounters } from './rate-limit-counters';

const groupOf = (ctx: ExecutionContext): RateLimitGroup | undefined =>
  Reflect.getMetadata(RATE_LIMIT_KEY, ctx.getHandler()) ??
  Reflect.getMetadata(RATE_LIMIT_KEY, ctx.getClass());

/**
 * A generous per-client limit on every route plus stricter named limits on the routes marked @RateLimit(group).
 * Counters live in Redis when REDIS_URL is set, so all instances share them; otherwise in this process.
 */
export function throttlerOptions(limits: LimitsConfig, redis: Redis | null): ThrottlerModuleOptions {
  const groups: Record<RateLimitGroup, number> = {
    login: limits.loginPerMinute,
    selfService: limits.selfServicePerMinute,
    validation: limits.validationPerIpPerMinute,
    publicCheck: limits.publicCheckPerMinute,
  };
  return {
    throttlers: [
      { name: 'default', ttl: 60_000, limit: limits.perMinute },
      ...Object.entries(groups).map(([name, limit]) => ({
        name,
        ttl: 60_000,
        limit,
        skipIf: (ctx: ExecutionContext) => groupOf(ctx) !== name,
      })),
      // Card checks are also counted per merchant account or till key, whatever address they come from.
      {
        name: 'validationPerCredential',
        ttl: 60_000,
        limit: limits.validationPerMinute,
        skipIf: (ctx: ExecutionContext) => groupOf(ctx) !== 'validation',
        getTracker: (req: Record<string, unknown>) => credentialTracker(req) ?? String(req.ip),
      },
    ],
    storage: redis ? new FallbackStorage(new ThrottlerStorageRedisService(redis)) : new RateLimitCounters(),
  };
}

/**
 * Redis counters, falling back to this process's own while Redis is unreachable: a Redis outage weakens the
 * limits to per instance for a while (the database lock-out still guards logins) instead of failing requests.
 */
export class FallbackStorage implements ThrottlerStorage {
  private readonly local = new RateLimitCounters();
  private readonly logger = new Logger('RateLimits');
  private degraded = false;

  constructor(private readonly shared: ThrottlerStorage) {}

  async increment(...args: Parameters<ThrottlerStorage['increment']>) {
    try {
      const record = await this.shared.increment(...args);
      if (this.degraded) this.logger.log('Redis is back; rate limits are shared again');
      this.degraded = false;
      return record;
    } catch (error) {
      if (!this.degraded)
        this.logger.warn(`Redis unreachable (${(error as Error).message}); counting per instance`);
      this.degraded = true;
      return this.local.increment(...args);
    }
  }
}

/**
 * Who presents a request, for per-credential limits: the till key's public prefix, or the user of a bearer
 * token (its `sub`, read without verifying: the auth guard rejects forged tokens next, and a forger gains only
 * a counter of its own). Null when there is no credential.
 */
export function credentialTracker(req: Record<string, unknown>): string | null {
  const credential = extractCredential(req.headers as Record<string, string | string[] | undefined>);
  if (!credential) return null;
  const key = parseApiKey(credential);
  if (key) return `key:${key.prefix}`;
  const [, body] = credential.split('.');
  try {
    const sub = (JSON.parse(Buffer.from(body ?? '', 'base64url').toString('utf8')) as { sub?: unknown }).sub;
    return typeof sub === 'string' ? `user:${sub}` : null;
  } catch {
    return null;
  }
}
