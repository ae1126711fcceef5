import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, In, IsNull } from 'typeorm';
import type { Actor } from '../auth/actor';
import { ApplicationEventEntity } from '../applications/application-event.entity';
import { ApplicationWorkflowService } from '../applications/application-workflow.service';
import { ApplicationEntity } from '../applications/application.entity';
import { ApplicationsService } from '../applications/applications.service';
import type { CardEntity } from '../cards/card.entity';
import { isLive, LossReason } from '../cards/card-status';
import { CardsService } from '../cards/cards.service';
import { PersonalDataCipher } from '../common/personal-data/personal-data-cipher';
import type { MemberInputDto } from '../families/dto/member-input.dto';
import { MemberEntity } from '../families/member.entity';
import { memberInputOf } from './apply-wizard.service';

export interface AccountApplication {
  app: ApplicationEntity;
  events: ApplicationEventEntity[];
}

/**
 * What the account page shows and does for a family user, through the services the API uses: their
 * applications with their timelines, the family's cards; a lost card, a newborn and a child's education
 * reported as the applications the API would file (duplicate card, add member, extend), sent to the programme
 * office at once.
 */
@Injectable()
export class FamilyAccount {
  constructor(
    private readonly dataSource: DataSource,
    private readonly applications: ApplicationsService,
    private readonly workflow: ApplicationWorkflowService,
    private readonly cards: CardsService,
    private readonly cipher: PersonalDataCipher,
  ) {}

  /** The account's own applications and the family's, newest first, each with its steps in order. */
  async applicationsOf(actor: Actor): Promise<AccountApplication[]> {
    const em = this.dataSource.manager;
    const apps = await em.find(ApplicationEntity, {
      where: [
        { applicantUserId: actor.id!, erasedAt: IsNull() },
        ...(actor.familyId ? [{ familyId: actor.familyId, erasedAt: IsNull() }] : []),
      ],
      order: { createdAt: 'DESC' },
      take: 20,
    });
    const events = apps.length
      ? await em.find(ApplicationEventEntity, {
          where: { applicationId: In(apps.map((a) => a.id)) },
          order: { id: 'ASC' },
        })
      : [];
    return apps.map((app) => ({ app, events: events.filter((e) => e.applicationId === app.id) }));
  }

  cardsOf(actor: Actor): Promise<CardEntity[]> {
    return actor.familyId ? this.cards.familyCardsForActor(actor, actor.familyId) : Promise.resolve([]);
  }

  /** false when the card is not live (nothing to replace); a card not the family's is 404. */
  async reportLost(actor: Actor, cardId: string, reason: LossReason): Promise<boolean> {
    const card = await this.cards.getForActor(actor, cardId);
    if (!isLive(card.status) || !actor.familyId) return false;
    if (card.familyId !== actor.familyId) throw new NotFoundException(`No card with id ${cardId}`);
    const app = await this.applications.create(actor, {
      type: 'duplicate_card',
      memberId: card.memberId,
      lossReason: reason,
    });
    await this.workflow.transition(actor, app.id, 'submit', {});
    return true;
  }

  /** The family's children who are members now: those an education statement can extend. */
  async children(actor: Actor): Promise<MemberEntity[]> {
    if (!actor.familyId) return [];
    const members = await this.dataSource.manager.find(MemberEntity, {
      where: { familyId: actor.familyId, status: 'active' },
      order: { createdAt: 'ASC' },
    });
    return members.filter((m) => m.person.role === 'child' || m.person.role === 'foster_child');
  }

  /** A newborn (or a child who joined the family) as an add-member application, sent. */
  async addChild(actor: Actor, child: Omit<MemberInputDto, 'role'>): Promise<void> {
    await this.file(actor, { type: 'add_member', members: [{ ...child, role: 'child' }] });
  }

  /** A child's new education statement as an extension application, sent; a child not the family's is 404. */
  async extendEducation(
    actor: Actor,
    memberId: string,
    statement: { educationEnd: string; educationInstitution?: string },
  ): Promise<void> {
    if (!actor.familyId) throw new NotFoundException(`No member with id ${memberId}`);
    const member = await this.dataSource.manager.findOneBy(MemberEntity, {
      id: memberId,
      familyId: actor.familyId,
      status: 'active',
    });
    if (!member) throw new NotFoundException(`No member with id ${memberId}`);
    const restated = { ...memberInputOf(member.person, this.cipher), ...statement, memberId };
    await this.file(actor, { type: 'extend', members: [restated] });
  }

  private async file(
    actor: Actor,
    content: { type: 'add_member' | 'extend'; members: MemberInputDto[] },
  ): Promise<void> {
    const app = await this.applications.create(actor, content);
    await this.workflow.transition(actor, app.id, 'submit', {});
  }
}
