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
        return redisUrl ? new Redis(redisUrl, { keyPrefix: redisKeyPrefix, maxRetriesPerRequest: 2 }) : null;
      },
    },
  ],
  exports: [REDIS],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis | null) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis?.quit().catch(() => this.redis?.disconnect());
  }
}
