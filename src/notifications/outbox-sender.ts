import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { LessThanOrEqual } from 'typeorm';
import type { MailConfig } from '../config/mail.config';
import { TransactionService } from '../database/transaction.service';
import { JobsService } from '../jobs/jobs.service';
import { backoffMs } from './backoff';
import { MailTransport } from './mail-transport';
import { OutboxMessageEntity } from './outbox-message.entity';

export const SEND_JOB = 'notifications.send';
/** Messages fetched per round; a run keeps fetching rounds while they come back full and time allows. */
export const BATCH_SIZE = 50;
/**
 * How long a claimed message is reserved for the instance sending it. Longer than one SMTP exchange can take
 * (the transport's timeouts add up to two minutes); if the instance dies mid-send, the message is retried
 * once the lease has passed.
 */
export const LEASE_MS = 10 * 60_000;
export const LAST_ERROR_MAX_LENGTH = 500;

export interface SendReport {
  sent: number;
  failed: number;
  /** Claimed by another instance (or re-queued) between the look-up and the claim. */
  skipped: number;
}

/** An error message fit for `last_error`: one line, no credentials from SMTP_URL, at most 500 characters. */
export function describeSendError(error: unknown, smtpUrl?: string): string {
  let text = error instanceof Error ? error.message || error.name : String(error);
  const secrets: string[] = [];
  if (smtpUrl) {
    secrets.push(smtpUrl);
    try {
      const url = new URL(smtpUrl);
      for (const part of [url.password, url.username]) {
        if (!part) continue;
        secrets.push(part);
        try {
          secrets.push(decodeURIComponent(part));
        } catch {
          // not percent-encoded
        }
      }
    } catch {
      // validated at start-up; nothing more to hide
    }
  }
  for (const secret of secrets.filter((s) => s.length >= 3).sort((a, b) => b.length - a.length))
    text = text.split(secret).join('[hidden]');
  text = text.replace(/\s+/g, ' ').trim() || 'unknown error';
  return text.length > LAST_ERROR_MAX_LENGTH ? `${text.slice(0, LAST_ERROR_MAX_LENGTH - 1)}…` : text;
}

/**
 * Sends what the outbox holds. Every `MAIL_SEND_INTERVAL_SECONDS` the `notifications.send` job (once across
 * all instances) picks due messages, oldest due first, claims each with a conditional update, sends it and
 * records the outcome. A failure is retried with exponential back-off until `MAIL_MAX_ATTEMPTS`.
 */
@Injectable()
export class OutboxSender implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Outbox');
  private readonly mail: MailConfig;
  private stopping = false;

  constructor(
    private readonly tx: TransactionService,
    private readonly jobs: JobsService,
    private readonly transport: MailTransport,
    config: ConfigService,
  ) {
    this.mail = config.getOrThrow<MailConfig>('mail');
  }

  onModuleInit(): void {
    this.jobs.register({
      name: SEND_JOB,
      everyMs: this.mail.sendIntervalMs,
      run: async () => {
        const report = await this.sendDue();
        if (report.sent || report.failed)
          this.logger.log(
            `outbox via ${this.transport.describe()}: ${report.sent} sent, ${report.failed} failed attempt(s)`,
          );
      },
    });
  }

  /** Stop between two messages when the application closes; the rest stay due for the next run. */
  onModuleDestroy(): void {
    this.stopping = true;
  }

  /** Sends every message due at the time of the call (in rounds of {@link BATCH_SIZE}). */
  async sendDue(): Promise<SendReport> {
    const report: SendReport = { sent: 0, failed: 0, skipped: 0 };
    const started = Date.now();
    for (;;) {
      const due = await this.tx.run((em) =>
        em.find(OutboxMessageEntity, {
          select: ['id', 'recipient', 'subject', 'text', 'html', 'nextAttemptAt'],
          where: { status: 'pending', nextAttemptAt: LessThanOrEqual(new Date()) },
          order: { nextAttemptAt: 'ASC', id: 'ASC' },
          take: BATCH_SIZE,
        }),
      );
      for (const message of due) {
        if (this.stopping) return report;
        report[await this.sendOne(message)]++;
      }
      // A full round may mean more are due; carry on for at most one period, leaving time for other jobs.
      if (due.length < BATCH_SIZE || Date.now() - started > this.mail.sendIntervalMs / 2) return report;
    }
  }

  private async sendOne(message: OutboxMessageEntity): Promise<keyof SendReport> {
    // The claim: only the instance whose update matches the row as it was read gets to send it.
    const lease = new Date(Date.now() + LEASE_MS);
    const claim = await this.tx.run((em) =>
      em.update(
        OutboxMessageEntity,
        { id: message.id, status: 'pending', nextAttemptAt: message.nextAttemptAt },
        { nextAttemptAt: lease },
      ),
    );
    if (claim.affected !== 1) return 'skipped';
    try {
      await this.transport.send({
        id: message.id,
        to: message.recipient,
        subject: message.subject,
        text: message.text,
        html: message.html,
      });
    } catch (error) {
      await this.recordFailure(message.id, describeSendError(error, this.mail.smtpUrl));
      return 'failed';
    }
    await this.tx.run((em) =>
      em.update(
        OutboxMessageEntity,
        { id: message.id, status: 'pending' },
        { status: 'sent', sentAt: new Date(), lastError: null },
      ),
    );
    return 'sent';
  }

  private async recordFailure(id: string, lastError: string): Promise<void> {
    await this.tx.run(async (em) => {
      const row = await em.findOne(OutboxMessageEntity, {
        select: ['id', 'status', 'attempts'],
        where: { id },
      });
      if (!row || row.status !== 'pending') return;
      const attempts = row.attempts + 1;
      const gaveUp = attempts >= this.mail.maxAttempts;
      const now = Date.now();
      await em.update(
        OutboxMessageEntity,
        { id, status: 'pending', attempts: row.attempts },
        {
          attempts,
          lastError,
          status: gaveUp ? 'failed' : 'pending',
          nextAttemptAt: new Date(gaveUp ? now : now + backoffMs(attempts)),
        },
      );
      if (gaveUp) this.logger.warn(`outbox message ${id} failed ${attempts} times; giving up: ${lastError}`);
    });
  }
}
