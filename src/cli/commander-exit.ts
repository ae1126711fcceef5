import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { Command } from 'commander';
import { InjectCommander } from 'nest-commander';

/**
 * nest-commander sets `exitOverride` on the root command only, so a usage error in a subcommand (a missing
 * option, a bad choice) would call process.exit on the spot. Every command throws instead, and runCli turns
 * the error into the exit code, the same way for all commands and in tests.
 */
@Injectable()
export class CommanderExitOverride implements OnApplicationBootstrap {
  constructor(@InjectCommander() private readonly program: Command) {}

  onApplicationBootstrap(): void {
    const override = (command: Command): void => {
      command.exitOverride((error) => {
        throw error;
      });
      command.commands.forEach(override);
    };
    override(this.program);
  }
}

/** Commander's own errors (usage, --help, --version): it has printed them already; only the code is left. */
export function commanderExitCode(error: unknown): number | null {
  const e = error as { code?: unknown; exitCode?: unknown };
  return typeof e?.code === 'string' && e.code.startsWith('commander.') && typeof e.exitCode === 'number'
    ? e.exitCode
    : null;
}
