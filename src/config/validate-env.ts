import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';

/** Thrown when the environment does not hold a valid configuration; names every bad variable. */
export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigurationError';
  }
}

// Values of these are never echoed: a secret, or a URL that may carry a password, would end up in start-up logs.
const HIDDEN = /SECRET|PASSWORD|KEY|TOKEN|URL/;

const TYPE_CHECKS = ['isInt', 'isBoolean', 'isIn', 'isUrl', 'matches', 'isEmail', 'isString'];

function describe(error: ValidationError, env: Record<string, unknown>): string {
  const got = env[error.property];
  // A value of the wrong type also fails its range checks; the type is what the operator needs to hear about.
  const constraints = error.constraints ?? {};
  const typeCheck = TYPE_CHECKS.find((k) => constraints[k]);
  const expected = typeCheck ? constraints[typeCheck] : Object.values(constraints).join('; ');
  const shown =
    got === undefined ? 'nothing' : HIDDEN.test(error.property) ? 'a value (hidden)' : JSON.stringify(got);
  return `${error.property}: ${expected} (got ${shown})`;
}

/**
 * Validates the variables one config namespace reads. Empty strings count as unset so that a blank line in
 * `.env` falls back to the default instead of failing a type check.
 */
export function validateEnv<T extends object>(
  schema: new () => T,
  env: Record<string, string | undefined> = process.env,
): T {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const instance = plainToInstance(schema, present, { enableImplicitConversion: false });
  const errors = validateSync(instance, { skipMissingProperties: false, whitelist: false });
  if (errors.length > 0) throw new ConfigurationError(errors.map((e) => describe(e, present)));
  return instance;
}
