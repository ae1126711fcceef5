import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, LessThan } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { TransactionService } from '../database/transaction.service';
import { JobsService } from '../jobs/jobs.service';
import { ProgrammeEntity } from '../programmes/programme.entity';
import { ValidationEntity } from './validation.entity';

/** Checks deleted per transaction. */
const BATCH = 5_000;

/**
 * Daily, once across instances: deletes card checks older than the programme's `validationRetentionDays`.
 * Redemptions stay (they are the partners' records of discounts given); they keep only the check's id.
 */
@Injectable()
export class ValidationsPurgeJob implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionService,
    private readonly jobs: JobsService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: 'validations.purge',
      everyMs: 86_400_000,
      run: async (actor) => void (await this.run(actor)),
    });
  }

  async run(actor: Actor, now = new Date()): Promise<number> {
    let deleted = 0;
    for (const programme of await this.dataSource.manager.find(ProgrammeEntity)) {
      const before = new Date(now.getTime() - programme.validationRetentionDays * 86_400_000);
      for (let removed = BATCH; removed === BATCH;) {
        removed = await this.tx.run(async (em) => {
          const ids = await em.find(ValidationEntity, {
            select: { id: true },
            where: { programmeId: programme.id, createdAt: LessThan(before) },
            take: BATCH,
          });
          if (ids.length)
            await em.delete(
              ValidationEntity,
              ids.map((v) => v.id),
            );
          return ids.length;
        });
        deleted += removed;
      }
      if (deleted)
        await this.tx.run((em) =>
          this.audit.record(em, actor, {
            action: 'validation.purge',
            entityType: 'programme',
            entityId: programme.id,
            summary: { before: before.toISOString(), deleted },
          }),
        );
    }
    return deleted;
  }
}
