import type BetterSqlite3 from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteCheckpointer } from '../src/database/sqlite-checkpointer';
import { engine } from './support/databases';
import { startApp, TestApp } from './support/test-app';

const onSqlite = engine === 'sqlite' ? describe : describe.skip;

onSqlite('SQLite checkpoints off the event loop', () => {
  let t: TestApp;
  const connection = () =>
    (t.dataSource.driver as unknown as { databaseConnection: BetterSqlite3.Database }).databaseConnection;
  const walFile = () => `${t.dataSource.options.database as string}-wal`;

  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.close());

  it('the app’s connection never checkpoints by itself; the worker copies the log back into the file', async () => {
    const db = connection();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    db.exec('CREATE TABLE IF NOT EXISTS checkpoint_probe (n INTEGER, filler TEXT)');
    const insert = db.prepare('INSERT INTO checkpoint_probe VALUES (?, ?)');
    // Well past SQLite's own 1,000-page mark: without the worker the log would only grow.
    for (let i = 0; i < 3000; i++) insert.run(i, 'x'.repeat(2000));
    expect(statSync(walFile()).size).toBeGreaterThan(1000 * 4096);
    const { ok, result } = await t.app.get(SqliteCheckpointer).checkpointNow();
    expect(ok).toBe(true);
    expect(result!.log).toBeGreaterThan(1000);
    expect(result!.checkpointed).toBe(result!.log);
    // The next write starts the log over from its beginning, so the file stops growing.
    const size = statSync(walFile()).size;
    for (let i = 0; i < 3000; i++) insert.run(i, 'x'.repeat(2000));
    expect(statSync(walFile()).size).toBeLessThanOrEqual(size);
    expect(db.prepare('SELECT COUNT(*) AS n FROM checkpoint_probe').get()).toEqual({ n: 6000 });
  });

  it('a script that closes the app goes on after close() (the stopping worker keeps the process alive)', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'fc-closed-'));
    const script = `require(${JSON.stringify(join(__dirname, '..', 'src', 'bootstrap'))})
      .createApp().then(async (app) => { await app.init(); await app.close(); console.log('after close'); });`;
    try {
      const run = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], {
        env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', JOBS_ENABLED: 'false' },
        encoding: 'utf8',
        timeout: 45_000,
      });
      // (The first start also prints the first admin's password; what matters is the last line.)
      const last = run.stdout.trim().split('\n').pop();
      expect({ last, status: run.status, signal: run.signal }).toEqual({
        last: 'after close',
        status: 0,
        signal: null,
      });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('does not keep a process alive whose app was never closed', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'fc-unclosed-'));
    const script = `require(${JSON.stringify(join(__dirname, '..', 'src', 'bootstrap'))})
      .createApp().then((app) => app.init()).then(() => console.log('up'));`;
    try {
      const run = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], {
        env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', JOBS_ENABLED: 'false' },
        encoding: 'utf8',
        timeout: 45_000,
      });
      expect(run.stdout).toContain('up');
      expect(run.signal).toBeNull(); // not killed by the timeout: it ended by itself
      expect(run.status).toBe(0);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
