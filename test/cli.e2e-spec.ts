import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { AuditLogEntity } from '../src/audit/audit-log.entity';
import { cli } from './support/cli';
import { engine, ScratchDatabase, scratchDatabase } from './support/databases';
import { startApp } from './support/test-app';

const STRONG = 'violet harbour lantern 1987';

describe(`operator CLI (${engine})`, () => {
  let db: ScratchDatabase;
  beforeAll(async () => {
    db = await scratchDatabase();
  });
  afterAll(() => db.drop());

  it('create-admin creates one audited admin (and no other account) who can then sign in', async () => {
    const run = await cli(db, [
      'create-admin',
      '--email',
      'Ops@City.example',
      '--name',
      'Ops',
      '--password',
      STRONG,
    ]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('Created admin ops@city.example');

    const t = await startApp({ db });
    try {
      await t.login('ops@city.example', STRONG);
      const creates = await t.dataSource.getRepository(AuditLogEntity).findBy({ action: 'user.create' });
      expect(creates).toHaveLength(1);
      expect(creates[0]).toMatchObject({ actorType: 'system', actorLabel: 'cli:create-admin' });
      expect(creates[0].summary).toMatchObject({ email: 'ops@city.example', role: 'admin' });
    } finally {
      await t.close();
    }
  });

  it('create-admin without --password prints a generated one that works', async () => {
    const run = await cli(db, ['create-admin', '--email', 'second@city.example']);
    expect(run.code).toBe(0);
    const password = /password: (\S+)/.exec(run.stdout)?.[1];
    expect(password).toHaveLength(24); // randomToken(18) in base64url
    const t = await startApp({ db });
    try {
      await t.login('second@city.example', password!);
    } finally {
      await t.close();
    }
  });

  it('refuses a weak password, a taken e-mail and a malformed e-mail, creating nothing', async () => {
    const weak = await cli(db, [
      'create-admin',
      '--email',
      'weak@city.example',
      '--password',
      'password1234',
    ]);
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/--password is too easy to guess/);
    expect(weak.stderr).not.toMatch(/\n\s+at /);

    const taken = await cli(db, ['create-admin', '--email', 'OPS@city.example', '--password', STRONG]);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(/ops@city\.example already exists/);

    const malformed = await cli(db, ['create-admin', '--email', 'not-an-email', '--password', STRONG]);
    expect(malformed.code).toBe(1);
    expect(malformed.stderr).toMatch(/--email must be an e-mail address/);

    const list = await cli(db, ['users:list', '--json']);
    const emails = list.stdout
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { email: string }).email);
    expect(emails).toEqual(['ops@city.example', 'second@city.example']);
  });

  it('users:list prints a table or JSON lines, filtered, and never a password hash', async () => {
    const table = await cli(db, ['users:list']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^EMAIL\s+ROLE\s+KIND\s+DISABLED\s+LOCKED UNTIL\s+LAST LOGIN\n/);
    expect(table.stdout).toMatch(/ops@city\.example\s+admin\s+staff\s+no\s+-\s+\d{4}-\d\d-\d\dT/); // signed in above
    expect(table.stdout).not.toContain('$argon2');

    const json = await cli(db, ['users:list', '--json', '--kind', 'staff']);
    expect(json.stdout).not.toContain('$argon2');
    expect(json.stdout).not.toMatch(/passwordHash/);

    expect((await cli(db, ['users:list', '--role', 'auditor'])).stdout).toBe('No users.\n');
    const badRole = await cli(db, ['users:list', '--role', 'root']);
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toMatch(/--role must be one of: admin, case_worker/);
  });

  it('jobs:run runs a job once per period and names the registered jobs when asked for another', async () => {
    const first = await cli(db, ['jobs:run', 'sessions.purge']);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toMatch(/^sessions\.purge succeeded/);

    const again = await cli(db, ['jobs:run', 'sessions.purge']);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/already ran for the period starting .*succeeded.*nothing to do/);

    const unknown = await cli(db, ['jobs:run', 'cards.expire-everything']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/Registered jobs: .*jobs\.purge-history, .*sessions\.purge/);
  });

  it('a usage error or a bad setting exits 1 with a message, not a stack trace', async () => {
    const usage = await cli(db, ['create-admin']);
    expect(usage.code).toBe(1);
    expect(usage.stderr).toMatch(/required option '--email <email>' not specified/);

    const config = await cli(db, ['users:list'], { PORT: 'abc' });
    expect(config.code).toBe(1);
    expect(config.stderr).toMatch(/cannot start[\s\S]*PORT: must be an integer port number/);
    expect(config.stderr).not.toMatch(/\n\s+at /);

    expect((await cli(db, ['--help'])).code).toBe(0);
  });
});

describe(`migration commands (${engine})`, () => {
  let db: ScratchDatabase;
  beforeAll(async () => {
    db = await scratchDatabase();
  });
  afterAll(() => db.drop());

  it('migrate applies, migrate:show lists, migrate:revert undoes the last one without it coming back', async () => {
    // Class names are the file names' parts swapped: 1795425918331-Initial.ts → Initial1795425918331.
    const names = readdirSync(join(__dirname, '..', 'src', 'database', 'migrations', engine))
      .filter((f) => f.endsWith('.ts'))
      .sort()
      .map((f) => f.replace(/^(\d+)-(\w+)\.ts$/, '$2$1'));
    const last = names[names.length - 1];
    const listing = (applied: number) =>
      names.map((n, i) => `[${i < applied ? 'x' : ' '}] ${n}`).join('\n') +
      `\n${applied} applied, ${names.length - applied} pending.\n`;

    const empty = await cli(db, ['migrate:show']);
    expect(empty.code).toBe(0);
    expect(empty.stdout).toBe(listing(0));

    const applied = await cli(db, ['migrate']);
    expect(applied.stdout).toBe(names.map((n) => `applied ${n}\n`).join(''));
    expect((await cli(db, ['migrate'])).stdout).toMatch(/Nothing pending/);
    expect((await cli(db, ['migrate:show'])).stdout).toBe(listing(names.length));

    const reverted = await cli(db, ['migrate:revert']);
    expect(reverted.code).toBe(0);
    expect(reverted.stdout).toMatch(new RegExp(`^reverted ${last}`));
    expect((await cli(db, ['migrate:show'])).stdout).toBe(listing(names.length - 1));

    expect((await cli(db, ['migrate'])).stdout).toBe(`applied ${last}\n`);
  });
});
