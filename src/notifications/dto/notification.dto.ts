import { ApiProperty } from '@nestjs/swagger';
import { EMAIL_TEMPLATES, type EmailTemplate } from '../email-templates';
import { OutboxMessageEntity } from '../outbox-message.entity';
import { OUTBOX_STATUSES, type OutboxStatus } from '../outbox-status';

/** An outbox message without its body. */
export class NotificationDto {
  id: string;
  @ApiProperty({ enum: EMAIL_TEMPLATES })
  template: EmailTemplate;
  /** Language the message was written in (the recipient's, or `en` when it had no template). */
  language: string;
  /** @example "anna.nowak@example.org" */
  recipient: string;
  subject: string;
  /** `pending` until sent; `failed` after MAIL_MAX_ATTEMPTS failed attempts. */
  @ApiProperty({ enum: OUTBOX_STATUSES })
  status: OutboxStatus;
  /** Failed attempts so far (reset by a retry). */
  attempts: number;
  /** Why the last attempt failed. */
  lastError: string | null;
  /** When a pending message is (next) tried. */
  nextAttemptAt: Date;
  sentAt: Date | null;
  applicationId: string | null;
  familyId: string | null;
  createdAt: Date;
}

export class NotificationPageDto {
  items: NotificationDto[];
  /** Pass as `cursor` to get the next (older) page; null on the last page. */
  nextCursor: string | null;
}

export function mapNotification(m: OutboxMessageEntity): NotificationDto {
  return {
    id: m.id,
    template: m.template as EmailTemplate,
    language: m.language,
    recipient: m.recipient,
    subject: m.subject,
    status: m.status,
    attempts: m.attempts,
    lastError: m.lastError,
    nextAttemptAt: m.nextAttemptAt,
    sentAt: m.sentAt,
    applicationId: m.applicationId,
    familyId: m.familyId,
    createdAt: m.createdAt,
  };
}
