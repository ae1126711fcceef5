import { Injectable, NotFoundException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { isEmail } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { EntityManager, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { afterKeyset, keysetPage, positionOf } from '../common/keyset-cursor';
import { ProblemException } from '../common/problem/problem.exception';
import type { AppConfig } from '../config/app.config';
import { TransactionService } from '../database/transaction.service';
import { ListNotificationsDto } from './dto/list-notifications.dto';
import { EmailTemplate, EmailTemplates } from './email-templates';
import { OutboxMessageEntity } from './outbox-message.entity';

export type { EmailTemplate } from './email-templates';

export interface NewEmail {
  template: EmailTemplate;
  /** Recipient address. */
  to: string;
  /** The recipient's language (`pl`, `en`, `pl-PL` …); a language without this template falls back to `en`. */
  language: string;
  /** Template variables; `portalUrl` defaults to PUBLIC_URL. */
  vars: Record<string, unknown>;
  applicationId?: string | null;
  familyId?: string | null;
}

@Injectable()
export class NotificationsService {
  private readonly portalUrl: string;

  constructor(
    @InjectRepository(OutboxMessageEntity) private readonly repo: Repository<OutboxMessageEntity>,
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
    private readonly templates: EmailTemplates,
    config: ConfigService,
  ) {
    this.portalUrl = config.getOrThrow<AppConfig>('app').publicUrl;
  }

  /**
   * Queues an e-mail in the caller's transaction, so it is sent if and only if the change it reports commits.
   * The message is rendered now; what is stored is exactly what will be sent. Throws (rolling the caller back)
   * on an invalid address, an unknown template or a missing template variable: those are programming errors.
   */
  async enqueue(em: EntityManager, msg: NewEmail): Promise<OutboxMessageEntity> {
    const to = msg.to.trim();
    if (to.length > 254 || /[\r\n]/.test(to) || !isEmail(to, { require_tld: false }))
      throw new Error('notification recipient is not an e-mail address');
    const rendered = this.templates.render(msg.template, msg.language, {
      portalUrl: this.portalUrl,
      ...msg.vars,
    });
    const now = new Date();
    const message = em.create(OutboxMessageEntity, {
      id: randomUUID(),
      template: msg.template,
      language: rendered.language,
      recipient: to,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      lastError: null,
      sentAt: null,
      applicationId: msg.applicationId ?? null,
      familyId: msg.familyId ?? null,
      // Set here rather than by the database: millisecond precision on both engines keeps the list's cursor exact.
      createdAt: now,
    });
    await em.insert(OutboxMessageEntity, message);
    return message;
  }

  /** Newest first, keyset-paginated on (createdAt, id). */
  async list(q: ListNotificationsDto): Promise<{ items: OutboxMessageEntity[]; nextCursor: string | null }> {
    const qb = this.repo
      .createQueryBuilder('n')
      .select([
        'n.id',
        'n.template',
        'n.language',
        'n.recipient',
        'n.subject',
        'n.status',
        'n.attempts',
        'n.lastError',
        'n.nextAttemptAt',
        'n.sentAt',
        'n.applicationId',
        'n.familyId',
        'n.createdAt',
      ])
      .orderBy('n.createdAt', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .take(q.limit + 1);
    if (q.status) qb.andWhere('n.status = :status', { status: q.status });
    if (q.applicationId) qb.andWhere('n.applicationId = :applicationId', { applicationId: q.applicationId });
    if (q.familyId) qb.andWhere('n.familyId = :familyId', { familyId: q.familyId });
    if (q.cursor) qb.andWhere(afterKeyset('n.createdAt', 'n.id', positionOf(q.cursor), 'DESC'));
    return keysetPage(await qb.getMany(), q.limit, (row) => ({ at: row.createdAt, id: row.id }));
  }

  /** Queues a failed (or still pending) message again, due now, with its attempts reset. Audited. */
  async retry(actor: Actor, id: string, note?: string): Promise<OutboxMessageEntity> {
    return this.tx.run(async (em) => {
      const message = await em.findOneBy(OutboxMessageEntity, { id });
      if (!message) throw new NotFoundException(`No notification with id ${id}`);
      if (message.status === 'sent')
        throw ProblemException.conflict('notification-sent', 'This message has already been sent.');
      const previous = { status: message.status, attempts: message.attempts, lastError: message.lastError };
      const changes = { status: 'pending' as const, attempts: 0, nextAttemptAt: new Date(), lastError: null };
      await em.update(OutboxMessageEntity, { id }, changes);
      await this.audit.record(em, actor, {
        action: 'notification.retry',
        entityType: 'notification',
        entityId: id,
        summary: {
          template: message.template,
          previousStatus: previous.status,
          previousAttempts: previous.attempts,
          previousError: previous.lastError,
          ...(note ? { note } : {}),
        },
      });
      return Object.assign(message, changes);
    });
  }
}
