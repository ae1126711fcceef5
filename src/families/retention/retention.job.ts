import { Injectable, OnModuleInit } from '@nestjs/common';
import { Brackets, DataSource, EntityManager, FindOptionsWhere, In, IsNull, Not } from 'typeorm';
import { ApplicationEventEntity } from '../../applications/application-event.entity';
import { ApplicationMemberEntity } from '../../applications/application-member.entity';
import { ApplicationNoteEntity } from '../../applications/application-note.entity';
import { ApplicationEntity } from '../../applications/application.entity';
import { DocumentEntity } from '../../applications/document.entity';
import { DocumentStorage } from '../../applications/documents/document-storage';
import { AuditService } from '../../audit/audit.service';
import type { Actor } from '../../auth/actor';
import { SessionEntity } from '../../auth/session.entity';
import { CardEntity } from '../../cards/card.entity';
import { TransactionService } from '../../database/transaction.service';
import { todayIn } from '../../programmes/eligibility/civil-date';
import { JobsService } from '../../jobs/jobs.service';
import { OutboxMessageEntity } from '../../notifications/outbox-message.entity';
import { ProgrammeEntity } from '../../programmes/programme.entity';
import { UserEntity } from '../../users/user.entity';
import { ERASED_HOUSEHOLD, FamilyEntity } from '../family.entity';
import { MemberEntity } from '../member.entity';
import { erasedPerson, monthsBefore } from './person-erasure';

/** Families (or family-less applications) erased per transaction: short write locks, bounded memory. */
const BATCH = 200;
/** Ids per IN (…) list, well under SQLite's bound-parameter limit. */
const CHUNK = 500;

export interface ErasureCounts {
  families: number;
  members: number;
  applications: number;
  applicationMembers: number;
  documents: number;
  emails: number;
  users: number;
}

const noCounts = (): ErasureCounts => ({
  families: 0,
  members: 0,
  applications: 0,
  applicationMembers: 0,
  documents: 0,
  emails: 0,
  users: 0,
});

/**
 * Erases people with one UPDATE per birth year (the one thing an erased person keeps) rather than one per
 * person. Returns how many there were.
 */
async function byBirthYear(
  rows: { id: string; person: { birthDate: string } }[],
  update: (ids: string[], person: ReturnType<typeof erasedPerson>) => Promise<unknown>,
): Promise<number> {
  const byYear = new Map<string, string[]>();
  for (const row of rows) {
    const year = row.person.birthDate.slice(0, 4);
    byYear.set(year, [...(byYear.get(year) ?? []), row.id]);
  }
  for (const [year, ids] of byYear)
    for (const part of chunks(ids)) await update(part, erasedPerson(`${year}-01-01`));
  return rows.length;
}

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/**
 * Daily: erases personal data once a programme's retention period has passed — `retentionMonths` after a
 * family stopped qualifying (`endedAt`), or after a family-less application was rejected or withdrawn.
 * Rows stay, with status `erased`, so counts by programme, status, role and birth year still add up; names,
 * national IDs, addresses, contacts, e-mail contents and documents go. Each batch is one transaction with
 * one audit row of counts; erased rows are never picked again, so a second run changes nothing.
 */
@Injectable()
export class RetentionJob implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
    private readonly storage: DocumentStorage,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: 'retention.erase',
      everyMs: 86_400_000,
      run: async (actor) => void (await this.erase(actor)),
    });
  }

  async erase(actor: Actor, now = new Date()): Promise<ErasureCounts> {
    const total = noCounts();
    const programmes = await this.dataSource.manager.find(ProgrammeEntity, { order: { code: 'ASC' } });
    for (const programme of programmes) {
      const cutoff = monthsBefore(now, programme.retentionMonths);
      const families = (em: EntityManager) =>
        this.dueFamilies(em, programme.id, cutoff, todayIn(programme.timeZone, cutoff));
      const applications = (em: EntityManager) => this.dueApplications(em, programme.id, cutoff);
      while ((await this.batch(actor, programme, cutoff, now, families, total)) === BATCH);
      while ((await this.batch(actor, programme, cutoff, now, applications, total)) === BATCH);
    }
    return total;
  }

  /** Erases one batch of what `pick` finds due; returns how many it picked (0: nothing left). */
  private async batch(
    actor: Actor,
    programme: ProgrammeEntity,
    cutoff: Date,
    now: Date,
    pick: (em: EntityManager) => Promise<{ familyIds: string[]; applicationIds: string[] }>,
    total: ErasureCounts,
  ): Promise<number> {
    const done = await this.tx.run(async (em) => {
      const due = await pick(em);
      const picked = due.familyIds.length || due.applicationIds.length;
      if (!picked) return null;
      const { counts, files } = await this.eraseHolders(em, due.familyIds, due.applicationIds, now);
      await this.audit.record(em, actor, {
        action: 'retention.erase',
        entityType: 'programme',
        entityId: programme.id,
        summary: { retentionMonths: programme.retentionMonths, cutoff, ...counts },
      });
      return { picked, counts, files };
    });
    if (!done) return 0;
    // The rows are gone for good only now; a rolled-back batch keeps its files for the next run.
    await this.storage.remove(done.files);
    for (const key of Object.keys(total) as (keyof ErasureCounts)[]) total[key] += done.counts[key];
    return done.picked;
  }

  /** Families that stopped qualifying before the cut-off and are not erased yet. */
  /**
   * Families whose eligibility ended before the cutoff and whose last card ended before it too: no live card,
   * none expired on or after the cutoff day, none revoked or replaced after the cutoff.
   */
  private async dueFamilies(em: EntityManager, programmeId: string, cutoff: Date, cutoffDay: string) {
    const cardStillCounts = em
      .createQueryBuilder(CardEntity, 'c')
      .select('1')
      .where('c.familyId = f.id')
      .andWhere(
        new Brackets((w) =>
          w
            .where("c.status IN ('active', 'suspended')")
            .orWhere("c.status = 'expired' AND c.validUntil >= :cutoffDay")
            .orWhere("c.status IN ('revoked', 'replaced') AND c.updatedAt >= :cutoff"),
        ),
      );
    const families = await em
      .createQueryBuilder(FamilyEntity, 'f')
      .select('f.id')
      .where('f.programmeId = :programmeId', { programmeId })
      .andWhere("f.status IN ('active', 'ended')")
      .andWhere('f.endedAt < :cutoff', { cutoff })
      .andWhere(`NOT EXISTS (${cardStillCounts.getQuery()})`, { cutoffDay, cutoff })
      .orderBy('f.endedAt', 'ASC')
      .addOrderBy('f.id', 'ASC')
      .limit(BATCH)
      .getMany();
    const familyIds = families.map((f) => f.id);
    const applications = familyIds.length
      ? await em.find(ApplicationEntity, {
          select: { id: true },
          where: { familyId: In(familyIds), erasedAt: IsNull() },
        })
      : [];
    return { familyIds, applicationIds: applications.map((a) => a.id) };
  }

  /** Applications that never became a family: rejected or withdrawn before the cut-off. */
  private async dueApplications(em: EntityManager, programmeId: string, cutoff: Date) {
    const applications = await em
      .createQueryBuilder(ApplicationEntity, 'a')
      .select('a.id')
      .where('a.programmeId = :programmeId', { programmeId })
      .andWhere('a.familyId IS NULL')
      .andWhere("a.status IN ('rejected', 'withdrawn')")
      .andWhere('a.erasedAt IS NULL')
      .andWhere('COALESCE(a.decidedAt, a.updatedAt) < :cutoff', { cutoff })
      .orderBy('a.id', 'ASC')
      .limit(BATCH)
      .getMany();
    return { familyIds: [], applicationIds: applications.map((a) => a.id) };
  }

  /** Erases families and applications with everything that hangs off them; returns the document files to remove. */
  private async eraseHolders(em: EntityManager, familyIds: string[], applicationIds: string[], now: Date) {
    const counts = noCounts();
    counts.families = familyIds.length;
    counts.applications = applicationIds.length;
    for (const ids of chunks(familyIds)) {
      const members = await em.find(MemberEntity, {
        select: { id: true, person: { birthDate: true } },
        where: { familyId: In(ids) },
      });
      counts.members += await byBirthYear(members, (rowIds, person) =>
        em.update(MemberEntity, { id: In(rowIds) }, { person, status: 'erased', eligibleUntil: null }),
      );
      await em.update(
        FamilyEntity,
        { id: In(ids) },
        {
          ...ERASED_HOUSEHOLD,
          externalRef: null,
          status: 'erased',
          erasedAt: now,
        },
      );
      // The names printed on the family's cards; the card rows stay for counts.
      await em.update(CardEntity, { familyId: In(ids) }, { holderName: 'erased', searchName: '' });
      counts.users += await this.eraseUsers(em, ids);
    }
    for (const ids of chunks(applicationIds)) {
      await em.update(
        ApplicationEntity,
        { id: In(ids) },
        {
          ...ERASED_HOUSEHOLD,
          searchText: '',
          familyNames: '',
          decisionText: null,
          erasedAt: now,
        },
      );
      const stated = await em.find(ApplicationMemberEntity, {
        select: { id: true, person: { birthDate: true } },
        where: { applicationId: In(ids) },
      });
      counts.applicationMembers += await byBirthYear(stated, (rowIds, person) =>
        em.update(ApplicationMemberEntity, { id: In(rowIds) }, { person }),
      );
      // Free text written to or about the family names people too.
      await em.update(ApplicationEventEntity, { applicationId: In(ids) }, { message: null });
      await em.update(ApplicationNoteEntity, { applicationId: In(ids) }, { text: '' });
    }
    const holders = [
      ...chunks(familyIds).map((ids) => ({ familyId: In(ids) })),
      ...chunks(applicationIds).map((ids) => ({ applicationId: In(ids) })),
    ];
    const files = await this.deleteDocuments(em, holders);
    counts.documents = files.length;
    counts.emails = await this.blankEmails(em, holders);
    return { counts, files };
  }

  /** The family's accounts: disabled, signed out, and no longer naming anyone. */
  private async eraseUsers(em: EntityManager, familyIds: string[]): Promise<number> {
    const users = await em.find(UserEntity, {
      select: { id: true },
      where: { familyId: In(familyIds) },
    });
    for (const { id } of users)
      await em.update(
        UserEntity,
        { id },
        { email: `erased-${id}@invalid`, displayName: 'erased', disabled: true },
      );
    for (const ids of chunks(users.map((u) => u.id))) await em.delete(SessionEntity, { userId: In(ids) });
    return users.length;
  }

  private async deleteDocuments(
    em: EntityManager,
    holders: FindOptionsWhere<DocumentEntity>[],
  ): Promise<DocumentEntity[]> {
    if (!holders.length) return [];
    const documents = await em.find(DocumentEntity, {
      select: { id: true, applicationId: true },
      where: holders,
    });
    for (const ids of chunks(documents.map((d) => d.id))) await em.delete(DocumentEntity, { id: In(ids) });
    return documents;
  }

  /** E-mails stay as rows (template, status, dates) but lose recipient and contents; unsent ones are not sent. */
  private async blankEmails(
    em: EntityManager,
    holders: FindOptionsWhere<OutboxMessageEntity>[],
  ): Promise<number> {
    if (!holders.length) return 0;
    const messages = await em.find(OutboxMessageEntity, {
      select: { id: true },
      where: holders.map((h) => ({ ...h, recipient: Not('') })),
    });
    for (const ids of chunks(messages.map((m) => m.id))) {
      await em.update(OutboxMessageEntity, { id: In(ids), status: 'pending' }, { status: 'failed' });
      await em.update(
        OutboxMessageEntity,
        { id: In(ids) },
        { recipient: '', subject: '', text: '', html: '', lastError: null },
      );
    }
    return messages.length;
  }
}
