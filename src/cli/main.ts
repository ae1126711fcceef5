import '../load-env';
import { runCli } from './run-cli';

// A one-shot command must not start the scheduler: jobs run on the servers, or on demand with `jobs:run`.
process.env.JOBS_ENABLED = 'false';

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`family-card command failed: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
