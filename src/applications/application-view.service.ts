import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { PersonalDataCipher } from '../common/personal-data/personal-data-cipher';
import { FamiliesService } from '../families/families.service';
import { FamilyEntity } from '../families/family.entity';
import { mapPerson } from '../families/dto/person.dto';
import { ProgrammesService } from '../programmes/programmes.service';
import { isApplicationReader } from './application-access';
import { ApplicationEventEntity } from './application-event.entity';
import { ApplicationMemberEntity } from './application-member.entity';
import { AWAITING_STAFF } from './application-state';
import { ApplicationEntity } from './application.entity';
import { ApplicationsService } from './applications.service';
import { ApplicationDetailDto, mapEvent, ApplicationSummaryDto, EligibilityDto } from './dto/application.dto';

export function mapSummary(a: ApplicationEntity, now = new Date()): ApplicationSummaryDto {
  return {
    id: a.id,
    number: a.number,
    programmeId: a.programmeId,
    type: a.type,
    status: a.status,
    familyId: a.familyId,
    familyNames: a.familyNames,
    submittedAt: a.submittedAt,
    decisionDueAt: a.decisionDueAt,
    overdue: !!a.decisionDueAt && a.decisionDueAt < now && AWAITING_STAFF.includes(a.status),
    createdAt: a.createdAt,
  };
}

/** Assembles what a reader sees of one application: its members, the engine's view and the timeline. */
@Injectable()
export class ApplicationViewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly applications: ApplicationsService,
    private readonly programmes: ProgrammesService,
    private readonly families: FamiliesService,
    private readonly cipher: PersonalDataCipher,
  ) {}

  async detail(actor: Actor, id: string): Promise<ApplicationDetailDto> {
    const em = this.dataSource.manager;
    const app = await this.applications.getForActor(actor, id, em);
    const [stated, events, programme] = await Promise.all([
      this.applications.membersOf(em, app.id),
      em.find(ApplicationEventEntity, { where: { applicationId: app.id }, order: { id: 'ASC' } }),
      this.programmes.get(app.programmeId, em),
    ]);
    const view: ApplicationDetailDto = {
      ...mapSummary(app),
      applicantUserId: app.applicantUserId,
      language: app.language,
      street: app.street,
      postalCode: app.postalCode,
      city: app.city,
      municipalityCode: app.municipalityCode,
      email: app.email,
      phone: app.phone,
      memberId: app.memberId,
      lossReason: app.lossReason,
      decidedAt: app.decidedAt,
      decisionReason: app.decisionReason,
      decisionText: app.decisionText,
      members: stated.map((m) => ({ id: m.id, memberId: m.memberId, ...mapPerson(m.person, this.cipher) })),
      eligibility: await this.eligibility(app, stated, programme),
      events: events.map(mapEvent),
    };
    if (isApplicationReader(actor)) {
      const duplicates = await this.families.duplicatesOf(
        em,
        stated.map((m) => m.person.nationalIdIndex),
        app.familyId,
      );
      view.duplicates = duplicates.map((d) => ({
        applicationMemberId: stated.find((m) => m.person.nationalIdIndex === d.nationalIdIndex)!.id,
        familyId: d.familyId,
        memberId: d.memberId,
      }));
    }
    return view;
  }

  /**
   * The engine's decision on the family as it would be after approval: the stated people for a new family;
   * for an enrolled family its current members with the stated changes (restated facts, newcomers).
   */
  private async eligibility(
    app: ApplicationEntity,
    stated: ApplicationMemberEntity[],
    programme: Awaited<ReturnType<ProgrammesService['get']>>,
  ): Promise<EligibilityDto | null> {
    const date = this.applications.applicationDate(programme, app);
    if (app.type === 'new_family') {
      if (stated.length === 0) return null;
      return this.families.decide(
        programme,
        app,
        stated.map((m) => ({ key: m.id, person: m.person })),
        date,
      );
    }
    const family = app.familyId
      ? await this.dataSource.manager.findOneBy(FamilyEntity, { id: app.familyId })
      : null;
    if (!family) return null;
    const current = await this.families.membersOf(this.dataSource.manager, app.familyId!);
    const restated = new Map(stated.filter((m) => m.memberId).map((m) => [m.memberId!, m]));
    const people = [
      ...current.map((m) => ({
        key: restated.get(m.id)?.id ?? m.id,
        person: restated.get(m.id)?.person ?? m.person,
      })),
      ...stated.filter((m) => !m.memberId).map((m) => ({ key: m.id, person: m.person })),
    ];
    return this.families.decide(programme, family, people, date);
  }
}
