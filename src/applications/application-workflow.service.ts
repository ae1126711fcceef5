import { ForbiddenException, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { CardIssuerService } from '../cards/card-issuer.service';
import type { Actor } from '../auth/actor';
import type { FieldError } from '../common/problem/problem';
import { ProblemException } from '../common/problem/problem.exception';
import { TransactionService } from '../database/transaction.service';
import { FamiliesService } from '../families/families.service';
import { FamilyEntity, householdOf } from '../families/family.entity';
import { MemberEntity } from '../families/member.entity';
import { EmailTemplate, NotificationsService } from '../notifications/notifications.service';
import { ProgrammeEntity } from '../programmes/programme.entity';
import { ProgrammesService } from '../programmes/programmes.service';
import { UserEntity } from '../users/user.entity';
import { actsAsApplicant, isCaseStaff } from './application-access';
import { ApplicationMemberEntity } from './application-member.entity';
import { ApplicationNoteEntity } from './application-note.entity';
import { DECISION_REASONS, nextStatus, TRANSITIONS, TransitionAction } from './application-state';
import { ApplicationEntity } from './application.entity';
import { ApplicationsService } from './applications.service';
import { DocumentEntity } from './document.entity';
import { TransitionDto } from './dto/application-input.dto';

const EMAIL_FOR: Partial<Record<TransitionAction, EmailTemplate>> = {
  submit: 'application_submitted',
  request_info: 'application_needs_info',
  approve: 'application_approved',
  reject: 'application_rejected',
};

const DAY_MS = 86_400_000;

/** Moves applications through their workflow; approval enrols the family in the same transaction. */
@Injectable()
export class ApplicationWorkflowService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
    private readonly applications: ApplicationsService,
    private readonly programmes: ProgrammesService,
    private readonly families: FamiliesService,
    private readonly notifications: NotificationsService,
    private readonly cards: CardIssuerService,
  ) {}

  async transition(
    actor: Actor,
    id: string,
    action: TransitionAction,
    dto: TransitionDto,
  ): Promise<ApplicationEntity> {
    return this.tx.run(async (em) => {
      const app = await this.applications.getForActor(actor, id, em);
      const allowed = TRANSITIONS[action].by === 'staff' ? isCaseStaff(actor) : actsAsApplicant(actor, app);
      if (!allowed)
        throw new ForbiddenException(`Your role may not ${action.replace('_', ' ')} this application`);
      const to = nextStatus(app.status, action);
      if (!to)
        throw ProblemException.conflict(
          'illegal-transition',
          `Application ${app.number} is ${app.status}; it cannot ${action.replace('_', ' ')}`,
        );
      this.checkReason(action, dto);
      const programme = await this.programmes.get(app.programmeId, em);
      const from = app.status;
      const now = new Date();
      const changes: Partial<ApplicationEntity> = { status: to };
      if (action === 'submit' || action === 'resubmit') {
        await this.checkComplete(em, app);
        changes.submittedAt = app.submittedAt ?? now;
        changes.queuedAt = changes.submittedAt;
        changes.decisionDueAt = new Date(now.getTime() + programme.decisionDeadlineDays * DAY_MS);
      }
      if (action === 'approve' || action === 'reject') {
        Object.assign(changes, {
          decidedAt: now,
          decisionReason: dto.reason,
          decisionText: dto.message ?? null,
        });
      }
      // The status guard makes two concurrent transitions of one application end with exactly one winner.
      const result = await em.update(ApplicationEntity, { id: app.id, status: from }, changes);
      if (!result.affected)
        throw ProblemException.conflict('illegal-transition', `Application ${app.number} changed meanwhile`);
      Object.assign(app, changes);
      if (action === 'approve') await this.approve(em, actor, app, programme);
      const { reason, message } = dto;
      await this.applications.recordStep(
        em,
        actor,
        app,
        { action, from, to, reason, message },
        {
          from,
          to,
          reason: reason ?? null,
        },
      );
      await this.notify(em, app, programme, action, dto);
      return app;
    });
  }

  async addNote(actor: Actor, id: string, text: string): Promise<ApplicationNoteEntity> {
    return this.tx.run(async (em) => {
      const app = await this.applications.getForActor(actor, id, em);
      if (!isCaseStaff(actor)) throw new ForbiddenException('Only case workers add notes');
      const note = await em.save(
        em.create(ApplicationNoteEntity, {
          applicationId: app.id,
          authorId: actor.id,
          authorLabel: actor.label,
          text,
        }),
      );
      await this.audit.record(em, actor, {
        action: 'application.note',
        entityType: 'application',
        entityId: app.id,
        summary: { number: app.number, noteId: note.id },
      });
      return note;
    });
  }

  async notes(actor: Actor, id: string): Promise<ApplicationNoteEntity[]> {
    const app = await this.applications.getForActor(actor, id);
    return this.dataSource.manager.find(ApplicationNoteEntity, {
      where: { applicationId: app.id },
      order: { id: 'ASC' },
    });
  }

  private checkReason(action: TransitionAction, dto: TransitionDto): void {
    const reasons = (DECISION_REASONS as Record<string, readonly string[]>)[action];
    if (!reasons) return;
    if (!dto.reason || !reasons.includes(dto.reason))
      throw ProblemException.validation([
        { field: 'reason', message: `reason must be one of: ${reasons.join(', ')}` },
      ]);
  }

  /** What each type needs before a case worker can look at it; every gap is named by its field. */
  private async checkComplete(em: EntityManager, app: ApplicationEntity): Promise<void> {
    const members = await this.applications.membersOf(em, app.id);
    const errors: FieldError[] = [];
    const need = (ok: unknown, field: string, message: string) => {
      if (!ok) errors.push({ field, message });
    };
    if (app.type === 'new_family') {
      need(app.street, 'street', 'street is required to submit');
      need(app.postalCode, 'postalCode', 'postalCode is required to submit');
      need(app.city, 'city', 'city is required to submit');
      need(members.length, 'members', 'members must list everyone in the family');
    }
    if (app.type === 'add_member') need(members.length, 'members', 'members must list the new member');
    if (app.type === 'extend')
      need(
        members.length && members.every((m) => m.memberId),
        'members',
        'members must restate existing members by memberId',
      );
    if (app.type === 'duplicate_card') {
      need(app.memberId, 'memberId', 'memberId is required to submit');
      need(app.lossReason, 'lossReason', 'lossReason is required to submit');
    }
    need(app.email || app.applicantUserId, 'email', 'email is required for an applicant without an account');
    if (errors.length) throw ProblemException.validation(errors, 'The application is not complete.');
  }

  /**
   * Enrols or updates the family and issues, extends or replaces its cards; anything that fails here rolls the
   * whole decision back.
   */
  private async approve(em: EntityManager, actor: Actor, app: ApplicationEntity, programme: ProgrammeEntity) {
    const stated = await this.applications.membersOf(em, app.id);
    const date = this.applications.applicationDate(programme, app);
    if (app.type === 'new_family') {
      await this.assertInNoOtherFamily(em, stated);
      const decision = this.families.decide(
        programme,
        app,
        stated.map((m) => ({ key: m.id, person: m.person })),
        date,
      );
      if (!decision.qualifies) throw notQualifying(decision.reasons.map((r) => r.message));
      const { family, members } = await this.families.createFamily(
        em,
        programme,
        { ...householdOf(app), externalRef: null },
        stated.map((m) => m.person),
        date,
      );
      app.familyId = family.id;
      await em.update(ApplicationEntity, { id: app.id }, { familyId: family.id });
      await em.update(DocumentEntity, { applicationId: app.id }, { familyId: family.id });
      if (app.applicantUserId)
        await em.update(UserEntity, { id: app.applicantUserId, familyId: IsNull() }, { familyId: family.id });
      await this.cards.reconcile(em, actor, programme, members);
      return;
    }
    const family = await em.findOneBy(FamilyEntity, { id: app.familyId!, status: 'active' });
    if (!family) throw ProblemException.conflict('family-not-active', 'The family is no longer active');
    if (app.type === 'add_member') await this.addMembers(em, family, stated);
    if (app.type === 'extend') await this.restate(em, stated);
    const members = await this.families.membersOf(em, family.id);
    const decision = await this.families.redecide(em, programme, family, members, date);
    if (app.type !== 'duplicate_card' && !decision.qualifies)
      throw notQualifying(decision.reasons.map((r) => r.message));
    const duplicate =
      app.type === 'duplicate_card' && app.memberId
        ? { memberId: app.memberId, replacement: { reason: app.lossReason ?? 'lost', waiveFee: false } }
        : null;
    await this.cards.reconcile(em, actor, programme, members, duplicate);
  }

  private async addMembers(em: EntityManager, family: FamilyEntity, stated: ApplicationMemberEntity[]) {
    await this.assertInNoOtherFamily(em, stated);
    await em.save(stated.map((m) => em.create(MemberEntity, { familyId: family.id, person: m.person })));
  }

  /** A person belongs to at most one active family (matched by national ID blind index). */
  private async assertInNoOtherFamily(em: EntityManager, stated: ApplicationMemberEntity[]) {
    const duplicates = await this.families.duplicatesOf(
      em,
      stated.map((m) => m.person.nationalIdIndex),
    );
    if (duplicates.length)
      throw ProblemException.conflict(
        'member-in-other-family',
        `${duplicates.length} member(s) already belong to another active family`,
      );
  }

  /** An extension replaces the stated facts (education, disability, placement, permit) of existing members. */
  private async restate(em: EntityManager, stated: ApplicationMemberEntity[]) {
    for (const m of stated) {
      const {
        educationEnd,
        educationInstitution,
        disabilityUntil,
        disabilityPermanent,
        fosterPlacementEnd,
        residencePermitEnd,
      } = m.person;
      await em.update(
        MemberEntity,
        { id: m.memberId! },
        {
          person: {
            educationEnd,
            educationInstitution,
            disabilityUntil,
            disabilityPermanent,
            fosterPlacementEnd,
            residencePermitEnd,
          },
        },
      );
    }
  }

  private async notify(
    em: EntityManager,
    app: ApplicationEntity,
    programme: ProgrammeEntity,
    action: TransitionAction,
    dto: TransitionDto,
  ) {
    const template = EMAIL_FOR[action];
    const to = template && (await this.applications.recipientOf(em, app));
    if (!template || !to) return;
    await this.notifications.enqueue(em, {
      template,
      to,
      language: app.language,
      vars: {
        programmeName: programme.name,
        applicationNumber: app.number,
        message: dto.message ?? '',
        reason: dto.reason ?? '',
      },
      applicationId: app.id,
      familyId: app.familyId,
    });
  }
}

const notQualifying = (reasons: string[]) =>
  ProblemException.conflict(
    'family-does-not-qualify',
    `The family does not qualify: ${reasons.join('; ') || 'see the eligibility reasons'}`,
  );
