import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull } from 'typeorm';
import { ApplicationEntity } from '../../../applications/application.entity';
import { AuditLogEntity } from '../../../audit/audit-log.entity';
import type { Actor } from '../../../auth/actor';
import type { CardEntity } from '../../../cards/card.entity';
import { CardsService } from '../../../cards/cards.service';
import { FamiliesService } from '../../../families/families.service';
import type { FamilyEntity } from '../../../families/family.entity';
import type { MemberEntity } from '../../../families/member.entity';

/** The longest history a page shows: the newest entries; the audit log has the rest. */
export const HISTORY_LIMIT = 100;

export interface FamilyRecord {
  family: FamilyEntity;
  members: MemberEntity[];
  applications: ApplicationEntity[];
  cards: CardEntity[];
  history: AuditLogEntity[];
}

/**
 * A family as staff see it: its members and cards through the services the API reads them with (so the same
 * row-level checks answer 404), its applications, and the audit entries of all of them, newest first.
 */
@Injectable()
export class ConsoleFamilyView {
  constructor(
    private readonly dataSource: DataSource,
    private readonly families: FamiliesService,
    private readonly cards: CardsService,
  ) {}

  async family(actor: Actor, id: string): Promise<FamilyRecord> {
    const { family, members } = await this.families.getForActor(actor, id);
    const [applications, cards] = await Promise.all([
      this.dataSource.manager.find(ApplicationEntity, {
        where: { familyId: id, erasedAt: IsNull() },
        order: { createdAt: 'DESC', id: 'DESC' },
      }),
      this.cards.familyCardsForActor(actor, id),
    ]);
    const history = await this.history([id, ...applications.map((a) => a.id), ...cards.map((c) => c.id)]);
    return { family, members, applications, cards, history };
  }

  /** A card and its own history. */
  async card(actor: Actor, id: string): Promise<{ card: CardEntity; history: AuditLogEntity[] }> {
    const card = await this.cards.getForActor(actor, id);
    return { card, history: await this.history([card.id]) };
  }

  /** The audit entries about these entities, newest first. */
  history(entityIds: string[]): Promise<AuditLogEntity[]> {
    return this.dataSource.manager.find(AuditLogEntity, {
      where: { entityId: In(entityIds) },
      order: { id: 'DESC' },
      take: HISTORY_LIMIT,
    });
  }
}
