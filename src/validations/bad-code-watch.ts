import { Injectable, NotFoundException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EntityManager, In, IsNull, MoreThanOrEqual } from 'typeorm';
import { v7 as timeOrderedUuid } from 'uuid';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import type { LimitsConfig } from '../config/limits.config';
import { ValidationFlagEntity } from './validation-flag.entity';
import type { ValidationResult } from './validation-result';
import { ValidationEntity } from './validation.entity';
import type { Checker } from './validations.service';

/** Answers that mean the code was not a genuine card of this programme. */
export const BAD_RESULTS: readonly ValidationResult[] = [
  'unknown_card',
  'invalid_signature',
  'malformed',
  'wrong_programme',
];

/**
 * Watches for bursts of bad codes from one merchant account or till key — someone trying card numbers, or
 * doctored QR codes — and raises one open flag for staff per burst, audited.
 */
@Injectable()
export class BadCodeWatch {
  private readonly limit: number;
  private readonly windowMs: number;

  constructor(
    private readonly audit: AuditService,
    config: ConfigService,
  ) {
    const { validationBurst } = config.getOrThrow<LimitsConfig>('limits');
    this.limit = validationBurst.limit;
    this.windowMs = validationBurst.minutes * 60_000;
  }

  /** Whether a check counts towards a burst: a bad code from a known account or key. */
  watches<T extends Pick<ValidationEntity, 'result' | 'actorId'>>(
    check: T,
  ): check is T & { actorId: string } {
    return BAD_RESULTS.includes(check.result) && check.actorId !== null;
  }

  /** In the check's transaction, after its row is written. */
  async afterCheck(
    em: EntityManager,
    { actor, partner, programme }: Checker,
    check: ValidationEntity,
  ): Promise<void> {
    if (!this.watches(check)) return;
    const windowStart = new Date(check.createdAt.getTime() - this.windowMs);
    const badCount = await em.countBy(ValidationEntity, {
      actorId: check.actorId,
      result: In([...BAD_RESULTS]),
      createdAt: MoreThanOrEqual(windowStart),
    });
    if (badCount < this.limit) return;
    const open = await em.existsBy(ValidationFlagEntity, { actorId: check.actorId, resolvedAt: IsNull() });
    if (open) return;
    const flag = em.create(ValidationFlagEntity, {
      id: timeOrderedUuid(),
      programmeId: programme.id,
      partnerId: partner.id,
      actorType: check.actorType,
      actorId: check.actorId,
      ip: actor.ip,
      badCount,
      windowStart,
      createdAt: check.createdAt,
      resolvedAt: null,
      resolvedBy: null,
      resolution: null,
    });
    await em.insert(ValidationFlagEntity, flag);
    await this.audit.record(em, actor, {
      action: 'validation.flag',
      entityType: 'validation_flag',
      entityId: flag.id,
      summary: { partnerId: partner.id, actorType: flag.actorType, actorId: flag.actorId, badCount },
    });
  }

  /** Flags for staff, newest first; only open ones unless `all`. */
  list(em: EntityManager, all: boolean): Promise<ValidationFlagEntity[]> {
    return em.find(ValidationFlagEntity, {
      where: all ? {} : { resolvedAt: IsNull() },
      order: { createdAt: 'DESC' },
      take: 200,
    });
  }

  /** Closes a flag with what staff found; audited. Closing a closed flag changes nothing. */
  async resolve(
    em: EntityManager,
    actor: Actor,
    id: string,
    resolution: string,
  ): Promise<ValidationFlagEntity> {
    const flag = await em.findOneBy(ValidationFlagEntity, { id });
    if (!flag) throw new NotFoundException(`No flag ${id}`);
    if (flag.resolvedAt) return flag;
    Object.assign(flag, { resolvedAt: new Date(), resolvedBy: actor.label, resolution });
    await em.save(flag);
    await this.audit.record(em, actor, {
      action: 'validation.flag.resolve',
      entityType: 'validation_flag',
      entityId: id,
      summary: { resolution },
    });
    return flag;
  }
}
