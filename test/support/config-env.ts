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

/** Runs `work` with `vars` added to the environment, then restores exactly what was there before. */
export async function withEnv<T>(vars: Record<string, string>, work: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    return await work();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}
