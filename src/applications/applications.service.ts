import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { PersonalDataCipher } from '../common/personal-data/personal-data-cipher';
import type { FieldError } from '../common/problem/problem';
import { ProblemException } from '../common/problem/problem.exception';
import { foldForSearch } from '../common/text';
import { TransactionService } from '../database/transaction.service';
import { HOUSEHOLD_FIELDS } from '../families/family.entity';
import { MemberEntity } from '../families/member.entity';
import { toPersonDetails } from '../families/person-mapper';
import { ProgrammeEntity } from '../programmes/programme.entity';
import { ProgrammesService } from '../programmes/programmes.service';
import { todayIn } from '../programmes/eligibility/civil-date';
import { UserEntity } from '../users/user.entity';
import { actsAsApplicant, canRead, isCaseStaff } from './application-access';
import { ApplicationMemberEntity } from './application-member.entity';
import { newApplicationNumber } from './application-number';
import { ApplicationAction, ApplicationStatus, isEditable } from './application-state';
import { ApplicationEventEntity } from './application-event.entity';
import { ApplicationEntity } from './application.entity';
import { CreateApplicationDto, UpdateApplicationDto } from './dto/application-input.dto';

const CONTENT_FIELDS = [...HOUSEHOLD_FIELDS, 'memberId', 'lossReason'] as const;

@Injectable()
export class ApplicationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
    private readonly programmes: ProgrammesService,
    private readonly cipher: PersonalDataCipher,
  ) {}

  /** A family user applies for their own household; case staff apply for a walk-in or an enrolled family. */
  async create(actor: Actor, dto: CreateApplicationDto): Promise<ApplicationEntity> {
    return this.tx.run(async (em) => {
      const familyId = await this.familyFor(em, actor, dto);
      const programme = familyId
        ? await this.programmeOfFamily(em, familyId)
        : dto.programmeId
          ? await this.programmes.get(dto.programmeId, em)
          : await this.programmes.default(em);
      const app = em.create(ApplicationEntity, {
        programmeId: programme.id,
        type: dto.type,
        status: 'draft',
        queuedAt: new Date(),
        familyId,
        applicantUserId: actor.role === 'family' ? actor.id : null,
        language: dto.language ?? programme.languages[0] ?? 'en',
        ...pick(dto),
      });
      const members = await this.applyContent(em, app, programme, dto);
      const saved = await this.insertWithNumber(em, app);
      await this.saveMembers(em, saved, members);
      await this.recordStep(
        em,
        actor,
        saved,
        { action: 'create', from: null, to: 'draft' },
        {
          type: saved.type,
          members: members.length,
        },
      );
      return saved;
    });
  }

  /** Changes a draft, or an application sent back for information; members are replaced as a whole. */
  async update(actor: Actor, id: string, dto: UpdateApplicationDto): Promise<ApplicationEntity> {
    return this.tx.run(async (em) => {
      const app = await this.getForActor(actor, id, em);
      if (!actsAsApplicant(actor, app)) throw new NotFoundException(`No application with id ${id}`);
      if (!isEditable(app.status))
        throw ProblemException.conflict(
          'application-not-editable',
          `Application ${app.number} is ${app.status}`,
        );
      const programme = await this.programmes.get(app.programmeId, em);
      Object.assign(app, pick(dto));
      const members = await this.applyContent(em, app, programme, dto);
      const saved = await em.save(app);
      if (dto.members) {
        await em.delete(ApplicationMemberEntity, { applicationId: app.id });
        await this.saveMembers(em, saved, members);
      }
      await this.audit.record(em, actor, {
        action: 'application.update',
        entityType: 'application',
        entityId: app.id,
        summary: { number: app.number, fields: Object.keys(dto) },
      });
      return saved;
    });
  }

  /**
   * One step of an application: a row on its timeline (what the family sees) and a row in the audit log, in the
   * caller's transaction.
   */
  async recordStep(
    em: EntityManager,
    actor: Actor,
    app: ApplicationEntity,
    step: {
      action: ApplicationAction;
      from: ApplicationStatus | null;
      to: ApplicationStatus;
      reason?: string;
      message?: string;
    },
    summary: Record<string, unknown> = {},
  ): Promise<void> {
    await em.insert(ApplicationEventEntity, {
      applicationId: app.id,
      action: step.action,
      fromStatus: step.from,
      toStatus: step.to,
      actorType: actor.type,
      actorId: actor.id,
      reason: step.reason ?? null,
      message: step.message ?? null,
    });
    await this.audit.record(em, actor, {
      action: `application.${step.action}`,
      entityType: 'application',
      entityId: app.id,
      summary: { number: app.number, ...summary },
    });
  }

  /** The application if the actor may read it; a 404 (not 403) otherwise, so numbers cannot be probed. */
  async getForActor(
    actor: Actor,
    id: string,
    em: EntityManager = this.dataSource.manager,
  ): Promise<ApplicationEntity> {
    const app = await em.findOneBy(ApplicationEntity, { id });
    if (!app || !canRead(actor, app) || app.erasedAt)
      throw new NotFoundException(`No application with id ${id}`);
    return app;
  }

  membersOf(em: EntityManager, applicationId: string): Promise<ApplicationMemberEntity[]> {
    return em.find(ApplicationMemberEntity, { where: { applicationId }, order: { position: 'ASC' } });
  }

  /** The programme's "today", the date an unsubmitted application would be decided on. */
  applicationDate(programme: ProgrammeEntity, app: ApplicationEntity): string {
    return todayIn(programme.timeZone, app.submittedAt ?? new Date());
  }

  private async familyFor(
    em: EntityManager,
    actor: Actor,
    dto: CreateApplicationDto,
  ): Promise<string | null> {
    if (actor.role === 'family') {
      if (dto.familyId && dto.familyId !== actor.familyId)
        throw ProblemException.validation([
          { field: 'familyId', message: 'familyId must be your own family' },
        ]);
      if (dto.type === 'new_family') {
        if (actor.familyId)
          throw ProblemException.conflict(
            'already-enrolled',
            'Your family is enrolled; apply to add a member or extend',
          );
        const open = await em
          .createQueryBuilder(ApplicationEntity, 'a')
          .where('a.applicantUserId = :id', { id: actor.id })
          .andWhere("a.type = 'new_family'")
          .andWhere("a.status IN ('draft','submitted','in_review','needs_info','resubmitted')")
          .getCount();
        if (open > 0)
          throw ProblemException.conflict(
            'application-open',
            'You already have an open application for your family',
          );
        return null;
      }
      if (!actor.familyId)
        throw ProblemException.conflict(
          'not-enrolled',
          'Only an enrolled family can apply for this; apply as a new family',
        );
      return actor.familyId;
    }
    if (!isCaseStaff(actor)) throw new NotFoundException();
    if (dto.type === 'new_family') {
      if (dto.familyId)
        throw ProblemException.validation([
          { field: 'familyId', message: 'familyId must be empty for a new family' },
        ]);
      return null;
    }
    if (!dto.familyId)
      throw ProblemException.validation([
        { field: 'familyId', message: 'familyId is required for this type' },
      ]);
    return dto.familyId;
  }

  private async programmeOfFamily(em: EntityManager, familyId: string): Promise<ProgrammeEntity> {
    const row = await em
      .createQueryBuilder(ProgrammeEntity, 'p')
      .innerJoin('families', 'f', 'f.programme_id = p.id')
      .where("f.id = :familyId AND f.status = 'active'", { familyId })
      .getOne();
    if (!row)
      throw ProblemException.validation([{ field: 'familyId', message: 'familyId is not an active family' }]);
    return row;
  }

  /**
   * Validates the stated members (national IDs against the programme's format; extension and duplicate-card
   * references against the family) and refreshes the search text. Returns the members to store.
   */
  private async applyContent(
    em: EntityManager,
    app: ApplicationEntity,
    programme: ProgrammeEntity,
    dto: UpdateApplicationDto,
  ): Promise<ApplicationMemberEntity[]> {
    const errors: FieldError[] = [];
    const members: ApplicationMemberEntity[] = [];
    const familyMembers = app.familyId
      ? await em.find(MemberEntity, { where: { familyId: app.familyId, status: 'active' } })
      : [];
    const known = new Set(familyMembers.map((m) => m.id));
    (dto.members ?? []).forEach((input, i) => {
      const field = `members[${i}]`;
      if (input.memberId && !known.has(input.memberId))
        errors.push({
          field: `${field}.memberId`,
          message: `${field}.memberId is not a member of this family`,
        });
      const result = toPersonDetails(input, programme.nationalIdFormat, this.cipher, field);
      if (result.person)
        members.push(
          em.create(ApplicationMemberEntity, {
            position: i,
            memberId: input.memberId ?? null,
            person: result.person,
          }),
        );
      else errors.push(...result.errors);
    });
    if (dto.memberId && !known.has(dto.memberId))
      errors.push({ field: 'memberId', message: 'memberId is not a member of this family' });
    if (errors.length) throw ProblemException.validation(errors);
    const kept = app.id && !dto.members ? await this.membersOf(em, app.id) : [];
    const people = (dto.members ? members : kept).map((m) => m.person);
    const everyone = [...people, ...familyMembers.map((m) => m.person)];
    app.familyNames = [...new Set(everyone.map((p) => p.lastName))].join(' / ').slice(0, 200);
    const names = everyone.map((p) => `${p.lastName} ${p.firstName}`);
    app.searchText = foldForSearch([...new Set(names)].join(' ')).slice(0, 400);
    return members;
  }

  private async saveMembers(em: EntityManager, app: ApplicationEntity, members: ApplicationMemberEntity[]) {
    for (const m of members) m.applicationId = app.id;
    if (members.length) await em.save(members);
  }

  /** Numbers are random (30 bits a year); the rare clash is looked up first rather than caught, as a failed
   * INSERT would abort the whole transaction on PostgreSQL. */
  private async insertWithNumber(em: EntityManager, app: ApplicationEntity): Promise<ApplicationEntity> {
    const year = new Date().getUTCFullYear();
    do app.number = newApplicationNumber(year);
    while (await em.existsBy(ApplicationEntity, { number: app.number }));
    return em.save(app);
  }

  /** The e-mail address that hears about the application: its own, else the applicant's account. */
  async recipientOf(em: EntityManager, app: ApplicationEntity): Promise<string | null> {
    if (app.email) return app.email;
    if (!app.applicantUserId) return null;
    return (await em.findOneBy(UserEntity, { id: app.applicantUserId }))?.email ?? null;
  }
}

function pick(dto: UpdateApplicationDto): Partial<ApplicationEntity> {
  const out: Partial<ApplicationEntity> = {};
  for (const key of CONTENT_FIELDS)
    if (dto[key] !== undefined) (out as Record<string, unknown>)[key] = dto[key];
  if (dto.email) out.email = dto.email.toLowerCase();
  if (dto.language) out.language = dto.language;
  return out;
}
