import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { Actor } from '../auth/actor';
import { AuditLogEntity } from './audit-log.entity';
import { AuditQueryDto } from './dto/audit-query.dto';
import { redactSummary } from './redact';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  summary?: Record<string, unknown>;
}

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditLogEntity) private readonly repo: Repository<AuditLogEntity>) {}

  /** Writes one row with the caller's entity manager, so it commits or rolls back with the change itself. */
  async record(em: EntityManager, actor: Actor, entry: AuditEntry): Promise<void> {
    await em.insert(AuditLogEntity, {
      at: new Date(),
      actorType: actor.type,
      actorId: actor.id,
      actorLabel: actor.label,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      summary: (entry.summary ? redactSummary(entry.summary) : null) as AuditLogEntity['summary'] & object,
      requestId: actor.requestId,
      ip: actor.ip,
    });
  }

  /** Newest first, keyset-paginated by id so it stays fast on a table with hundreds of millions of rows. */
  async query(q: AuditQueryDto): Promise<{ items: AuditLogEntity[]; nextCursor: string | null }> {
    const qb = this.repo
      .createQueryBuilder('a')
      .orderBy('a.id', 'DESC')
      .take(q.limit + 1);
    if (q.actorId) qb.andWhere('a.actorId = :actorId', { actorId: q.actorId });
    if (q.actorType) qb.andWhere('a.actorType = :actorType', { actorType: q.actorType });
    if (q.action) qb.andWhere('a.action = :action', { action: q.action });
    if (q.entityType) qb.andWhere('a.entityType = :entityType', { entityType: q.entityType });
    if (q.entityId) qb.andWhere('a.entityId = :entityId', { entityId: q.entityId });
    if (q.requestId) qb.andWhere('a.requestId = :requestId', { requestId: q.requestId });
    if (q.from) qb.andWhere('a.at >= :from', { from: q.from });
    if (q.to) qb.andWhere('a.at < :to', { to: q.to });
    if (q.cursor) qb.andWhere('a.id < :cursor', { cursor: q.cursor });
    const rows = await qb.getMany();
    const items = rows.slice(0, q.limit);
    return { items, nextCursor: rows.length > q.limit ? String(items[items.length - 1].id) : null };
  }
}
