import { Injectable, OnModuleInit } from '@nestjs/common';
import { LessThan } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from './actor';
import { TransactionService } from '../database/transaction.service';
import { JobsService } from '../jobs/jobs.service';
import { SessionEntity } from './session.entity';

const GRACE_DAYS = 7;

/** Hourly: deletes sessions that expired more than a week ago (the audit log keeps the sign-ins). */
@Injectable()
export class SessionsPurgeJob implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: 'sessions.purge',
      everyMs: 3_600_000,
      run: async (actor) => void (await this.purge(actor)),
    });
  }

  async purge(actor: Actor, now = new Date()): Promise<number> {
    return this.tx.run(async (em) => {
      const cutoff = new Date(now.getTime() - GRACE_DAYS * 86_400_000);
      const { affected } = await em.delete(SessionEntity, { expiresAt: LessThan(cutoff) });
      if (affected) {
        await this.audit.record(em, actor, {
          action: 'session.purge',
          entityType: 'session',
          summary: { deleted: affected, expiredBefore: cutoff },
        });
      }
      return affected ?? 0;
    });
  }
}
