import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import Redis from 'ioredis';
import type { LimitsConfig } from '../config/limits.config';

export const REDIS = Symbol('REDIS');

/** The Redis client when REDIS_URL is set (shared counters across instances), otherwise null. */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [ConfigService],
      useFactory: (config: ConfigService): Redis | null => {
        const { redisUrl, redisKeyPrefix } = config.getOrThrow<LimitsConfig>('limits');
        if (!redisUrl) return null;
        // Fail fast while Redis is down (callers fall back), and reconnect in the background.
        const redis = new Redis(redisUrl, {
          keyPrefix: redisKeyPrefix,
          maxRetriesPerRequest: 1,
          enableOfflineQueue: false,
        });
        redis.on('error', () => undefined); // reported by the callers' fallbacks, not as unhandled events
        return redis;
      },
    },
  ],
  exports: [REDIS],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis | null) {}

  onApplicationShutdown(): void {
    this.redis?.disconnect(); // counters only: nothing to flush, and quit() would wait on a dead server
  }
}
