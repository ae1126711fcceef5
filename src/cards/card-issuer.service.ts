import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { v7 as timeOrderedUuid } from 'uuid';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { foldForSearch } from '../common/text';
import { MemberEntity } from '../families/member.entity';
import { todayIn } from '../programmes/eligibility/civil-date';
import type { IsoDate } from '../programmes/eligibility/eligibility.types';
import type { ProgrammeEntity } from '../programmes/programme.entity';
import { CardEventEntity, CardEventType, cardEventRow } from './card-event.entity';
import { CardEntity } from './card.entity';
import { planCards } from './card-issuance';
import { changedMeanwhile } from './card-problems';
import { generateCardNumber } from './card-number';
import { LIVE_STATUSES, LossReason } from './card-status';
import type { SigningKeyEntity } from './keys/signing-key.entity';
import { SigningKeysService } from './keys/signing-keys.service';

export interface Replacement {
  reason: LossReason;
  waiveFee: boolean;
}

/**
 * Writes cards: issues them, signs them again with a new valid-until, replaces lost ones, and records each step
 * in the card's history and the audit log. Every method works inside the caller's transaction.
 */
@Injectable()
export class CardIssuerService {
  private readonly activeKeys = new WeakMap<EntityManager, Promise<SigningKeyEntity>>();

  constructor(
    private readonly keys: SigningKeysService,
    private readonly audit: AuditService,
  ) {}

  /** After an approval: the cards the engine's decision calls for (see planCards). */
  async reconcile(
    em: EntityManager,
    actor: Actor,
    programme: ProgrammeEntity,
    members: MemberEntity[],
    duplicate: { memberId: string; replacement: Replacement } | null = null,
  ): Promise<CardEntity[]> {
    if (members.length === 0) return [];
    const live = await em.findBy(CardEntity, {
      memberId: In(members.map((m) => m.id)),
      status: In([...LIVE_STATUSES]),
    });
    const today = todayIn(programme.timeZone, new Date());
    // Decided on the application date: a card that would already have ended by today is not issued.
    const decisions = members
      .filter((m) => m.status === 'active')
      .map((m) => ({
        memberId: m.id,
        eligible: m.eligible && (m.eligibleUntil === null || m.eligibleUntil >= today),
        validUntil: m.eligibleUntil,
      }));
    const byId = new Map(live.map((c) => [c.id, c]));
    const memberById = new Map(members.map((m) => [m.id, m]));
    const touched: CardEntity[] = [];
    for (const step of planCards(decisions, live, duplicate?.memberId ?? null)) {
      if (step.kind === 'issue')
        touched.push(await this.issue(em, actor, programme, memberById.get(step.memberId)!, step.validUntil));
      else if (step.kind === 'extend')
        touched.push(await this.extend(em, actor, byId.get(step.cardId)!, step.validUntil));
      else
        touched.push(
          await this.replace(
            em,
            actor,
            programme,
            byId.get(step.cardId)!,
            duplicate!.replacement,
            step.validUntil,
          ),
        );
    }
    return touched;
  }

  async issue(
    em: EntityManager,
    actor: Actor,
    programme: ProgrammeEntity,
    member: MemberEntity,
    validUntil: IsoDate | null,
    extra: Partial<CardEntity> = {},
  ): Promise<CardEntity> {
    const key = await this.activeKeyIn(em);
    const now = new Date();
    const holderName = `${member.person.firstName} ${member.person.lastName}`;
    const card = em.create(CardEntity, {
      id: timeOrderedUuid(),
      programmeId: programme.id,
      familyId: member.familyId,
      memberId: member.id,
      number: await this.freshNumber(em, programme.cardPrefix),
      status: 'active',
      holderName,
      searchName: foldForSearch(holderName),
      role: member.person.role,
      validFrom: todayIn(programme.timeZone, now),
      validUntil,
      signingKeyId: key.id,
      signedAt: now,
      statusReason: null,
      replacedById: null,
      feeAmount: null,
      feeWaived: null,
      printBatchId: null,
      printedAt: null,
      remindedFor: null,
      // Millisecond precision on both engines (SQLite's default keeps whole seconds): the list's cursor is exact.
      createdAt: now,
      ...extra,
    });
    await em.insert(CardEntity, card);
    await this.record(em, actor, card, 'issued', null, { validUntil });
    return card;
  }

  /** A new valid-until needs a new signature (the token carries it) and a new print. */
  async extend(
    em: EntityManager,
    actor: Actor,
    card: CardEntity,
    validUntil: IsoDate | null,
  ): Promise<CardEntity> {
    const key = await this.activeKeyIn(em);
    const changes = {
      validUntil,
      signingKeyId: key.id,
      signedAt: new Date(),
      printBatchId: null,
      printedAt: null,
      remindedFor: null,
    };
    await em.update(CardEntity, { id: card.id }, changes);
    await this.record(em, actor, card, 'extended', null, { from: card.validUntil, to: validUntil });
    return Object.assign(card, changes);
  }

  /** Lost or stolen: the card becomes `replaced` and the member gets a new card number. */
  async replace(
    em: EntityManager,
    actor: Actor,
    programme: ProgrammeEntity,
    card: CardEntity,
    replacement: Replacement,
    validUntil: IsoDate | null = card.validUntil,
  ): Promise<CardEntity> {
    const ended = { status: 'replaced' as const, statusReason: replacement.reason };
    const result = await em.update(CardEntity, { id: card.id, status: In([...LIVE_STATUSES]) }, ended);
    if (!result.affected) throw changedMeanwhile(card);
    const member = await em.findOneByOrFail(MemberEntity, { id: card.memberId });
    const fee = { feeAmount: programme.duplicateCardFee, feeWaived: replacement.waiveFee };
    const next = await this.issue(em, actor, programme, member, validUntil, fee);
    await em.update(CardEntity, { id: card.id }, { replacedById: next.id });
    await this.record(em, actor, card, 'replaced', replacement.reason, {
      replacedBy: next.number,
      fee: programme.duplicateCardFee,
      currency: programme.currency,
      waived: replacement.waiveFee,
    });
    Object.assign(card, ended, { replacedById: next.id });
    return next;
  }

  /** One history row and one audit row per step, in the caller's transaction. */
  async record(
    em: EntityManager,
    actor: Actor,
    card: CardEntity,
    type: CardEventType,
    reason: string | null,
    details: Record<string, unknown> | null = null,
  ): Promise<void> {
    await em.insert(CardEventEntity, cardEventRow(card.id, type, actor, reason, details));
    await this.audit.record(em, actor, {
      action: `card.${type}`,
      entityType: 'card',
      entityId: card.id,
      summary: { number: card.number, ...(reason ? { reason } : {}), ...(details ?? {}) },
    });
  }

  /**
   * The signer, read once per transaction: an approval issues a card for every member, and each would read
   * the same row again.
   */
  private activeKeyIn(em: EntityManager): Promise<SigningKeyEntity> {
    let key = this.activeKeys.get(em);
    if (!key) this.activeKeys.set(em, (key = this.keys.active(em)));
    return key;
  }

  /** Random numbers collide only by bad luck; one more draw settles it. */
  private async freshNumber(em: EntityManager, prefix: string): Promise<string> {
    for (;;) {
      const number = generateCardNumber(prefix);
      if (!(await em.existsBy(CardEntity, { number }))) return number;
    }
  }
}
