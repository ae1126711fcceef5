import { Injectable, NotFoundException } from '@nestjs/common';
import { Brackets, DataSource, EntityManager, In, Not } from 'typeorm';
import { ownApplicationsWhere } from '../../applications/application-access';
import { ApplicationEventEntity } from '../../applications/application-event.entity';
import { ApplicationMemberEntity } from '../../applications/application-member.entity';
import { ApplicationEntity } from '../../applications/application.entity';
import { DocumentEntity } from '../../applications/document.entity';
import { mapDocument } from '../../applications/documents/dto/document.dto';
import { mapEvent } from '../../applications/dto/application.dto';
import { AuditService } from '../../audit/audit.service';
import type { Actor } from '../../auth/actor';
import { PersonalDataCipher } from '../../common/personal-data/personal-data-cipher';
import { TransactionService } from '../../database/transaction.service';
import { OutboxMessageEntity } from '../../notifications/outbox-message.entity';
import { UserEntity } from '../../users/user.entity';
import { FamiliesService } from '../families.service';
import { FamilyEntity, householdOf } from '../family.entity';
import { MemberEntity } from '../member.entity';
import { mapPersonFacts } from '../dto/person.dto';
import type { PersonDetails } from '../person-details';
import { FamilyDto, mapFamily, mapFamilyFields } from './family.dto';
import { ExportedApplicationDto, ExportedPersonDto, FamilyExportDto } from './family-export.dto';

const groupBy = <T>(rows: T[], key: (row: T) => string): Map<string, T[]> => {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return groups;
};

/** What a family, and staff who work with families, see of a family; and a family's export of its own data. */
@Injectable()
export class FamilyDataService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
    private readonly families: FamiliesService,
    private readonly cipher: PersonalDataCipher,
  ) {}

  async view(actor: Actor, familyId: string): Promise<FamilyDto> {
    const { family, members } = await this.families.getForActor(actor, familyId);
    return mapFamily(family, members, this.cipher);
  }

  /** The signed-in family user's own family. */
  async mine(actor: Actor): Promise<FamilyDto> {
    if (!actor.familyId) throw new NotFoundException('You do not belong to an enrolled family yet');
    return this.view(actor, actor.familyId);
  }

  /**
   * Everything held about the family user: their account, their family and its members (national IDs in
   * full), their applications with the people stated, timeline, decision and documents, and the e-mails sent.
   * Audited, as it hands over every national ID of the family at once.
   */
  async export(actor: Actor): Promise<FamilyExportDto> {
    const em = this.dataSource.manager;
    const account = await em.findOneByOrFail(UserEntity, { id: actor.id! });
    const family = account.familyId
      ? await em.findOneBy(FamilyEntity, { id: account.familyId, status: Not('erased') })
      : null;
    const members = family
      ? await em.find(MemberEntity, {
          where: { familyId: family.id, status: Not('erased') },
          order: { createdAt: 'ASC', id: 'ASC' },
        })
      : [];
    const applications = await this.applicationsOf(em, account.id, family?.id ?? null);
    const emails = await this.emailsOf(
      em,
      account,
      family?.id ?? null,
      applications.map((a) => a.id),
    );
    const result: FamilyExportDto = {
      generatedAt: new Date(),
      account: {
        id: account.id,
        email: account.email,
        displayName: account.displayName,
        role: account.role,
        createdAt: account.createdAt,
        lastLoginAt: account.lastLoginAt,
      },
      family: family && { ...mapFamilyFields(family), updatedAt: family.updatedAt },
      members: members.map((m) => ({
        id: m.id,
        ...this.person(m.person),
        status: m.status,
        eligible: m.eligible,
        eligibleUntil: m.eligibleUntil,
        createdAt: m.createdAt,
        updatedAt: m.updatedAt,
      })),
      applications,
      emails: emails.map((e) => ({
        id: e.id,
        template: e.template,
        recipient: e.recipient,
        subject: e.subject,
        text: e.text,
        status: e.status,
        applicationId: e.applicationId,
        createdAt: e.createdAt,
        sentAt: e.sentAt,
      })),
    };
    await this.tx.run((m) =>
      this.audit.record(m, actor, {
        action: 'family.export',
        entityType: family ? 'family' : 'user',
        entityId: family?.id ?? account.id,
        summary: {
          members: result.members.length,
          applications: applications.length,
          documents: applications.reduce((n, a) => n + a.documents.length, 0),
          emails: emails.length,
        },
      }),
    );
    return result;
  }

  private async applicationsOf(
    em: EntityManager,
    userId: string,
    familyId: string | null,
  ): Promise<ExportedApplicationDto[]> {
    const apps = await em
      .createQueryBuilder(ApplicationEntity, 'a')
      .where('a.erasedAt IS NULL')
      .andWhere(ownApplicationsWhere('a', userId, familyId))
      .orderBy('a.createdAt', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .getMany();
    if (apps.length === 0) return [];
    const ids = apps.map((a) => a.id);
    const stated = groupBy(
      await em.find(ApplicationMemberEntity, {
        where: { applicationId: In(ids) },
        order: { position: 'ASC' },
      }),
      (m) => m.applicationId,
    );
    const events = groupBy(
      await em.find(ApplicationEventEntity, {
        where: { applicationId: In(ids) },
        order: { id: 'ASC' },
      }),
      (e) => e.applicationId,
    );
    const documents = groupBy(
      await em.find(DocumentEntity, {
        where: { applicationId: In(ids) },
        order: { createdAt: 'ASC', id: 'ASC' },
      }),
      (d) => d.applicationId,
    );
    return apps.map((a) => ({
      id: a.id,
      number: a.number,
      programmeId: a.programmeId,
      type: a.type,
      status: a.status,
      language: a.language,
      ...householdOf(a),
      memberId: a.memberId,
      lossReason: a.lossReason,
      submittedAt: a.submittedAt,
      decidedAt: a.decidedAt,
      decisionReason: a.decisionReason,
      decisionText: a.decisionText,
      createdAt: a.createdAt,
      updatedAt: a.updatedAt,
      members: (stated.get(a.id) ?? []).map((m) => ({ memberId: m.memberId, ...this.person(m.person) })),
      events: (events.get(a.id) ?? []).map(mapEvent),
      documents: (documents.get(a.id) ?? []).map(mapDocument),
    }));
  }

  /** E-mails about the family or its applications, and any sent to the account's own address. */
  private emailsOf(
    em: EntityManager,
    account: UserEntity,
    familyId: string | null,
    applicationIds: string[],
  ): Promise<OutboxMessageEntity[]> {
    return em
      .createQueryBuilder(OutboxMessageEntity, 'o')
      .where(
        new Brackets((w) => {
          w.where('o.recipient = :email', { email: account.email });
          if (familyId) w.orWhere('o.familyId = :familyId', { familyId });
          if (applicationIds.length) w.orWhere('o.applicationId IN (:...applicationIds)', { applicationIds });
        }),
      )
      .orderBy('o.createdAt', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .getMany();
  }

  private person(p: PersonDetails): ExportedPersonDto {
    const nationalId =
      p.nationalIdCipher && p.nationalIdFormat
        ? this.cipher.decrypt(p.nationalIdCipher, p.nationalIdFormat)
        : null;
    return { ...mapPersonFacts(p), nationalId };
  }
}
