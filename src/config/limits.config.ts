import { registerAs } from '@nestjs/config';
import { IsBoolean, IsInt, IsOptional, IsString, Matches, Min } from 'class-validator';
import { ToBool, ToInt } from './env-transforms';
import { validateEnv } from './validate-env';

class LimitsEnv {
  @IsOptional()
  @Matches(/^rediss?:\/\/.+/, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  @IsOptional()
  @IsString()
  REDIS_KEY_PREFIX: string = 'family-card:';

  @IsOptional()
  @ToInt()
  @IsInt({ message: 'must be a whole number of requests' })
  @Min(1)
  RATE_LIMIT_PER_MINUTE: number = 600;

  @IsOptional()
  @ToInt()
  @IsInt({ message: 'must be a whole number of requests' })
  @Min(1)
  RATE_LIMIT_LOGIN_PER_MINUTE: number = 10;

  /** Self-service writes by families and would-be partners: registering, applying, uploading. */
  @IsOptional()
  @ToInt()
  @IsInt({ message: 'must be a whole number of requests' })
  @Min(1)
  RATE_LIMIT_SELF_SERVICE_PER_MINUTE: number = 30;

  /** Card checks and redemptions per merchant account or till key. */
  @IsOptional()
  @ToInt()
  @IsInt({ message: 'must be a whole number of requests' })
  @Min(1)
  RATE_LIMIT_VALIDATION_PER_MINUTE: number = 120;

  /** Card checks and redemptions per client address, whatever the credential (a shop's many tills share one). */
  @IsOptional()
  @ToInt()
  @IsInt({ message: 'must be a whole number of requests' })
  @Min(1)
  RATE_LIMIT_VALIDATION_PER_IP_PER_MINUTE: number = 600;

  /** The public check page behind the QR code, per client address. */
  @IsOptional()
  @ToInt()
  @IsInt({ message: 'must be a whole number of requests' })
  @Min(1)
  RATE_LIMIT_PUBLIC_CHECK_PER_MINUTE: number = 30;

  /** Unknown, forged or malformed codes from one account or key within VALIDATION_BURST_MINUTES that raise a flag for staff. */
  @IsOptional()
  @ToInt()
  @IsInt({ message: 'must be a whole number of checks' })
  @Min(2)
  VALIDATION_BURST_LIMIT: number = 20;

  @IsOptional()
  @ToInt()
  @IsInt({ message: 'must be a whole number of minutes' })
  @Min(1)
  VALIDATION_BURST_MINUTES: number = 10;

  @IsOptional()
  @ToBool()
  @IsBoolean({ message: 'must be true or false' })
  JOBS_ENABLED: boolean = true;

  @IsOptional()
  @ToInt()
  @IsInt({ message: 'must be a number of milliseconds' })
  @Min(10)
  JOBS_TICK_MS: number = 15_000;
}

export const limitsConfig = registerAs('limits', () => {
  const env = validateEnv(LimitsEnv);
  return {
    redisUrl: env.REDIS_URL,
    redisKeyPrefix: env.REDIS_KEY_PREFIX,
    perMinute: env.RATE_LIMIT_PER_MINUTE,
    loginPerMinute: env.RATE_LIMIT_LOGIN_PER_MINUTE,
    selfServicePerMinute: env.RATE_LIMIT_SELF_SERVICE_PER_MINUTE,
    validationPerMinute: env.RATE_LIMIT_VALIDATION_PER_MINUTE,
    validationPerIpPerMinute: env.RATE_LIMIT_VALIDATION_PER_IP_PER_MINUTE,
    publicCheckPerMinute: env.RATE_LIMIT_PUBLIC_CHECK_PER_MINUTE,
    validationBurst: { limit: env.VALIDATION_BURST_LIMIT, minutes: env.VALIDATION_BURST_MINUTES },
    jobsEnabled: env.JOBS_ENABLED,
    jobsTickMs: env.JOBS_TICK_MS,
  };
});
export type LimitsConfig = ReturnType<typeof limitsConfig>;
