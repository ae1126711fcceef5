import { authConfig, AuthConfig } from './auth.config';
import { configurationErrorOf, loadWith } from '../../test/support/config-env';

const load = (vars: Record<string, string>): AuthConfig => loadWith(authConfig, vars);
const configurationError = (vars: Record<string, string>) => configurationErrorOf(() => load(vars));

const DEFAULTS: AuthConfig = {
  jwtSecret: undefined,
  accessTokenTtlSeconds: 900,
  refreshTokenTtlSeconds: 2_592_000,
  maxFailures: 5,
  lockMinutes: 15,
  adminEmail: undefined,
  adminPassword: undefined,
};

const SECRET_32 = 'k'.repeat(32);

describe('authConfig', () => {
  it('has defaults for every variable', () => {
    expect(load({})).toEqual(DEFAULTS);
  });

  it('treats empty variables as unset', () => {
    const names = [
      'JWT_SECRET',
      'ACCESS_TOKEN_TTL_SECONDS',
      'REFRESH_TOKEN_TTL_SECONDS',
      'LOGIN_MAX_FAILURES',
      'LOGIN_LOCK_MINUTES',
      'ADMIN_EMAIL',
      'ADMIN_PASSWORD',
    ];
    expect(load(Object.fromEntries(names.map((name) => [name, ''])))).toEqual(DEFAULTS);
  });

  it.each<[Record<string, string>, Partial<AuthConfig>]>([
    [{ JWT_SECRET: SECRET_32 }, { jwtSecret: SECRET_32 }],
    [{ ACCESS_TOKEN_TTL_SECONDS: '60' }, { accessTokenTtlSeconds: 60 }],
    [{ ACCESS_TOKEN_TTL_SECONDS: '86400' }, { accessTokenTtlSeconds: 86_400 }],
    [{ REFRESH_TOKEN_TTL_SECONDS: '300' }, { refreshTokenTtlSeconds: 300 }],
    [{ LOGIN_MAX_FAILURES: '1' }, { maxFailures: 1 }],
    [{ LOGIN_LOCK_MINUTES: '60' }, { lockMinutes: 60 }],
    [{ ADMIN_EMAIL: 'Admin@Example.ORG' }, { adminEmail: 'admin@example.org' }],
    [{ ADMIN_EMAIL: 'admin@localhost' }, { adminEmail: 'admin@localhost' }],
    [{ ADMIN_PASSWORD: 'any password at all' }, { adminPassword: 'any password at all' }],
  ])('reads %j', (vars, expected) => {
    expect(load(vars)).toEqual({ ...DEFAULTS, ...expected });
  });

  it.each([
    ['JWT_SECRET', 'short'],
    ['JWT_SECRET', 'k'.repeat(31)],
    ['ACCESS_TOKEN_TTL_SECONDS', '59'],
    ['ACCESS_TOKEN_TTL_SECONDS', '86401'],
    ['ACCESS_TOKEN_TTL_SECONDS', '15m'],
    ['REFRESH_TOKEN_TTL_SECONDS', '299'],
    ['LOGIN_MAX_FAILURES', '0'],
    ['LOGIN_MAX_FAILURES', 'five'],
    ['LOGIN_LOCK_MINUTES', '0'],
    ['ADMIN_EMAIL', 'not-an-email'],
  ])('rejects %s=%j, naming the variable', (name, value) => {
    const error = configurationError({ [name]: value });
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0].startsWith(`${name}: `)).toBe(true);
    expect(error.message).toContain(`${name}: `);
  });

  // An operator usually fixes a short secret by lengthening it, so the rejected value must not be logged.
  it('does not repeat a rejected JWT_SECRET', () => {
    const error = configurationError({ JWT_SECRET: 'hunter2-but-longer' });
    expect(error.message).toContain('JWT_SECRET');
    expect(error.message).not.toContain('hunter2-but-longer');
  });
});
