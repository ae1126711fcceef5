import { v7 as timeOrderedUuid } from 'uuid';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { EligibilityRules, IsoDate } from '../../programmes/eligibility/eligibility.types';
import { decideFamily } from '../family-decision';
import type { FamilyEntity } from '../family.entity';
import type { MemberEntity } from '../member.entity';
import type { FamilyValues, ImportedMember } from './family-validator';

/** A valid family as the rows to insert, with the engine's decision already on each member. */
export interface FamilyRows {
  family: QueryDeepPartialEntity<FamilyEntity>;
  members: QueryDeepPartialEntity<MemberEntity>[];
  /** Nobody in it is eligible: imported with endedAt set, as FamiliesService.redecide would leave it. */
  ended: boolean;
}

/** What every family of one import shares: the programme's rules, and one date and instant for the whole file. */
export interface RowsContext {
  programmeId: string;
  rules: EligibilityRules;
  date: IsoDate;
  now: Date;
}

/**
 * Decides eligibility before anything is written, so that each row is inserted once, complete (createFamily
 * inserts and then updates every member: twice the writes, too slow for a register of a million families).
 */
export function familyRows(
  context: RowsContext,
  ref: string,
  fields: FamilyValues,
  members: ImportedMember[],
): FamilyRows {
  // Time-ordered ids: each batch appends to the end of the id and family_id indexes instead of touching pages
  // all over them, which is what made every batch slower than the one before on a big register.
  const familyId = timeOrderedUuid();
  const people = members.map(({ person }) => ({ key: timeOrderedUuid(), person }));
  const decision = decideFamily(context.rules, fields, people, context.date);
  const decided = new Map(decision.members.map((d) => [d.key, d]));
  const ended = !decision.members.some((d) => d.eligible);
  return {
    ended,
    family: {
      id: familyId,
      programmeId: context.programmeId,
      externalRef: ref,
      status: 'active',
      ...fields,
      endedAt: ended ? context.now : null,
      erasedAt: null,
    },
    members: people.map(({ key, person }) => ({
      id: key,
      familyId,
      person,
      status: 'active',
      eligible: decided.get(key)!.eligible,
      eligibleUntil: decided.get(key)!.validUntil,
    })),
  };
}
