import { join, resolve } from 'node:path';
import { databaseConfig, DatabaseConfig, loadDatabaseConfig } from './database.config';
import { configurationErrorOf } from '../../test/support/config-env';

const configurationError = (env: Record<string, string>) =>
  configurationErrorOf(() => loadDatabaseConfig(env));

const SQLITE: DatabaseConfig = {
  engine: 'sqlite',
  file: join(resolve('./data'), 'family-card.sqlite'),
  busyTimeoutMs: 5000,
  healthTimeoutMs: 2000,
};

describe('loadDatabaseConfig', () => {
  it.each<[string, Record<string, string>, DatabaseConfig]>([
    ['SQLite by default', {}, SQLITE],
    [
      'SQLite when every variable is empty',
      {
        DATABASE_URL: '',
        DATABASE_POOL_SIZE: '',
        SQLITE_BUSY_TIMEOUT_MS: '',
        DATABASE_HEALTH_TIMEOUT_MS: '',
        DATA_DIR: '',
      },
      SQLITE,
    ],
    [
      'SQLite in DATA_DIR with its timeouts',
      { DATA_DIR: '/srv/fc', SQLITE_BUSY_TIMEOUT_MS: '0', DATABASE_HEALTH_TIMEOUT_MS: '100' },
      { engine: 'sqlite', file: '/srv/fc/family-card.sqlite', busyTimeoutMs: 0, healthTimeoutMs: 100 },
    ],
    [
      'PostgreSQL from a postgres:// URL',
      { DATABASE_URL: 'postgres://app@db:5432/fc' },
      { engine: 'postgres', url: 'postgres://app@db:5432/fc', poolSize: 10, healthTimeoutMs: 2000 },
    ],
    [
      'PostgreSQL from a postgresql:// URL with its pool size',
      {
        DATABASE_URL: 'postgresql://app@db/fc',
        DATABASE_POOL_SIZE: '25',
        DATABASE_HEALTH_TIMEOUT_MS: '5000',
      },
      { engine: 'postgres', url: 'postgresql://app@db/fc', poolSize: 25, healthTimeoutMs: 5000 },
    ],
  ])('%s', (_, env, expected) => {
    expect(loadDatabaseConfig(env)).toEqual(expected);
  });

  it.each([
    ['DATABASE_URL', 'mysql://x'],
    ['DATABASE_URL', 'postgres://'],
    ['DATABASE_URL', 'db.example.org'],
    ['DATABASE_POOL_SIZE', '0'],
    ['DATABASE_POOL_SIZE', 'ten'],
    ['SQLITE_BUSY_TIMEOUT_MS', '-1'],
    ['DATABASE_HEALTH_TIMEOUT_MS', '99'],
  ])('rejects %s=%j, naming the variable', (name, value) => {
    const error = configurationError({ [name]: value });
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0].startsWith(`${name}: `)).toBe(true);
    expect(error.message).toContain(`${name}: `);
  });

  // A rejected URL still carries the real credentials; they must not reach the start-up log.
  it.each([
    ['DATABASE_URL', 'mysql://app:s3cret-pw@db/fc', 's3cret-pw'],
    ['DATABASE_URL', 'postgress://app:s3cret-pw@db/fc', 's3cret-pw'],
  ])('does not repeat the password of a rejected %s=%j', (name, value, password) => {
    const error = configurationError({ [name]: value });
    expect(error.message).toContain(name);
    expect(error.message).not.toContain(password);
  });
});

describe('databaseConfig', () => {
  it('reads process.env when the namespace is loaded', () => {
    const saved = process.env;
    process.env = { DATABASE_URL: 'postgres://app@db/fc', DATABASE_POOL_SIZE: '3' };
    try {
      expect(databaseConfig()).toEqual({
        engine: 'postgres',
        url: 'postgres://app@db/fc',
        poolSize: 3,
        healthTimeoutMs: 2000,
      });
    } finally {
      process.env = saved;
    }
  });
});
