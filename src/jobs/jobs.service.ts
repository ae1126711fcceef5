import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { LessThan } from 'typeorm';
import { Actor, systemActor } from '../auth/actor';
import type { LimitsConfig } from '../config/limits.config';
import { TransactionService } from '../database/transaction.service';
import { MetricsService } from '../metrics/metrics.service';
import { JobRunEntity } from './job-run.entity';
import { periodStart } from './schedule';

export interface JobDefinition {
  /** Unique name, e.g. `sessions.purge`. */
  name: string;
  /** Runs once per period of this length, across all instances. */
  everyMs: number;
  /** `period` is the start of the period being run, the same on every instance. */
  run: (actor: Actor, period: Date) => Promise<void>;
}

const HISTORY_DAYS = 30;

/**
 * A small scheduler that is safe with many instances on one database: to run a job for a period an instance
 * must insert the (job, period) row first, and the unique key lets only one insert through.
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly instanceId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly logger = new Logger('Jobs');
  private readonly jobs = new Map<string, JobDefinition>();
  private readonly running = new Set<Promise<unknown>>();
  private timer?: NodeJS.Timeout;
  private ticking = false;

  constructor(
    private readonly tx: TransactionService,
    private readonly config: ConfigService,
    @Optional() private readonly metrics?: MetricsService,
  ) {
    this.register({
      name: 'jobs.purge-history',
      everyMs: 86_400_000,
      run: async () => {
        await this.tx.run((em) =>
          em.delete(JobRunEntity, { startedAt: LessThan(new Date(Date.now() - HISTORY_DAYS * 86_400_000)) }),
        );
      },
    });
  }

  register(job: JobDefinition): void {
    if (this.jobs.has(job.name)) throw new Error(`job ${job.name} registered twice`);
    this.jobs.set(job.name, job);
  }

  onApplicationBootstrap(): void {
    const limits = this.config.getOrThrow<LimitsConfig>('limits');
    if (!limits.jobsEnabled) return;
    this.timer = setInterval(() => void this.scheduledTick(), limits.jobsTickMs);
    this.timer.unref();
    void this.scheduledTick();
  }

  /**
   * A tick from the timer, unless the previous one is still going: with a short period (or a slow database)
   * overlapping ticks would pile up, each holding a pooled connection, until the pool ran dry.
   */
  private async scheduledTick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      await this.tick();
    } finally {
      this.ticking = false;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await Promise.allSettled([...this.running]);
  }

  names(): string[] {
    return [...this.jobs.keys()].sort();
  }

  /**
   * Runs one job for the period `now` falls in, exactly as the scheduler would. Returns that period's run:
   * this one, or the one another instance (or an earlier call) already made, with `ran` telling which.
   */
  async runNow(
    name: string,
    now = new Date(),
  ): Promise<{ ran: boolean; period: Date; run: JobRunEntity | null }> {
    const job = this.jobs.get(name);
    if (!job) throw new Error(`no job named ${name}`);
    const period = periodStart(now, job.everyMs);
    const run = await this.runIfDue(job, now);
    if (run) return { ran: true, period, run };
    const existing = await this.tx.run((em) =>
      em.findOneBy(JobRunEntity, { job: name, periodStart: period }),
    );
    return { ran: false, period, run: existing };
  }

  /** Runs every job whose current period has no run yet; returns the names this instance ran. */
  async tick(now = new Date()): Promise<string[]> {
    const ran: string[] = [];
    for (const job of this.jobs.values()) {
      const work = this.runIfDue(job, now).then((run) => run && ran.push(job.name));
      this.running.add(work);
      await work.catch((err: Error) => this.logger.error(`job ${job.name} could not start: ${err.message}`));
      this.running.delete(work);
    }
    return ran;
  }

  /** The finished run, or null when another instance holds this period. */
  private async runIfDue(job: JobDefinition, now: Date): Promise<JobRunEntity | null> {
    const id = randomUUID();
    const period = periodStart(now, job.everyMs);
    const claimed = await this.tx.run(async (em) => {
      await em
        .createQueryBuilder()
        .insert()
        .into(JobRunEntity)
        .values({
          id,
          job: job.name,
          periodStart: period,
          instanceId: this.instanceId,
          status: 'running',
          startedAt: new Date(),
        })
        .orIgnore()
        .execute();
      return em.existsBy(JobRunEntity, { id });
    });
    if (!claimed) return null;
    let status: 'succeeded' | 'failed' = 'succeeded';
    let error: string | null = null;
    try {
      await job.run(systemActor(`job:${job.name}`), period);
    } catch (err) {
      status = 'failed';
      error = (err as Error).message?.slice(0, 500) ?? String(err);
      this.logger.error(`job ${job.name} failed: ${error}`);
    }
    this.metrics?.jobRan(job.name, status);
    return this.tx.run(async (em) => {
      await em.update(JobRunEntity, { id }, { status, error, finishedAt: new Date() });
      return em.findOneByOrFail(JobRunEntity, { id });
    });
  }
}
