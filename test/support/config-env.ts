import { ConfigurationError } from '../../src/config/validate-env';

/** Runs a config namespace factory against exactly `vars`, then puts the real environment back. */
export function loadWith<T>(factory: () => T, vars: Record<string, string>): T {
  const saved = process.env;
  process.env = { ...vars };
  try {
    return factory();
  } finally {
    process.env = saved;
  }
}

/** The ConfigurationError that `run` throws; fails the test if it throws nothing or something else. */
export function configurationErrorOf(run: () => unknown): ConfigurationError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigurationError) return error;
    throw error;
  }
  throw new Error('expected a ConfigurationError');
}
