import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { TransactionService } from './transaction.service';

describe('TransactionService on SQLite (group commit)', () => {
  let dir: string;
  let dataSource: DataSource;
  let tx: TransactionService;
  let statements: string[];

  const rows = async () =>
    (await dataSource.query<{ name: string }[]>('SELECT name FROM things ORDER BY name')).map((r) => r.name);
  const insert = (name: string) => (em: { query: DataSource['query'] }) =>
    em.query('INSERT INTO things (name) VALUES (?)', [name]);

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fc-tx-'));
    dataSource = await new DataSource({
      type: 'better-sqlite3',
      database: join(dir, 'tx.sqlite'),
      enableWAL: true,
    }).initialize();
    await dataSource.query('CREATE TABLE things (name TEXT PRIMARY KEY)');
    // Count what the service sends straight to the connection (BEGIN, SAVEPOINT, COMMIT …).
    const db = (dataSource.driver as unknown as { databaseConnection: BetterSqlite3.Database })
      .databaseConnection;
    const exec = db.exec.bind(db);
    statements = [];
    db.exec = (sql: string) => (statements.push(sql), exec(sql));
    tx = new TransactionService(dataSource);
  });
  afterEach(async () => {
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('commits transactions that queue up meanwhile together, each in its own savepoint', async () => {
    const names = Array.from({ length: 20 }, (_, i) => `n${String(i).padStart(2, '0')}`);
    const answers = await Promise.all(
      names.map((name) => tx.run(async (em) => (await insert(name)(em), name))),
    );
    expect(answers).toEqual(names);
    expect(await rows()).toEqual(names);
    const commits = statements.filter((s) => s === 'COMMIT').length;
    expect(commits).toBeGreaterThanOrEqual(1);
    expect(commits).toBeLessThan(names.length);
    expect(statements.filter((s) => s === 'SAVEPOINT tx')).toHaveLength(names.length);
  });

  it('rolls back only the transaction that failed; the others of its group commit', async () => {
    const outcomes = await Promise.allSettled([
      tx.run(insert('a')),
      tx.run(async (em) => {
        await insert('b')(em);
        throw new Error('changed my mind');
      }),
      tx.run(async (em) => {
        await insert('a')(em); // a UNIQUE violation, from the database itself
      }),
      tx.run(insert('c')),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason.message).toBe('changed my mind');
    expect(await rows()).toEqual(['a', 'c']);
  });

  it('shares the group commit with single-statement writes, without their savepoints; one that fails fails alone', async () => {
    const outcomes = await Promise.allSettled([
      tx.run(insert('a')),
      tx.single((em) => insert('b')(em!)),
      tx.single((em) => insert('a')(em!)), // a UNIQUE violation: SQLite undoes that statement alone
      tx.run(async (em) => {
        await insert('c')(em);
        await insert('d')(em);
      }),
      tx.single((em) => insert('e')(em!)),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    expect(await rows()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(statements.filter((s) => s === 'SAVEPOINT tx')).toHaveLength(2);
    expect(statements.filter((s) => s === 'COMMIT').length).toBeLessThan(outcomes.length);
  });

  it('answers a caller only after its group is committed', async () => {
    let seenOutside: string[] | null = null;
    await Promise.all([
      // x and y queue while this one runs, so they form the next group.
      tx.run(() => new Promise((resolve) => setTimeout(resolve, 20))),
      tx.run(insert('x')),
      tx.run(async (em) => {
        await insert('y')(em);
        // Another connection does not see x, committed with y's group, before the commit.
        const other = new BetterSqlite3(join(dir, 'tx.sqlite'));
        seenOutside = (other.prepare('SELECT name FROM things').all() as { name: string }[]).map(
          (r) => r.name,
        );
        other.close();
      }),
    ]);
    expect(seenOutside).toEqual([]);
    expect(await rows()).toEqual(['x', 'y']);
  });

  it('keeps working after a failed group', async () => {
    await expect(tx.run(() => Promise.reject(new Error('no')))).rejects.toThrow('no');
    await tx.run(insert('after'));
    expect(await rows()).toEqual(['after']);
  });
});
