import { registerAs } from '@nestjs/config';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { resolve } from 'node:path';
import { ToBool, ToInt, ToList } from './env-transforms';
import { validateEnv } from './validate-env';

class AppEnv {
  @IsOptional()
  @IsIn(['development', 'production', 'test'], { message: 'must be development, production or test' })
  NODE_ENV: string = 'development';

  @IsOptional()
  @ToInt()
  @IsInt({ message: 'must be an integer port number' })
  @Min(0)
  @Max(65535)
  PORT: number = 3000;

  @IsOptional()
  @IsString()
  HOST: string = '0.0.0.0';

  @IsOptional()
  @IsString()
  DATA_DIR: string = './data';

  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] }, { message: 'must be an http(s) URL' })
  PUBLIC_URL?: string;

  @IsOptional()
  @Matches(/^(true|false|\d+|[\d.:/a-fA-F]+(\s*,\s*[\d.:/a-fA-F]+)*)$/, {
    message: 'must be true, false, a hop count or a comma-separated list of addresses/CIDRs',
  })
  TRUST_PROXY: string = 'false';

  @IsOptional()
  @ToList()
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['http', 'https'] },
    { each: true, message: 'must be a comma-separated list of origins such as https://portal.city.example' },
  )
  CORS_ORIGINS: string[] = [];

  @IsOptional()
  @ToInt()
  @IsInt({ message: 'must be a number of bytes' })
  @Min(1024)
  BODY_LIMIT_BYTES: number = 1_048_576;

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  @IsOptional()
  @ToInt()
  @IsInt()
  @Min(0)
  SHUTDOWN_GRACE_MS: number = 10_000;

  @IsOptional()
  @ToBool()
  @IsBoolean({ message: 'must be true or false' })
  DEMO: boolean = false;

  // One host, so that the pages' CSP can name it in img-src; {s} subdomain templates are not supported.
  @IsOptional()
  @Matches(
    /^(?=.*\{z\})(?=.*\{x\})(?=.*\{y\})https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?\/[^\s"'<>\\{}]*(\{[xyz]\}[^\s"'<>\\{}]*)+$/,
    {
      message:
        'must be an http(s) tile URL template with {z}, {x} and {y}, such as https://tile.example.org/{z}/{x}/{y}.png',
    },
  )
  MAP_TILE_URL?: string;

  // Tile servers' terms require their attribution next to the map.
  @ValidateIf((env: AppEnv) => env.MAP_TILE_URL !== undefined || env.MAP_ATTRIBUTION !== undefined)
  @MaxLength(200, { message: 'must be at most 200 characters' })
  @IsString({ message: 'must be the tile server’s attribution text, required with MAP_TILE_URL' })
  MAP_ATTRIBUTION?: string;
}

export type TrustProxy = boolean | number | string[];

export function parseTrustProxy(raw: string): TrustProxy {
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  if (/^\d+$/.test(raw)) return Number(raw);
  return raw.split(',').map((s) => s.trim());
}

export const appConfig = registerAs('app', () => {
  const env = validateEnv(AppEnv);
  const port = env.PORT;
  return {
    env: env.NODE_ENV,
    port,
    host: env.HOST,
    dataDir: resolve(env.DATA_DIR),
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    corsOrigins: env.CORS_ORIGINS,
    bodyLimit: env.BODY_LIMIT_BYTES,
    logLevel: env.LOG_LEVEL,
    shutdownGraceMs: env.SHUTDOWN_GRACE_MS,
    demo: env.DEMO,
    /** Tiles of the catalogue's map; null: no map, the catalogue lists places with distances only. */
    map: env.MAP_TILE_URL ? { tileUrl: env.MAP_TILE_URL, attribution: env.MAP_ATTRIBUTION! } : null,
  };
});
export type AppConfig = ReturnType<typeof appConfig>;
