import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from './support/cli';
import { openSqlite } from './support/crash-db';
import { startWriteLoad } from './support/crash-load';
import { cliProcess, sleep } from './support/crash-process';
import { engine, ScratchDatabase, scratchDatabase } from './support/databases';
import { ADDRESS, largeFamily } from './support/enrolment';
import { startApp, TestApp } from './support/test-app';

const hasPgDump = engine === 'postgres' && spawnSync('pg_dump', ['--version']).status === 0;

/**
 * `backup` runs as the operator runs it (its own process) while the service, in this process, answers a
 * stream of writes; the copy must be whole and hold every write acknowledged before the backup started.
 */
describe(`backup while the service writes (${engine})`, () => {
  let t: TestApp;
  let restored: ScratchDatabase | undefined;

  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(async () => {
    await t.close();
    await restored?.drop();
  });

  const paperApplication = async (token: string, n: number) => {
    const res = await t.http
      .post('/api/v1/applications')
      .auth(token, { type: 'bearer' })
      .send({
        type: 'new_family',
        ...ADDRESS,
        email: `family-${n}@test.example`,
        members: largeFamily(`Nowak${n}`),
      });
    return res.status === 201 ? String(res.body.id) : null;
  };

  (engine === 'sqlite' || hasPgDump ? it : it.skip)(
    'copies a consistent database that the app opens, holding every write acknowledged before it started',
    async () => {
      const worker = await t.newUser('case_worker');
      const load = startWriteLoad((n) => paperApplication(worker.token, n), 4);
      await sleep(1000);
      const startedAt = performance.now();
      const out = join(t.db.dataDir, 'backups', 'under-load.backup');
      const backup = cliProcess(t.db, ['backup', '--out', out]);
      const exit = await backup.exited;
      await sleep(200);
      await load.stop();
      expect({ exit, output: backup.output() }).toMatchObject({ exit: { code: 0 } });
      expect(existsSync(`${out}.partial`)).toBe(false);

      const before = load.acked.filter((a) => a.at < startedAt).map((a) => a.id);
      const during = load.acked.filter((a) => a.at >= startedAt).length;
      expect(load.failed).toBe(0);
      expect(before.length).toBeGreaterThan(0);
      expect(during).toBeGreaterThan(0); // the service kept writing while the command ran

      restored = await restore(out, t.db);
      const applications = await idsIn(restored, 'applications');
      expect(before.filter((id) => !applications.has(id))).toEqual([]);
      // Each copied application is whole: its members came in the same transaction.
      const members = await idsIn(restored, 'application_members', 'application_id');
      expect([...applications].filter((id) => !members.has(id))).toEqual([]);
      process.stdout.write(
        `backup (${engine}): ${before.length} writes acknowledged before it started, all in the copy; ` +
          `${during} during it, ${applications.size - before.length} of them in the copy\n`,
      );

      // The copy passes the app's migrations check and serves as the database of a new instance.
      const show = await cli(restored, ['migrate:show']);
      expect(show.stdout).toMatch(/ 0 pending\./);
      const app = await startApp({ db: restored });
      try {
        // The case worker signs in with the password set before the backup: the accounts came across.
        const staff = await app.login(worker.user.email, worker.password);
        const one = await app.http.get(`/api/v1/applications/${before[0]}`).auth(staff, { type: 'bearer' });
        expect(one.status).toBe(200);
        expect(one.body.members).toHaveLength(5);
      } finally {
        await app.close();
      }
    },
    180_000,
  );

  if (engine === 'sqlite')
    it('writes the copy as one self-contained file that passes PRAGMA integrity_check', async () => {
      const run = await cli(t.db, ['backup']);
      expect(run.code).toBe(0);
      const file = /written to (.+) \(\d/.exec(run.stdout)?.[1];
      expect(file).toMatch(/backups\/family-card-\d{8}-\d{6}\.sqlite$/);
      expect(run.stdout).toMatch(/PRAGMA integrity_check: ok/);
      expect(run.stdout).toMatch(/^applications\s+\d+$/m);
      expect(existsSync(`${file}-wal`)).toBe(false);
      const copy = openSqlite(file!);
      try {
        expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
        expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      } finally {
        copy.close();
      }
      const again = await cli(t.db, ['backup', '--out', file!]);
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/exists already/);
    });
});

if (engine === 'postgres')
  it('names pg_dump when it is not on PATH', async () => {
    const db = await scratchDatabase();
    try {
      const run = await cli(db, ['backup'], { PATH: '/nonexistent' });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(
        /pg_dump is not on PATH.*pg_dump --format=custom --file=.*--dbname='postgres:/,
      );
    } finally {
      await db.drop();
    }
  });

/** The restore of docs/backup.md: the copy into place (SQLite) or pg_restore into an empty database, and the keys. */
async function restore(file: string, from: ScratchDatabase): Promise<ScratchDatabase> {
  if (engine === 'sqlite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'fc-restored-'));
    cpSync(file, join(dataDir, 'family-card.sqlite'));
    cpSync(join(from.dataDir, 'secrets'), join(dataDir, 'secrets'), { recursive: true });
    const copy = openSqlite(join(dataDir, 'family-card.sqlite'));
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      copy.close();
    }
    return {
      env: { DATA_DIR: dataDir },
      dataDir,
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const db = await scratchDatabase();
  cpSync(join(from.dataDir, 'secrets'), join(db.dataDir, 'secrets'), { recursive: true });
  const run = spawnSync('pg_restore', ['--no-owner', `--dbname=${db.env.DATABASE_URL}`, file], {
    encoding: 'utf8',
  });
  expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
  return db;
}

async function idsIn(db: ScratchDatabase, table: string, column = 'id'): Promise<Set<string>> {
  const { openProbe } = await import('./support/crash-db');
  const probe = await openProbe(db);
  try {
    return new Set(
      (await probe.rows<{ id: string }>(`SELECT ${column} AS id FROM ${table}`)).map((r) => String(r.id)),
    );
  } finally {
    await probe.close();
  }
}
