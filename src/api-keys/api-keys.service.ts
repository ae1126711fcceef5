import { Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { sameDigest } from '../common/crypto';
import { TransactionService } from '../database/transaction.service';
import { newApiKey, parseApiKey } from './api-key-format';
import { ApiKeyEntity } from './api-key.entity';
import { CreateApiKeyDto } from './dto/create-api-key.dto';

const LAST_USED_GRANULARITY_MS = 5 * 60_000;

@Injectable()
export class ApiKeysService {
  private readonly logger = new Logger('ApiKeys');

  constructor(
    @InjectRepository(ApiKeyEntity) private readonly keys: Repository<ApiKeyEntity>,
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
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

  /** Finds the live key a request presents, or null. */
  async authenticate(presented: string): Promise<ApiKeyEntity | null> {
    const parsed = parseApiKey(presented);
    if (!parsed) return null;
    const key = await this.keys.findOneBy({ prefix: parsed.prefix });
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
