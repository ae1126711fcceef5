import type { EntityManager } from 'typeorm';
import { chunks, insertRows } from '../../database/insert-rows';
import type { DuplicateMember, FamiliesService } from '../families.service';
import { FamilyEntity } from '../family.entity';
import { MemberEntity } from '../member.entity';
import { PreparedFamily, RejectedFamily, rejectFamily } from './family-validator';

export interface Screening {
  fresh: PreparedFamily[];
  already: PreparedFamily[];
  rejected: RejectedFamily[];
}

/** Bounds the IN lists of the look-ups well under either engine's parameter limit, whatever the batch size. */
const LOOKUP_CHUNK = 5000;

/**
 * What the database says about a batch, in a few queries for the whole batch: families imported before
 * (same programme and family_ref) are skipped, and a family with a member who already belongs to another
 * active family is rejected.
 */
export async function screenBatch(
  em: EntityManager,
  families: FamiliesService,
  programmeId: string,
  batch: PreparedFamily[],
): Promise<Screening> {
  const refs = batch.map((p) => p.source.ref);
  const existing = new Set<string>();
  for (const chunk of chunks(refs, LOOKUP_CHUNK)) {
    const rows = await em
      .createQueryBuilder(FamilyEntity, 'f')
      .select('f.externalRef', 'ref')
      .where('f.programmeId = :programmeId', { programmeId })
      .andWhere('f.externalRef IN (:...chunk)', { chunk })
      .getRawMany<{ ref: string }>();
    rows.forEach((r) => existing.add(r.ref));
  }
  const already = batch.filter((p) => existing.has(p.source.ref));
  const candidates = batch.filter((p) => !existing.has(p.source.ref));

  const indexes = candidates.flatMap((p) =>
    p.source.members.flatMap((m) => (m.person.nationalIdIndex ? [m.person.nationalIdIndex] : [])),
  );
  const taken = new Map<string, DuplicateMember>();
  for (const chunk of chunks(indexes, LOOKUP_CHUNK)) {
    for (const d of await families.duplicatesOf(em, chunk)) taken.set(d.nationalIdIndex, d);
  }
  const fresh: PreparedFamily[] = [];
  const rejected: RejectedFamily[] = [];
  for (const prepared of candidates) {
    const { ref, members } = prepared.source;
    const problems = members.flatMap(({ line, person }) => {
      const other = person.nationalIdIndex ? taken.get(person.nationalIdIndex) : undefined;
      return other
        ? [
            {
              line,
              field: 'national_id',
              message: `already belongs to a member of another active family (${other.familyId})`,
            },
          ]
        : [];
    });
    if (problems.length === 0) fresh.push(prepared);
    else
      rejected.push(
        rejectFamily(
          ref,
          members.map((m) => m.line),
          problems,
        ),
      );
  }
  return { fresh, already, rejected };
}

/** Multi-row INSERTs, as many rows per statement as the engine's parameter limit allows. */
export async function insertFamilies(
  em: EntityManager,
  prepared: PreparedFamily[],
  now: Date,
): Promise<void> {
  await insertRows(
    em,
    FamilyEntity,
    prepared.map((p) => p.family),
    now,
  );
  await insertRows(
    em,
    MemberEntity,
    prepared.flatMap((p) => p.members),
    now,
  );
}
