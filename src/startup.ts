import { ConfigurationError } from './config/validate-env';

/**
 * Nest closes the app on SIGTERM/SIGINT (enableShutdownHooks), letting in-flight requests finish; if that
 * takes longer than the grace period, the process exits anyway.
 */
export function exitIfShutdownHangs(graceMs: number): void {
  const stop = () => setTimeout(() => process.exit(1), graceMs).unref();
  process.once('SIGTERM', stop).once('SIGINT', stop);
}

/** What to print when `name` cannot start: bad settings as a plain message, anything else with its stack. */
export function startupFailureText(error: unknown, name = 'family-card'): string {
  return error instanceof ConfigurationError
    ? `${name} cannot start. ${error.message}\nSee .env.example for every setting.`
    : `${name} failed to start: ${(error as Error)?.stack ?? String(error)}`;
}

/** Entry points end here on failure: print why and exit non-zero. */
export function exitOnStartupFailure(name?: string): (error: unknown) => never {
  return (error) => {
    process.stderr.write(`${startupFailureText(error, name)}\n`);
    process.exit(1);
  };
}
