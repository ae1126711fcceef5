import { registerAs } from '@nestjs/config';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { ToInt, ToList } from './env-transforms';
import { validateEnv } from './validate-env';

class EnrolmentEnv {
  /** 32 bytes as base64 or 64 hex digits; unset: generated into DATA_DIR/secrets/personal-data.key. */
  @IsOptional()
  @Matches(/^(?:[0-9a-fA-F]{64}|[A-Za-z0-9+/_-]{43}=?)$/, {
    message: 'must be 32 bytes as 64 hex digits or base64 (or unset to generate one)',
  })
  PII_ENCRYPTION_KEY?: string;

  @IsOptional()
  @Matches(/^[A-Z][A-Z0-9]{1,15}$/, { message: 'must be 2-16 upper-case letters or digits' })
  PROGRAMME_CODE: string = 'FC';

  @IsOptional()
  @IsString()
  PROGRAMME_NAME: string = 'Family Card';

  @IsOptional()
  @IsString()
  PROGRAMME_TIME_ZONE: string = 'Europe/Warsaw';

  @IsOptional()
  @ToList()
  @Matches(/^[a-z]{2}$/, {
    each: true,
    message: 'must be a comma-separated list of two-letter language codes',
  })
  PROGRAMME_LANGUAGES: string[] = ['pl', 'en'];

  @IsOptional()
  @ToInt()
  @IsInt({ message: 'must be a number of bytes' })
  @Min(1024)
  @Max(50 * 1024 * 1024)
  DOCUMENT_MAX_BYTES: number = 5 * 1024 * 1024;
}

export const enrolmentConfig = registerAs('enrolment', () => {
  const env = validateEnv(EnrolmentEnv);
  return {
    piiKey: env.PII_ENCRYPTION_KEY,
    defaultProgramme: {
      code: env.PROGRAMME_CODE,
      name: env.PROGRAMME_NAME,
      timeZone: env.PROGRAMME_TIME_ZONE,
      languages: env.PROGRAMME_LANGUAGES,
    },
    documentMaxBytes: env.DOCUMENT_MAX_BYTES,
  };
});
export type EnrolmentConfig = ReturnType<typeof enrolmentConfig>;
