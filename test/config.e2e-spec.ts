import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ConfigurationError } from '../src/config/validate-env';
import { engine } from './support/databases';
import { startApp } from './support/test-app';

describe(`configuration is validated at start-up (${engine})`, () => {
  it.each([
    ['PORT', 'abc', /PORT: must be an integer port number/],
    ['DATABASE_URL', 'mysql://db/fc', /DATABASE_URL: must be a postgres:\/\/ URL/],
    ['LOGIN_MAX_FAILURES', '0', /LOGIN_MAX_FAILURES/],
    ['REDIS_URL', 'localhost:6379', /REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL/],
    ['ADMIN_PASSWORD', 'password1234', /ADMIN_PASSWORD: .*too easy to guess/],
  ])('%s=%s stops the app with a message naming it', async (name, value, message) => {
    const start = startApp({ env: { [name]: value } });
    await expect(start).rejects.toBeInstanceOf(ConfigurationError);
    await expect(start).rejects.toThrow(message);
  });

  it('the real entry point exits non-zero and prints the variable and what it expects, without echoing secrets', () => {
    const run = spawnSync(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', join('src', 'main.ts')],
      {
        cwd: join(__dirname, '..'),
        env: {
          ...process.env,
          ENV_FILE: '/nonexistent',
          PORT: 'abc',
          JWT_SECRET: 'too-short-secret',
          DATA_DIR: '/tmp/fc-config-test',
        },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/cannot start/);
    expect(run.stderr).toMatch(/PORT: must be an integer port number.*\(got "abc"\)/);
    expect(run.stderr).toMatch(/JWT_SECRET: must be at least 32 characters/);
    expect(run.stderr).not.toContain('too-short-secret');
    expect(run.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
  });
});
