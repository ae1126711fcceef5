import { registerAs } from '@nestjs/config';
import { IsEmail, IsInt, IsOptional, IsString, Max, Min, MinLength } from 'class-validator';
import { ToInt } from './env-transforms';
import { validateEnv } from './validate-env';

class AuthEnv {
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters (or unset to generate one)' })
  JWT_SECRET?: string;

  @IsOptional()
  @ToInt()
  @IsInt({ message: 'must be a number of seconds' })
  @Min(60)
  @Max(86_400)
  ACCESS_TOKEN_TTL_SECONDS: number = 900;

  @IsOptional()
  @ToInt()
  @IsInt({ message: 'must be a number of seconds' })
  @Min(300)
  REFRESH_TOKEN_TTL_SECONDS: number = 2_592_000;

  @IsOptional()
  @ToInt()
  @IsInt({ message: 'must be a whole number of attempts' })
  @Min(1)
  LOGIN_MAX_FAILURES: number = 5;

  @IsOptional()
  @ToInt()
  @IsInt({ message: 'must be a number of minutes' })
  @Min(1)
  LOGIN_LOCK_MINUTES: number = 15;

  @IsOptional()
  @IsEmail({ require_tld: false }, { message: 'must be an e-mail address' })
  ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  ADMIN_PASSWORD?: string;
}

export const authConfig = registerAs('auth', () => {
  const env = validateEnv(AuthEnv);
  return {
    jwtSecret: env.JWT_SECRET,
    accessTokenTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlSeconds: env.REFRESH_TOKEN_TTL_SECONDS,
    maxFailures: env.LOGIN_MAX_FAILURES,
    lockMinutes: env.LOGIN_LOCK_MINUTES,
    adminEmail: env.ADMIN_EMAIL?.toLowerCase(),
    adminPassword: env.ADMIN_PASSWORD,
  };
});
export type AuthConfig = ReturnType<typeof authConfig>;
