import { limitsConfig, LimitsConfig } from './limits.config';
import { configurationErrorOf, loadWith } from '../../test/support/config-env';

const load = (vars: Record<string, string>): LimitsConfig => loadWith(limitsConfig, vars);
const configurationError = (vars: Record<string, string>) => configurationErrorOf(() => load(vars));

const DEFAULTS: LimitsConfig = {
  redisUrl: undefined,
  redisKeyPrefix: 'family-card:',
  perMinute: 600,
  loginPerMinute: 10,
  selfServicePerMinute: 30,
  validationPerMinute: 120,
  validationPerIpPerMinute: 600,
  publicCheckPerMinute: 30,
  validationBurst: { limit: 20, minutes: 10 },
  jobsEnabled: true,
  jobsTickMs: 15_000,
};

describe('limitsConfig', () => {
  it('has defaults for every variable', () => {
    expect(load({})).toEqual(DEFAULTS);
  });

  it('treats empty variables as unset', () => {
    const names = [
      'REDIS_URL',
      'REDIS_KEY_PREFIX',
      'RATE_LIMIT_PER_MINUTE',
      'RATE_LIMIT_LOGIN_PER_MINUTE',
      'RATE_LIMIT_VALIDATION_PER_MINUTE',
      'VALIDATION_BURST_LIMIT',
      'JOBS_ENABLED',
      'JOBS_TICK_MS',
    ];
    expect(load(Object.fromEntries(names.map((name) => [name, ''])))).toEqual(DEFAULTS);
  });

  it.each<[Record<string, string>, Partial<LimitsConfig>]>([
    [{ REDIS_URL: 'redis://cache:6379/0' }, { redisUrl: 'redis://cache:6379/0' }],
    [{ REDIS_URL: 'rediss://cache.example.org' }, { redisUrl: 'rediss://cache.example.org' }],
    [{ REDIS_KEY_PREFIX: 'fc-test:' }, { redisKeyPrefix: 'fc-test:' }],
    [{ RATE_LIMIT_PER_MINUTE: '1' }, { perMinute: 1 }],
    [{ RATE_LIMIT_LOGIN_PER_MINUTE: '3' }, { loginPerMinute: 3 }],
    [{ JOBS_ENABLED: 'false' }, { jobsEnabled: false }],
    [{ JOBS_ENABLED: '0' }, { jobsEnabled: false }],
    [{ JOBS_ENABLED: 'No' }, { jobsEnabled: false }],
    [{ JOBS_ENABLED: 'on' }, { jobsEnabled: true }],
    [{ JOBS_TICK_MS: '10' }, { jobsTickMs: 10 }],
  ])('reads %j', (vars, expected) => {
    expect(load(vars)).toEqual({ ...DEFAULTS, ...expected });
  });

  it.each([
    ['REDIS_URL', 'http://x'],
    ['REDIS_URL', 'redis://'],
    ['REDIS_URL', 'cache:6379'],
    ['RATE_LIMIT_PER_MINUTE', '0'],
    ['RATE_LIMIT_PER_MINUTE', 'lots'],
    ['RATE_LIMIT_LOGIN_PER_MINUTE', '-1'],
    ['JOBS_ENABLED', 'perhaps'],
    ['JOBS_TICK_MS', '9'],
  ])('rejects %s=%j, naming the variable', (name, value) => {
    const error = configurationError({ [name]: value });
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0].startsWith(`${name}: `)).toBe(true);
    expect(error.message).toContain(`${name}: `);
  });
});
