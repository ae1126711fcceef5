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

/** Who checks: a merchant user or a till key, always for one partner, at one of its outlets or none named. */
export interface Checker {
  actor: Actor;
  partner: CheckingPartner;
  programme: CheckingProgramme;
  outletId: string | null;
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

  /**
   * The partner the actor checks for, and the outlet it names, which must be one of the partner's (read
   * together). Only an approved partner's merchants and keys may check cards; that refusal comes first.
   */
  async checker(actor: Actor, outletId?: string): Promise<Checker> {
    if (!actor.partnerId) throw new NotFoundException('This account belongs to no partner.');
    const found = await this.store.partner(actor.partnerId, outletId ?? null);
    if (!found || found.partner.status !== 'approved')
      throw new ForbiddenException('This partner is not approved: it cannot check cards.');
    if (outletId && !found.outletFound)
      throw fieldProblem('outletId', 'outletId is not one of this partner’s outlets');
    const { partner } = found;
    return { actor, partner, programme: partner.programme, outletId: outletId ?? null };
  }

  async check(actor: Actor, dto: CheckCardDto, now = new Date()): Promise<CheckOutcomeDto> {
    const checker = await this.checker(actor, dto.outletId);
    const { result, card, method } = await this.assess(checker.programme, dto, now);
    const row = this.row(checker, { cardId: card?.id ?? null, result, method, now });
    // The record and the offers do not wait for each other (on PostgreSQL, round trips at the same time).
    const [, offers] = await Promise.all([
      this.record(checker, row),
      result === 'valid' && card ? this.offers.forCard(checker, card, now) : [],
    ]);
    this.metrics?.cardChecked(result);
    return {
      id: row.id,
      result,
      checkedAt: row.createdAt,
      holder: card ? { name: card.holderName, role: card.role } : null,
      cardNumber: card ? formatCardNumber(card.number) : null,
      validUntil: card?.validUntil ?? null,
      offers,
    };
  }

  /** A bad code counts towards the burst watch in the same transaction as its record; a good one is one row. */
  private record(checker: Checker, row: ValidationEntity): Promise<void> {
    if (!this.watch.watches(row)) return this.tx.single((em) => this.store.insertValidation(em, row));
    return this.tx.run(async (em) => {
      await this.store.insertValidation(em, row);
      await this.watch.afterCheck(em, checker, row);
    });
  }

  /** What the public check page shows for a scanned QR code: nothing recorded, counted in /metrics by result. */
  async publicCheck(
    programme: Pick<CheckingProgramme, 'id' | 'code' | 'timeZone'>,
    token: string,
    now: Date,
  ): Promise<{ result: ValidationResult; card: CheckedCard | null }> {
    const { result, card } = await this.assess(programme, { code: `/C/${token}` }, now);
    this.metrics?.publicCheckShown(result);
    return { result, card };
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
    { actor, partner, programme, outletId }: Checker,
    row: Pick<ValidationEntity, 'cardId' | 'result' | 'method'> & { now: Date },
  ): ValidationEntity {
    return {
      id: timeOrderedUuid(),
      programmeId: programme.id,
      partnerId: partner.id,
      outletId,
      cardId: row.cardId,
      result: row.result,
      method: row.method,
      actorType: actor.type === 'api_key' ? 'api_key' : 'user',
      actorId: actor.id,
      createdAt: row.now,
    };
  }

  /** A valid check made by this partner, for a redemption to follow. */
  async find(em: EntityManager, partnerId: string, id: string): Promise<ValidCheck> {
    const found = await this.store.validCheck(em, partnerId, id);
    if (!found) throw new NotFoundException(`No valid check ${id} by this partner`);
    return found;
  }
}
