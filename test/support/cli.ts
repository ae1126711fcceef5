import { runCli } from '../../src/cli/run-cli';
import { withEnv } from './config-env';
import type { ScratchDatabase } from './databases';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs one command in-process, as `npm run cli -- …` would, against the scratch database. */
export async function cli(
  db: ScratchDatabase,
  args: string[],
  env: Record<string, string> = {},
): Promise<CliRun> {
  const vars: Record<string, string> = { LOG_LEVEL: 'silent', JOBS_ENABLED: 'false', ...db.env, ...env };
  let stdout = '';
  let stderr = '';
  const out = jest
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = jest
    .spyOn(process.stderr, 'write')
    .mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    return { code: await withEnv(vars, () => runCli(args)), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}
