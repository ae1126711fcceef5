import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport, type SendMailOptions, type Transporter } from 'nodemailer';
import type { AppConfig } from '../config/app.config';
import type { MailConfig } from '../config/mail.config';

/** One rendered message, as the outbox stores it. */
export interface OutgoingEmail {
  /** The outbox message id; it also makes the Message-ID, so a message sent twice is recognisably one. */
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

/**
 * Where outgoing mail goes. The application uses {@link NodemailerMailTransport}; it is a provider of its own
 * so that the sending loop does not care whether a message goes to an SMTP server or to a file.
 */
export abstract class MailTransport {
  /** Resolves once the message is accepted (by the SMTP server, or written to disk); rejects otherwise. */
  abstract send(mail: OutgoingEmail): Promise<void>;
  /** Where messages go, without credentials, for logs: `smtp://mail.city.example:587` or a folder. */
  abstract describe(): string;
}

const SMTP_TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };

/** The domain of the sender address, for Message-IDs: `Family Card <no-reply@city.example>` → `city.example`. */
export function senderDomain(from: string): string {
  return /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'localhost';
}

/** `smtps://user:secret@host:465/?x=y` → `smtps://host:465`: safe to log. */
export function describeSmtpUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return 'smtp (unparsable URL)';
  }
}

/**
 * SMTP when `SMTP_URL` is set (nodemailer, one connection per message unless the URL asks for `?pool=true`);
 * otherwise each message is written as an RFC 822 file `<DATA_DIR>/outbox/<id>.eml`, for development and for
 * cities that hand mail over to another system.
 */
@Injectable()
export class NodemailerMailTransport extends MailTransport implements OnApplicationShutdown {
  private readonly mail: MailConfig;
  private readonly outboxDir: string;
  private readonly domain: string;
  private smtp?: Transporter;
  private files?: Transporter;

  constructor(config: ConfigService) {
    super();
    this.mail = config.getOrThrow<MailConfig>('mail');
    this.outboxDir = join(config.getOrThrow<AppConfig>('app').dataDir, 'outbox');
    this.domain = senderDomain(this.mail.from);
  }

  describe(): string {
    return this.mail.smtpUrl ? describeSmtpUrl(this.mail.smtpUrl) : `files in ${this.outboxDir}`;
  }

  async send(mail: OutgoingEmail): Promise<void> {
    const message: SendMailOptions = {
      from: this.mail.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: `<${mail.id}@${this.domain}>`,
    };
    if (this.mail.smtpUrl) {
      this.smtp ??= createTransport({ url: this.mail.smtpUrl, ...SMTP_TIMEOUTS });
      await this.smtp.sendMail(message);
      return;
    }
    this.files ??= createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
    const info = (await this.files.sendMail(message)) as { message: Buffer };
    await this.writeAtomically(join(this.outboxDir, `${mail.id}.eml`), info.message);
  }

  onApplicationShutdown(): void {
    this.smtp?.close();
    this.files?.close();
  }

  /** Temp file + rename: whoever picks up `*.eml` never sees half a message. */
  private async writeAtomically(file: string, content: Buffer): Promise<void> {
    // Messages carry personal data: readable by the service's user only.
    await mkdir(this.outboxDir, { recursive: true, mode: 0o700 });
    const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temp, content, { mode: 0o600, flag: 'wx' });
      await rename(temp, file);
    } catch (error) {
      await rm(temp, { force: true }).catch(() => undefined);
      throw error;
    }
  }
}
