import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimestampColumn } from '../database/engine';

/**
 * One row per job per period. The unique (job, period) key is the lease: whichever instance inserts it first
 * runs the job for that period, every other instance's insert is ignored.
 */
@Entity('job_runs')
@Index('uq_job_runs_period', ['job', 'periodStart'], { unique: true })
export class JobRunEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 64 })
  job: string;

  @TimestampColumn()
  periodStart: Date;

  @Column({ type: 'varchar', length: 64 })
  instanceId: string;

  @Column({ type: 'varchar', length: 16 })
  status: 'running' | 'succeeded' | 'failed';

  @TimestampColumn()
  startedAt: Date;

  @TimestampColumn({ nullable: true })
  finishedAt: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  error: string | null;
}
