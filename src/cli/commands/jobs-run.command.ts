import { Command, CommandRunner } from 'nest-commander';
import { DataSource } from 'typeorm';
import { JobRunEntity } from '../../jobs/job-run.entity';
import { JobDefinition, JobsService } from '../../jobs/jobs.service';
import { periodStart } from '../../jobs/schedule';
import { CliError } from '../cli-error';
import { printLine } from '../output';

/**
 * Runs one job for the current period exactly as the scheduler would: it claims the (job, period) row first,
 * so a server that already ran it this period, or runs it at the same moment, is not doubled.
 */
@Command({
  name: 'jobs:run',
  arguments: '<name>',
  argsDescription: { name: 'the registered job, e.g. sessions.purge' },
  description: 'Run one scheduled job now, for the current period',
})
export class JobsRunCommand extends CommandRunner {
  constructor(
    private readonly jobs: JobsService,
    private readonly dataSource: DataSource,
  ) {
    super();
  }

  async run([name]: string[]): Promise<void> {
    const definitions = jobDefinitions(this.jobs);
    const job = definitions.get(name);
    if (!job) {
      throw new CliError(
        `There is no job "${name}". Registered jobs: ${[...definitions.keys()].sort().join(', ')}.`,
      );
    }
    const now = new Date();
    const ran = await runIfDue(this.jobs, job, now);
    const period = periodStart(now, job.everyMs);
    const record = await this.dataSource
      .getRepository(JobRunEntity)
      .findOne({ where: { job: job.name }, order: { periodStart: 'DESC' } });
    if (!ran) {
      printLine(
        `${job.name} already ran for the period starting ${period.toISOString()}` +
          (record ? ` (${record.status}, on ${record.instanceId})` : '') +
          '; nothing to do.',
      );
      return;
    }
    if (record?.status === 'failed')
      throw new CliError(`${job.name} failed: ${record.error ?? 'unknown error'}`);
    const ms = record?.finishedAt ? record.finishedAt.getTime() - record.startedAt.getTime() : undefined;
    printLine(`${job.name} succeeded${ms === undefined ? '' : ` in ${ms} ms`}.`);
  }
}

// JobsService keeps its definitions and its claim-then-run step private. Until it offers them publicly (a
// `runNow(name, now)` is requested), the command reaches them by name; tsc still checks both signatures.
const jobDefinitions = (jobs: JobsService): ReadonlyMap<string, JobDefinition> => jobs['jobs'];
const runIfDue = (jobs: JobsService, job: JobDefinition, now: Date): Promise<boolean> =>
  jobs['runIfDue'](job, now);
