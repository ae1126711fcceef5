import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import type { Actor } from '../auth/actor';
import type { FamilyDecision, IsoDate } from '../programmes/eligibility/eligibility.types';
import { rulesOf } from '../programmes/programme-defaults';
import type { ProgrammeEntity } from '../programmes/programme.entity';
import { Household, decideFamily } from './family-decision';
import { FamilyEntity } from './family.entity';
import { MemberEntity } from './member.entity';
import type { PersonDetails } from './person-details';

export interface DuplicateMember {
  nationalIdIndex: string;
  familyId: string;
  memberId: string;
}

export type FamilyFields = Pick<
  FamilyEntity,
  'street' | 'postalCode' | 'city' | 'municipalityCode' | 'email' | 'phone' | 'externalRef'
>;

const STAFF_WHO_SEE_FAMILIES = ['admin', 'case_worker', 'auditor'];

/** Whether the actor may see this family: staff who work with families, or a member of it. */
export const canSeeFamily = (actor: Actor, familyId: string | null): boolean =>
  STAFF_WHO_SEE_FAMILIES.includes(actor.role ?? '') ||
  (actor.role === 'family' && !!familyId && actor.familyId === familyId);

@Injectable()
export class FamiliesService {
  constructor(private readonly dataSource: DataSource) {}

  /** Runs the eligibility engine on people keyed by any id the caller likes. */
  decide(
    programme: ProgrammeEntity,
    household: Household,
    people: { key: string; person: PersonDetails }[],
    date: IsoDate,
  ): FamilyDecision {
    return decideFamily(rulesOf(programme), household, people, date);
  }

  /** Members of other active families who share a blind index with `indexes`: the duplicate warning. */
  async duplicatesOf(
    em: EntityManager,
    indexes: (string | null)[],
    excludeFamilyId: string | null = null,
  ): Promise<DuplicateMember[]> {
    const wanted = [...new Set(indexes.filter((i): i is string => !!i))];
    if (wanted.length === 0) return [];
    // EXISTS rather than a join: SQLite then starts from the blind-index index instead of every active family.
    const exclude = excludeFamilyId ? ' AND f.id <> :excludeFamilyId' : '';
    const qb = em
      .createQueryBuilder(MemberEntity, 'm')
      .select(['m.id AS "memberId"', 'm.familyId AS "familyId"', 'm.nationalIdIndex AS "nationalIdIndex"'])
      .where('m.nationalIdIndex IN (:...wanted)', { wanted })
      .andWhere("m.status = 'active'")
      .andWhere(
        `EXISTS (SELECT 1 FROM families f WHERE f.id = m.familyId AND f.status = 'active'${exclude})`,
        {
          excludeFamilyId,
        },
      );
    return qb.getRawMany<DuplicateMember>();
  }

  /** Creates a family with its members, each carrying the engine's decision. */
  async createFamily(
    em: EntityManager,
    programme: ProgrammeEntity,
    fields: FamilyFields,
    people: PersonDetails[],
    date: IsoDate,
  ): Promise<{ family: FamilyEntity; members: MemberEntity[] }> {
    const family = await em.save(
      em.create(FamilyEntity, { ...fields, programmeId: programme.id, status: 'active' }),
    );
    const members = await em.save(
      people.map((person) => em.create(MemberEntity, { familyId: family.id, person })),
    );
    await this.redecide(em, programme, family, members, date);
    return { family, members };
  }

  /** Re-runs the engine for the whole family and stores each member's eligibility and the family's end. */
  async redecide(
    em: EntityManager,
    programme: ProgrammeEntity,
    family: FamilyEntity,
    members: MemberEntity[],
    date: IsoDate,
  ): Promise<FamilyDecision> {
    const active = members.filter((m) => m.status === 'active');
    const decision = this.decide(
      programme,
      family,
      active.map((m) => ({ key: m.id, person: m.person })),
      date,
    );
    for (const d of decision.members) {
      await em.update(MemberEntity, { id: d.key }, { eligible: d.eligible, eligibleUntil: d.validUntil });
      const member = active.find((m) => m.id === d.key)!;
      member.eligible = d.eligible;
      member.eligibleUntil = d.validUntil;
    }
    const endedAt = decision.members.some((d) => d.eligible) ? null : new Date();
    if ((family.endedAt === null) !== (endedAt === null)) {
      await em.update(FamilyEntity, { id: family.id }, { endedAt });
      family.endedAt = endedAt;
    }
    return decision;
  }

  async membersOf(em: EntityManager, familyId: string): Promise<MemberEntity[]> {
    return em.find(MemberEntity, {
      where: { familyId, status: In(['active']) },
      order: { createdAt: 'ASC' },
    });
  }

  /** A family with its members, for staff who work with families or for one of its own users; else 404. */
  async getForActor(actor: Actor, id: string): Promise<{ family: FamilyEntity; members: MemberEntity[] }> {
    const family = canSeeFamily(actor, id)
      ? await this.dataSource.manager.findOneBy(FamilyEntity, { id })
      : null;
    if (!family || family.status === 'erased') throw new NotFoundException(`No family with id ${id}`);
    return { family, members: await this.membersOf(this.dataSource.manager, id) };
  }
}
