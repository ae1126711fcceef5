import { registerAs } from '@nestjs/config';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { ToInt } from './env-transforms';
import { validateEnv } from './validate-env';

class MailEnv {
  /** Unset: messages are written as .eml files to DATA_DIR/outbox instead of being sent. */
  @IsOptional()
  @Matches(/^smtps?:\/\/[^\s/?#]+(\/[^\s]*)?$/, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsOptional()
  @Matches(/^(?:[^<>\r\n]*<[^<>\s@]+@[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+)$/, {
    message: 'must be an e-mail address, optionally as "Name <address>"',
  })
  MAIL_FROM: string = 'Family Card <no-reply@localhost>';

  @IsOptional()
  @ToInt()
  @IsInt({ message: 'must be a whole number of attempts' })
  @Min(1)
  @Max(100)
  MAIL_MAX_ATTEMPTS: number = 8;

  @IsOptional()
  @ToInt()
  @IsInt({ message: 'must be a whole number of seconds' })
  @Min(1)
  @Max(86_400)
  MAIL_SEND_INTERVAL_SECONDS: number = 30;
}

export const mailConfig = registerAs('mail', () => {
  const env = validateEnv(MailEnv);
  return {
    smtpUrl: env.SMTP_URL,
    from: env.MAIL_FROM.trim(),
    maxAttempts: env.MAIL_MAX_ATTEMPTS,
    sendIntervalMs: env.MAIL_SEND_INTERVAL_SECONDS * 1000,
  };
});
export type MailConfig = ReturnType<typeof mailConfig>;
