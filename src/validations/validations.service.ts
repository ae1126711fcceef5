import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { v7 as timeOrderedUuid } from 'uuid';
import type { Actor } from '../auth/actor';
import { formatCardNumber } from '../cards/card-number';
import { CardEntity } from '../cards/card.entity';
import { SigningKeysService } from '../cards/keys/signing-keys.service';
import { TransactionService } from '../database/transaction.service';
import { OutletEntity } from '../partners/outlet.entity';
import { fieldProblem } from '../partners/partner-problems';
import { PartnerEntity } from '../partners/partner.entity';
import type { ProgrammeEntity } from '../programmes/programme.entity';
import { ProgrammesService } from '../programmes/programmes.service';
import { parseCheckCode, lastNameMatches } from './check-code';
import { CheckCardDto, CheckOutcomeDto } from './dto/check-card.dto';
import { ApplicableOffers } from './applicable-offers';
import { BadCodeWatch } from './bad-code-watch';
import { cardResult, liveTokenResult, tokenResult, ValidationResult } from './validation-result';
import { ValidationEntity } from './validation.entity';

/** Who checks: a merchant user or a till key, always for one partner. */
export interface Checker {
  actor: Actor;
  partner: PartnerEntity;
  programme: ProgrammeEntity;
}

/**
 * The online check at the till: reads the code, verifies a token's signature against the programme's keys,
 * asks the register, records the check pseudonymously, and lists this partner's offers that apply.
 */
@Injectable()
export class ValidationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionService,
    private readonly programmes: ProgrammesService,
    private readonly keys: SigningKeysService,
    private readonly offers: ApplicableOffers,
    private readonly watch: BadCodeWatch,
  ) {}

  /** The partner the actor checks for; only an approved partner's merchants and keys may check cards. */
  async checker(actor: Actor): Promise<Checker> {
    if (!actor.partnerId) throw new NotFoundException('This account belongs to no partner.');
    const partner = await this.dataSource.manager.findOneBy(PartnerEntity, { id: actor.partnerId });
    if (!partner || partner.status !== 'approved')
      throw new ForbiddenException('This partner is not approved: it cannot check cards.');
    return { actor, partner, programme: await this.programmes.get(partner.programmeId) };
  }

  async check(actor: Actor, dto: CheckCardDto, now = new Date()): Promise<CheckOutcomeDto> {
    const checker = await this.checker(actor);
    const outletId = await this.outletOf(checker.partner.id, dto.outletId);
    const { result, card, method } = await this.assess(checker.programme, dto, now);
    const validation = await this.tx.run(async (em) => {
      const row = await this.record(em, checker, { outletId, cardId: card?.id ?? null, result, method, now });
      await this.watch.afterCheck(em, checker, row);
      return row;
    });
    return {
      id: validation.id,
      result,
      checkedAt: validation.createdAt,
      holder: card ? { name: card.holderName, role: card.role } : null,
      cardNumber: card ? formatCardNumber(card.number) : null,
      validUntil: card?.validUntil ?? null,
      offers: result === 'valid' && card ? await this.offers.forCard(checker, card, outletId, now) : [],
    };
  }

  /** The answer for a code in a programme, and the card when the register has it; records nothing. */
  async assess(
    programme: ProgrammeEntity,
    dto: Pick<CheckCardDto, 'code' | 'lastName'>,
    now: Date,
  ): Promise<{ result: ValidationResult; card: CardEntity | null; method: 'qr' | 'number' }> {
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
    const card = await this.dataSource.manager.findOneBy(CardEntity, { number, programmeId: programme.id });
    // A wrong last name answers as an unknown number, so numbers cannot be probed for their holders.
    if (!card || (code.kind === 'number' && !lastNameMatches(card.holderName, dto.lastName!)))
      return { result: 'unknown_card', card: null, method };
    return { result: cardResult(card, now, programme.timeZone), card, method };
  }

  private async record(
    em: EntityManager,
    { actor, partner, programme }: Checker,
    row: Pick<ValidationEntity, 'outletId' | 'cardId' | 'result' | 'method'> & { now: Date },
  ): Promise<ValidationEntity> {
    const validation = em.create(ValidationEntity, {
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
    });
    await em.insert(ValidationEntity, validation);
    return validation;
  }

  /** The outlet named by the till, which must be one of the partner's. */
  async outletOf(partnerId: string, outletId: string | undefined): Promise<string | null> {
    if (!outletId) return null;
    const outlet = await this.dataSource.manager.findOneBy(OutletEntity, { id: outletId, partnerId });
    if (!outlet) throw fieldProblem('outletId', 'outletId is not one of this partner’s outlets');
    return outlet.id;
  }

  /** A check made by this partner, for a redemption to follow. */
  async find(
    partnerId: string,
    id: string,
    em: EntityManager = this.dataSource.manager,
  ): Promise<ValidationEntity> {
    const found = await em.findOneBy(ValidationEntity, { id, partnerId, result: In(['valid']) });
    if (!found) throw new NotFoundException(`No valid check ${id} by this partner`);
    return found;
  }
}
