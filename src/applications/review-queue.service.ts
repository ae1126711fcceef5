import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { afterKeyset, keysetPage, positionOf } from '../common/keyset-cursor';
import { containsPattern, foldForSearch } from '../common/text';
import { ownApplicationsWhere } from './application-access';
import { APPLICATION_NUMBER } from './application-number';
import { APPLICATION_STATUSES, AWAITING_STAFF } from './application-state';
import { ApplicationEntity } from './application.entity';
import { ApplicationQueryDto } from './dto/application-query.dto';

export interface ApplicationPage {
  items: ApplicationEntity[];
  nextCursor: string | null;
}

/**
 * Lists applications oldest first with keyset pagination on (queuedAt, id), which an index serves directly,
 * so a page costs the same at a million applications as at ten. Families see only their own.
 */
@Injectable()
export class ReviewQueueService {
  constructor(private readonly dataSource: DataSource) {}

  async list(actor: Actor, q: ApplicationQueryDto): Promise<ApplicationPage> {
    const qb = this.dataSource.manager
      .createQueryBuilder(ApplicationEntity, 'a')
      .where('a.erasedAt IS NULL')
      .orderBy('a.queuedAt', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .take(q.limit + 1);
    if (actor.role === 'family') {
      qb.andWhere(ownApplicationsWhere('a', actor.id!, actor.familyId));
    }
    // Staff do not see a family's unfinished drafts unless they ask for them.
    // `?status=` parses to an empty list: no filter, as if absent (an empty IN () is a PostgreSQL syntax error).
    const statuses = q.status?.length
      ? q.status
      : actor.role === 'family'
        ? [...APPLICATION_STATUSES]
        : APPLICATION_STATUSES.filter((s) => s !== 'draft');
    if (q.overdue) {
      const waiting = statuses.filter((s) => AWAITING_STAFF.includes(s));
      qb.andWhere('a.decisionDueAt < :now', { now: new Date() });
      qb.andWhere('a.status IN (:...statuses)', { statuses: waiting.length ? waiting : ['none'] });
    } else if (statuses.length < APPLICATION_STATUSES.length) {
      qb.andWhere('a.status IN (:...statuses)', { statuses });
    }
    if (q.type) qb.andWhere('a.type = :type', { type: q.type });
    if (q.q) {
      const text = q.q.trim();
      if (APPLICATION_NUMBER.test(text.toUpperCase()))
        qb.andWhere('a.number = :number', { number: text.toUpperCase() });
      else
        qb.andWhere("a.searchText LIKE :like ESCAPE '\\'", {
          like: containsPattern(foldForSearch(text)),
        });
    }
    if (q.cursor) qb.andWhere(afterKeyset('a.queuedAt', 'a.id', positionOf(q.cursor), 'ASC'));
    return keysetPage(await qb.getMany(), q.limit, (row) => ({ at: row.queuedAt, id: row.id }));
  }
}
