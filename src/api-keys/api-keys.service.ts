import { Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { sameDigest } from '../common/crypto';
import { RawSql, readDateTime, readJson, sql } from '../database/raw-sql';
import { TransactionService } from '../database/transaction.service';
import { newApiKey, parseApiKey } from './api-key-format';
import { ApiKeyEntity } from './api-key.entity';
import { CreateApiKeyDto } from './dto/create-api-key.dto';

const LAST_USED_GRANULARITY_MS = 5 * 60_000;

/** What authenticating a request needs of a key. */
export type PresentedKey = Pick<
  ApiKeyEntity,
  'id' | 'name' | 'partnerId' | 'scopes' | 'secretHash' | 'expiresAt' | 'revokedAt' | 'lastUsedAt'
>;

const KEY_BY_PREFIX = sql(
  'api_key_by_prefix',
  `SELECT id, name, partner_id, scopes, secret_hash, expires_at, revoked_at, last_used_at
     FROM api_keys WHERE prefix = $1`,
);

function mapKey(row: Record<string, unknown> | null): PresentedKey | null {
  if (!row) return null;
  const date = (value: unknown) => readDateTime(value as string | Date | null);
  return {
    id: row.id as string,
    name: row.name as string,
    partnerId: row.partner_id as string | null,
    scopes: readJson(row.scopes as string[]),
    secretHash: row.secret_hash as string,
    expiresAt: date(row.expires_at),
    revokedAt: date(row.revoked_at),
    lastUsedAt: date(row.last_used_at),
  };
}

@Injectable()
export class ApiKeysService {
  private readonly logger = new Logger('ApiKeys');

  constructor(
    @InjectRepository(ApiKeyEntity) private readonly keys: Repository<ApiKeyEntity>,
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
    private readonly db: RawSql,
  ) {}

  list(partnerId: string | null = null): Promise<ApiKeyEntity[]> {
    return this.keys.find({ where: { partnerId: partnerId ?? IsNull() }, order: { createdAt: 'DESC' } });
  }

  /** Returns the entity and the full key, which is never stored and never shown again. */
  async create(
    actor: Actor,
    dto: CreateApiKeyDto,
    partnerId: string | null = null,
  ): Promise<{ entity: ApiKeyEntity; key: string }> {
    const { key, prefix, secretHash } = newApiKey();
    const entity = await this.tx.run(async (em) => {
      const saved = await em.save(
        em.create(ApiKeyEntity, {
          name: dto.name,
          prefix,
          secretHash,
          scopes: [...new Set(dto.scopes)].sort(),
          partnerId,
          createdById: actor.type === 'user' ? actor.id : null,
          expiresAt: dto.expiresAt ?? null,
        }),
      );
      await this.audit.record(em, actor, {
        action: 'api_key.create',
        entityType: 'api_key',
        entityId: saved.id,
        summary: { name: saved.name, prefix, scopes: saved.scopes, partnerId, expiresAt: saved.expiresAt },
      });
      return saved;
    });
    return { entity, key };
  }

  async revoke(actor: Actor, id: string, partnerId: string | null = null): Promise<void> {
    await this.tx.run(async (em) => {
      const key = await em.findOneBy(ApiKeyEntity, { id, partnerId: partnerId ?? IsNull() });
      if (!key) throw new NotFoundException(`No API key with id ${id}`);
      if (key.revokedAt) return;
      await em.update(ApiKeyEntity, { id }, { revokedAt: new Date() });
      await this.audit.record(em, actor, {
        action: 'api_key.revoke',
        entityType: 'api_key',
        entityId: id,
        summary: { name: key.name, prefix: key.prefix },
      });
    });
  }

  /**
   * Finds the live key a request presents, or null. Every till request asks, so the key is read with one
   * prepared statement rather than the ORM; it is read each time, so a revocation acts at once.
   */
  async authenticate(presented: string): Promise<PresentedKey | null> {
    const parsed = parseApiKey(presented);
    if (!parsed) return null;
    const key = mapKey(await this.db.row<Record<string, unknown>>(null, KEY_BY_PREFIX, [parsed.prefix]));
    const now = new Date();
    if (!key || !sameDigest(key.secretHash, parsed.secretHash)) return null;
    if (key.revokedAt || (key.expiresAt && key.expiresAt <= now)) return null;
    if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > LAST_USED_GRANULARITY_MS) {
      // Bookkeeping, not an action: not audited, and a failure here must not fail the request.
      this.tx
        .run((em) => em.update(ApiKeyEntity, { id: key.id }, { lastUsedAt: now }))
        .catch((err: Error) => this.logger.warn(`could not record API key use: ${err.message}`));
    }
    return key;
  }
}
