import { Injectable } from '@nestjs/common';
import { DataSource, In, Not } from 'typeorm';
import type { ApplicationQueryDto } from '../../../applications/dto/application-query.dto';
import { ReviewQueueService } from '../../../applications/review-queue.service';
import type { Actor } from '../../../auth/actor';
import { CardsService } from '../../../cards/cards.service';
import type { CardQueryDto } from '../../../cards/dto/card-query.dto';
import { canSeeFamily } from '../../../families/families.service';
import { FamilyEntity, type FamilyStatus } from '../../../families/family.entity';
import { MemberEntity } from '../../../families/member.entity';

/** The most families one search lists: a search names one family, a longer list asks for a narrower search. */
export const SEARCH_LIMIT = 20;

export interface FamilyHit {
  id: string;
  /** The members' last names, as the family is known. */
  names: string;
  members: number;
  status: FamilyStatus;
}

/**
 * Finds families the way the API finds their cards and applications: a card number or a holder's name (the
 * cards' search), an application number or a name in an application (the applications' search).
 */
@Injectable()
export class ConsoleFamilySearch {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cards: CardsService,
    private readonly applications: ReviewQueueService,
  ) {}

  async find(actor: Actor, text: string): Promise<FamilyHit[]> {
    const [cards, apps] = await Promise.all([
      this.cards.list({ q: text, limit: SEARCH_LIMIT } as CardQueryDto),
      this.applications.list(actor, { q: text, limit: SEARCH_LIMIT } as ApplicationQueryDto),
    ]);
    const ids = [
      ...new Set([...cards.items.map((c) => c.familyId), ...apps.items.map((a) => a.familyId)]),
    ].filter((id): id is string => !!id && canSeeFamily(actor, id));
    if (ids.length === 0) return [];
    const em = this.dataSource.manager;
    const [families, members] = await Promise.all([
      em.find(FamilyEntity, { where: { id: In(ids), status: Not('erased') } }),
      em.find(MemberEntity, {
        where: { familyId: In(ids), status: 'active' },
        order: { createdAt: 'ASC', id: 'ASC' },
      }),
    ]);
    return families.slice(0, SEARCH_LIMIT).map((f) => {
      const own = members.filter((m) => m.familyId === f.id);
      return {
        id: f.id,
        names: [...new Set(own.map((m) => m.person.lastName))].join(', '),
        members: own.length,
        status: f.status,
      };
    });
  }
}
