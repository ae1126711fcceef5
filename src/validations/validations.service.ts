import { ForbiddenException, Injectable, NotFoundException, Optional } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { v7 as timeOrderedUuid } from 'uuid';
import type { Actor } from '../auth/actor';
import { formatCardNumber } from '../cards/card-number';
import { SigningKeysService } from '../cards/keys/signing-keys.service';
import { TransactionService } from '../database/transaction.service';
import { MetricsService } from '../metrics/metrics.service';
import { fieldProblem } from '../partners/partner-problems';
import { ApplicableOffers } from './applicable-offers';
import { BadCodeWatch } from './bad-code-watch';
import { parseCheckCode, lastNameMatches } from './check-code';
import { CheckedCard, CheckingPartner, CheckingProgramme, CheckStore, ValidCheck } from './check-store';
import { CheckCardDto, CheckOutcomeDto } from './dto/check-card.dto';
import { cardResult, liveTokenResult, tokenResult, ValidationResult } from './validation-result';
import { ValidationEntity } from './validation.entity';

/** Who checks: a merchant user or a till key, always for one partner. */
export interface Checker {
  actor: Actor;
  partner: CheckingPartner;
  programme: CheckingProgramme;
}

/**
 * The online check at the till: reads the code, verifies a token's signature against the programme's keys,
 * asks the register, records the check pseudonymously, and lists this partner's offers that apply.
 */
@Injectable()
export class ValidationsService {
  constructor(
    private readonly tx: TransactionService,
    private readonly store: CheckStore,
    private readonly keys: SigningKeysService,
    private readonly offers: ApplicableOffers,
    private readonly watch: BadCodeWatch,
    @Optional() private readonly metrics?: MetricsService,
  ) {}

  /** The partner the actor checks for; only an approved partner's merchants and keys may check cards. */
  async checker(actor: Actor): Promise<Checker> {
    if (!actor.partnerId) throw new NotFoundException('This account belongs to no partner.');
    const partner = await this.store.partner(actor.partnerId);
    if (!partner || partner.status !== 'approved')
      throw new ForbiddenException('This partner is not approved: it cannot check cards.');
    return { actor, partner, programme: partner.programme };
  }

  async check(actor: Actor, dto: CheckCardDto, now = new Date()): Promise<CheckOutcomeDto> {
    // The partner and the outlet are read side by side (two round trips at once on PostgreSQL); the partner's
    // refusal comes first whichever answers first.
    const [partner, outlet] = await Promise.allSettled([
      this.checker(actor),
      actor.partnerId ? this.outletOf(actor.partnerId, dto.outletId) : null,
    ]);
    if (partner.status === 'rejected') throw partner.reason;
    if (outlet.status === 'rejected') throw outlet.reason;
    const [checker, outletId] = [partner.value, outlet.value];
    const { result, card, method } = await this.assess(checker.programme, dto, now);
    const row = this.row(checker, { outletId, cardId: card?.id ?? null, result, method, now });
    // A bad code counts towards the burst watch in the same transaction as its record.
    await this.tx.run(async (em) => {
      await this.store.insertValidation(em, row);
      await this.watch.afterCheck(em, checker, row);
    });
    this.metrics?.cardChecked(result);
    return {
      id: row.id,
      result,
      checkedAt: row.createdAt,
      holder: card ? { name: card.holderName, role: card.role } : null,
      cardNumber: card ? formatCardNumber(card.number) : null,
      validUntil: card?.validUntil ?? null,
      offers: result === 'valid' && card ? await this.offers.forCard(checker, card, outletId, now) : [],
    };
  }

  /** The answer for a code in a programme, and the card when the register has it; records nothing. */
  async assess(
    programme: Pick<CheckingProgramme, 'id' | 'code' | 'timeZone'>,
    dto: Pick<CheckCardDto, 'code' | 'lastName'>,
    now: Date,
  ): Promise<{ result: ValidationResult; card: CheckedCard | null; method: 'qr' | 'number' }> {
    const code = parseCheckCode(dto.code);
    if (code.kind === 'malformed') return { result: 'malformed', card: null, method: 'qr' };
    let number: string;
    if (code.kind === 'token') {
      const verification = await this.keys.verifyQr(code.text);
      const refused = tokenResult(verification, programme.code);
      if (refused || verification.status !== 'valid') return { result: refused!, card: null, method: 'qr' };
      const stale = liveTokenResult(verification.claims, now);
      if (stale) return { result: stale, card: null, method: 'qr' };
      number = verification.claims.cardNumber;
    } else {
      if (!dto.lastName) throw fieldProblem('lastName', 'lastName is required with a typed card number');
      number = code.number;
    }
    const method = code.kind === 'token' ? 'qr' : 'number';
    const card = await this.store.cardByNumber(programme.id, number);
    // A wrong last name answers as an unknown number, so numbers cannot be probed for their holders.
    if (!card || (code.kind === 'number' && !lastNameMatches(card.holderName, dto.lastName!)))
      return { result: 'unknown_card', card: null, method };
    return { result: cardResult(card, now, programme.timeZone), card, method };
  }

  private row(
    { actor, partner, programme }: Checker,
    row: Pick<ValidationEntity, 'outletId' | 'cardId' | 'result' | 'method'> & { now: Date },
  ): ValidationEntity {
    return {
      id: timeOrderedUuid(),
      programmeId: programme.id,
      partnerId: partner.id,
      outletId: row.outletId,
      cardId: row.cardId,
      result: row.result,
      method: row.method,
      actorType: actor.type === 'api_key' ? 'api_key' : 'user',
      actorId: actor.id,
      createdAt: row.now,
    };
  }

  /** The outlet named by the till, which must be one of the partner's. */
  async outletOf(partnerId: string, outletId: string | undefined): Promise<string | null> {
    if (!outletId) return null;
    if (!(await this.store.outletOf(partnerId, outletId)))
      throw fieldProblem('outletId', 'outletId is not one of this partner’s outlets');
    return outletId;
  }

  /** A valid check made by this partner, for a redemption to follow. */
  async find(em: EntityManager, partnerId: string, id: string): Promise<ValidCheck> {
    const found = await this.store.validCheck(em, partnerId, id);
    if (!found) throw new NotFoundException(`No valid check ${id} by this partner`);
    return found;
  }
}
