import { Command, CommandRunner } from 'nest-commander';
import { JobsService } from '../../jobs/jobs.service';
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
  constructor(private readonly jobs: JobsService) {
    super();
  }

  async run([name]: string[]): Promise<void> {
    if (!this.jobs.names().includes(name)) {
      throw new CliError(`There is no job "${name}". Registered jobs: ${this.jobs.names().join(', ')}.`);
    }
    const { ran, period, run: record } = await this.jobs.runNow(name);
    if (!ran) {
      printLine(
        `${name} already ran for the period starting ${period.toISOString()}` +
          (record ? ` (${record.status}, on ${record.instanceId})` : '') +
          '; nothing to do.',
      );
      return;
    }
    if (record?.status === 'failed') throw new CliError(`${name} failed: ${record.error ?? 'unknown error'}`);
    const ms = record?.finishedAt ? record.finishedAt.getTime() - record.startedAt.getTime() : undefined;
    printLine(`${name} succeeded${ms === undefined ? '' : ` in ${ms} ms`}.`);
  }
}
