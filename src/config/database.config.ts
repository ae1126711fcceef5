import { registerAs } from '@nestjs/config';
import { IsInt, IsOptional, Matches, Min } from 'class-validator';
import { join, resolve } from 'node:path';
import { ToInt } from './env-transforms';
import { validateEnv } from './validate-env';

class DatabaseEnv {
  @IsOptional()
  @Matches(/^(postgres|postgresql):\/\/.+/, { message: 'must be a postgres:// URL (leave unset for SQLite)' })
  DATABASE_URL?: string;

  @IsOptional()
  @ToInt()
  @IsInt({ message: 'must be a whole number of connections' })
  @Min(1)
  DATABASE_POOL_SIZE: number = 10;

  @IsOptional()
  @ToInt()
  @IsInt({ message: 'must be a number of milliseconds' })
  @Min(0)
  SQLITE_BUSY_TIMEOUT_MS: number = 5000;

  @IsOptional()
  @ToInt()
  @IsInt({ message: 'must be a number of milliseconds' })
  @Min(100)
  DATABASE_HEALTH_TIMEOUT_MS: number = 2000;

  @IsOptional()
  DATA_DIR: string = './data';
}

export type DatabaseConfig =
  | { engine: 'sqlite'; file: string; busyTimeoutMs: number; healthTimeoutMs: number }
  | { engine: 'postgres'; url: string; poolSize: number; healthTimeoutMs: number };

export function loadDatabaseConfig(env: Record<string, string | undefined> = process.env): DatabaseConfig {
  const v = validateEnv(DatabaseEnv, env);
  if (v.DATABASE_URL) {
    return {
      engine: 'postgres',
      url: v.DATABASE_URL,
      poolSize: v.DATABASE_POOL_SIZE,
      healthTimeoutMs: v.DATABASE_HEALTH_TIMEOUT_MS,
    };
  }
  return {
    engine: 'sqlite',
    file: join(resolve(v.DATA_DIR), 'family-card.sqlite'),
    busyTimeoutMs: v.SQLITE_BUSY_TIMEOUT_MS,
    healthTimeoutMs: v.DATABASE_HEALTH_TIMEOUT_MS,
  };
}

export const databaseConfig = registerAs('database', () => loadDatabaseConfig());
