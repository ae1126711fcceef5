import { Module, OnApplicationBootstrap, ValidationPipe } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import type Redis from 'ioredis';
import { ProblemDetailsFilter } from './common/problem/problem-details.filter';
import { ProblemException } from './common/problem/problem.exception';
import { flattenValidationErrors } from './common/problem/validation-errors';
import { REDIS, RedisModule } from './common/redis.module';
import { throttlerOptions } from './common/throttling';
import { LimitsConfig } from './config/limits.config';
import { CORE_MODULES } from './core-modules';
import { HealthModule } from './health/health.module';
import { MetricsModule } from './metrics/metrics.module';
import { ReportsModule } from './reports/reports.module';
import { InitialAdminService } from './users/initial-admin.service';
import { WebModule } from './web/web.module';

@Module({
  imports: [
    ...CORE_MODULES,
    RedisModule,
    ThrottlerModule.forRootAsync({
      inject: [ConfigService, REDIS],
      useFactory: (config: ConfigService, redis: Redis | null) =>
        throttlerOptions(config.getOrThrow<LimitsConfig>('limits'), redis),
    }),
    HealthModule,
    MetricsModule,
    ReportsModule,
    WebModule,
  ],
  providers: [
    {
      provide: APP_PIPE,
      useValue: new ValidationPipe({
        whitelist: true,
        forbidNonWhitelisted: true,
        transform: true,
        stopAtFirstError: true,
        exceptionFactory: (errors) => ProblemException.validation(flattenValidationErrors(errors)),
      }),
    },
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
    { provide: APP_GUARD, useClass: ThrottlerGuard },
  ],
})
export class AppModule implements OnApplicationBootstrap {
  constructor(private readonly initialAdmin: InitialAdminService) {}

  /** Only the server creates the first admin; the CLI shares every other module but not this step. */
  async onApplicationBootstrap(): Promise<void> {
    await this.initialAdmin.ensureAdmin();
  }
}
