import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { Actor } from '../auth/actor';
import { AuditLogEntity } from './audit-log.entity';
import { AuditQueryDto } from './dto/audit-query.dto';
import { RawSql, sql } from '../database/raw-sql';
import { redactSummary } from './redact';

const INSERT_AUDIT = sql(
  'audit_insert',
  `INSERT INTO audit_log (at, actor_type, actor_id, actor_label, action, entity_type, entity_id, summary,
                          request_id, ip)
   VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
);

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  summary?: Record<string, unknown>;
}

@Injectable()
export class AuditService {
  constructor(
    @InjectRepository(AuditLogEntity) private readonly repo: Repository<AuditLogEntity>,
    private readonly db: RawSql,
  ) {}

  /**
   * Writes one row with the caller's entity manager, so it commits or rolls back with the change itself. One
   * prepared statement: every change in the system writes here, a till's redemptions included.
   */
  async record(em: EntityManager, actor: Actor, entry: AuditEntry): Promise<void> {
    await this.db.run(em, INSERT_AUDIT, [
      new Date(),
      actor.type,
      actor.id,
      actor.label,
      entry.action,
      entry.entityType,
      entry.entityId ?? null,
      entry.summary ? JSON.stringify(redactSummary(entry.summary)) : null,
      actor.requestId,
      actor.ip,
    ]);
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
