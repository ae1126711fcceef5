import { registerAs } from '@nestjs/config';
import { IsBoolean, IsOptional, IsString, MinLength } from 'class-validator';
import { ToBool } from '../config/env-transforms';
import { validateEnv } from '../config/validate-env';

class MetricsEnv {
  @IsOptional()
  @ToBool()
  @IsBoolean({ message: 'must be true or false' })
  METRICS_ENABLED: boolean = true;

  // Long enough that guessing it is hopeless: /metrics is not rate limited (Prometheus scrapes it often).
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  METRICS_TOKEN?: string;
}

export const metricsConfig = registerAs('metrics', () => {
  const env = validateEnv(MetricsEnv);
  return {
    enabled: env.METRICS_ENABLED,
    /** null: only direct requests from the machine itself (loopback, no proxy in between) may read /metrics. */
    token: env.METRICS_TOKEN ?? null,
  };
});
export type MetricsConfig = ReturnType<typeof metricsConfig>;
