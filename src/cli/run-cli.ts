import { HttpException } from '@nestjs/common';
import { CommandFactory, CommandRunnerService } from 'nest-commander';
import { ProblemException } from '../common/problem/problem.exception';
import { ConfigurationError } from '../config/validate-env';
import { checkConfiguration } from '../core-modules';
import { startupFailureText } from '../startup';
import { cliModuleFor } from './cli.module';
import { CliError } from './cli-error';
import { commanderExitCode } from './commander-exit';

/**
 * Runs one command line (the arguments after the script) and returns its exit code. It never calls
 * process.exit, so tests run commands in-process exactly as an operator does.
 */
export async function runCli(args: string[]): Promise<number> {
  let exitCode = 0;
  const fail = (error: unknown): void => {
    exitCode = report(error);
  };
  try {
    checkConfiguration(); // every bad variable at once, before Nest starts and prints anything
    const app = await CommandFactory.createWithoutRunning(cliModuleFor(args), {
      logger: ['error', 'warn'],
      abortOnError: false,
      serviceErrorHandler: fail,
    });
    try {
      await app.get(CommandRunnerService).run(['node', 'family-card', ...args]);
    } finally {
      await app.close();
    }
  } catch (error) {
    fail(error);
  }
  return exitCode;
}

function report(error: unknown): number {
  const commanderCode = commanderExitCode(error);
  if (commanderCode !== null) return commanderCode;
  process.stderr.write(`${describe(error)}\n`);
  return error instanceof CliError ? error.exitCode : 1;
}

function describe(error: unknown): string {
  if (error instanceof CliError) return `Error: ${error.message}`;
  if (error instanceof ConfigurationError) return startupFailureText(error);
  if (error instanceof ProblemException) {
    const { problem } = error;
    return [
      `Error: ${problem.detail ?? problem.title}`,
      ...(problem.errors ?? []).map((e) => `  - ${e.message}`),
    ].join('\n');
  }
  if (error instanceof HttpException) return `Error: ${error.message}`;
  return `family-card command failed: ${(error as Error)?.stack ?? String(error)}`;
}
