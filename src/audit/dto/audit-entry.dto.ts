import { AuditLogEntity } from '../audit-log.entity';

export class AuditEntryDto {
  id: string;
  at: Date;
  actorType: string;
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  summary: Record<string, unknown> | null;
  requestId: string | null;
  ip: string | null;
}

export class AuditPageDto {
  items: AuditEntryDto[];
  /** Pass as `cursor` to get the next (older) page; null on the last page. */
  nextCursor: string | null;
}

export function mapAuditEntry(e: AuditLogEntity): AuditEntryDto {
  return {
    id: String(e.id),
    at: e.at,
    actorType: e.actorType,
    actorId: e.actorId,
    actorLabel: e.actorLabel,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    summary: e.summary,
    requestId: e.requestId,
    ip: e.ip,
  };
}
