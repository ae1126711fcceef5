import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { afterKeyset, keysetPage, positionOf } from '../common/keyset-cursor';
import { ProblemException } from '../common/problem/problem.exception';
import { containsPattern, foldForSearch } from '../common/text';
import { TransactionService } from '../database/transaction.service';
import { canSeeFamily } from '../families/families.service';
import { ProgrammesService } from '../programmes/programmes.service';
import { CardEventEntity } from './card-event.entity';
import { CardIssuerService } from './card-issuer.service';
import { changedMeanwhile } from './card-problems';
import { normalizeCardNumber } from './card-number';
import { CardAction, CardStatus, LossReason, nextCardStatus } from './card-status';
import { CardEntity } from './card.entity';
import { CardQueryDto } from './dto/card-query.dto';

/** Staff's view of cards (search, detail, history) and the lifecycle steps they take. */
@Injectable()
export class CardsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionService,
    private readonly issuer: CardIssuerService,
    private readonly programmes: ProgrammesService,
  ) {}

  /** Newest first, keyset-paginated on (createdAt, id). */
  async list(q: CardQueryDto): Promise<{ items: CardEntity[]; nextCursor: string | null }> {
    const qb = this.dataSource.manager
      .createQueryBuilder(CardEntity, 'c')
      .orderBy('c.createdAt', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .take(q.limit + 1);
    if (q.status) qb.andWhere('c.status = :status', { status: q.status });
    if (q.familyId) qb.andWhere('c.familyId = :familyId', { familyId: q.familyId });
    if (q.q) {
      const number = normalizeCardNumber(q.q);
      if (number) qb.andWhere('c.number = :number', { number });
      else qb.andWhere("c.searchName LIKE :name ESCAPE '\\'", { name: containsPattern(foldForSearch(q.q)) });
    }
    if (q.cursor) qb.andWhere(afterKeyset('c.createdAt', 'c.id', positionOf(q.cursor), 'DESC'));
    return keysetPage(await qb.getMany(), q.limit, (c) => ({ at: c.createdAt, id: c.id }));
  }

  /** A card the actor may see: staff who work with families, or the holder's family; 404 for anyone else. */
  async getForActor(actor: Actor, id: string): Promise<CardEntity> {
    const card = await this.dataSource.manager.findOneBy(CardEntity, { id });
    if (!card || !canSeeFamily(actor, card.familyId)) throw new NotFoundException(`No card with id ${id}`);
    return card;
  }

  async history(cardId: string): Promise<CardEventEntity[]> {
    return this.dataSource.manager.find(CardEventEntity, { where: { cardId }, order: { id: 'ASC' } });
  }

  /** A family's cards, live ones first, each member's newest first. */
  async ofFamily(familyId: string): Promise<CardEntity[]> {
    const cards = await this.dataSource.manager.find(CardEntity, {
      where: { familyId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const rank = (s: CardStatus) => (s === 'active' ? 0 : s === 'suspended' ? 1 : 2);
    return cards.sort((a, b) => rank(a.status) - rank(b.status));
  }

  async familyCardsForActor(actor: Actor, familyId: string, statuses?: CardStatus[]): Promise<CardEntity[]> {
    if (!canSeeFamily(actor, familyId)) throw new NotFoundException(`No family with id ${familyId}`);
    const cards = await this.ofFamily(familyId);
    return statuses ? cards.filter((c) => statuses.includes(c.status)) : cards;
  }

  /** suspend, resume and revoke; a step the card's state does not allow is 409. */
  async act(
    actor: Actor,
    id: string,
    action: Exclude<CardAction, 'report-lost'>,
    reason: string | null,
    note?: string,
  ): Promise<CardEntity> {
    return this.tx.run(async (em) => {
      const card = await this.guarded(em, id, action);
      const to = nextCardStatus(card.status, action)!;
      const changes = {
        status: to,
        statusReason: action === 'revoke' ? reason : null,
      };
      const result = await em.update(CardEntity, { id, status: card.status }, changes);
      if (!result.affected) throw changedMeanwhile(card);
      const type = action === 'suspend' ? 'suspended' : action === 'resume' ? 'resumed' : 'revoked';
      await this.issuer.record(em, actor, card, type, reason, note ? { note } : null);
      return Object.assign(card, changes);
    });
  }

  /** Lost or stolen: the card becomes `replaced`, a new number is issued, the fee recorded or waived. */
  async reportLost(
    actor: Actor,
    id: string,
    reason: LossReason,
    waiveFee: boolean,
  ): Promise<{ replaced: CardEntity; replacement: CardEntity }> {
    return this.tx.run(async (em) => {
      const card = await this.guarded(em, id, 'report-lost');
      const programme = await this.programmes.get(card.programmeId, em);
      const replacement = await this.issuer.replace(em, actor, programme, card, { reason, waiveFee });
      return { replaced: card, replacement };
    });
  }

  private async guarded(em: EntityManager, id: string, action: CardAction): Promise<CardEntity> {
    const card = await em.findOneBy(CardEntity, { id });
    if (!card) throw new NotFoundException(`No card with id ${id}`);
    if (!nextCardStatus(card.status, action))
      throw ProblemException.conflict(
        'illegal-card-transition',
        `Card ${card.number} is ${card.status}; it cannot ${action.replace('-', ' ')}`,
      );
    return card;
  }
}
