import { ExecutionContext } from '@nestjs/common';
import { ThrottlerModuleOptions } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import type Redis from 'ioredis';
import type { LimitsConfig } from '../config/limits.config';
import { RATE_LIMIT_KEY, RateLimitGroup } from './decorators/auth.decorator';

const groupOf = (ctx: ExecutionContext): RateLimitGroup | undefined =>
  Reflect.getMetadata(RATE_LIMIT_KEY, ctx.getHandler()) ?? Reflect.getMetadata(RATE_LIMIT_KEY, ctx.getClass());

/**
 * A generous per-client limit on every route plus stricter named limits on the routes marked @RateLimit(group).
 * Counters live in Redis when REDIS_URL is set, so all instances share them; otherwise in this process.
 */
export function throttlerOptions(limits: LimitsConfig, redis: Redis | null): ThrottlerModuleOptions {
  const groups: Record<RateLimitGroup, number> = { login: limits.loginPerMinute };
  return {
    throttlers: [
      { name: 'default', ttl: 60_000, limit: limits.perMinute },
      ...Object.entries(groups).map(([name, limit]) => ({
        name,
        ttl: 60_000,
        limit,
        skipIf: (ctx: ExecutionContext) => groupOf(ctx) !== name,
      })),
    ],
    storage: redis ? new ThrottlerStorageRedisService(redis) : undefined,
  };
}
