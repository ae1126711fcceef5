import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../src/database/data-source';
import { runPendingMigrations } from '../src/database/migrations.service';
import { loadDatabaseConfig } from '../src/config/database.config';
import { engine, scratchDatabase, ScratchDatabase } from './support/databases';

const quiet = { log: () => undefined };

describe(`migrations (${engine})`, () => {
  let db: ScratchDatabase;
  let ds: DataSource;
  beforeAll(async () => {
    db = await scratchDatabase();
    ds = await new DataSource(
      buildDataSourceOptions(loadDatabaseConfig({ ...process.env, ...db.env })),
    ).initialize();
  });
  afterAll(async () => {
    await ds?.destroy();
    await db.drop();
  });

  const pendingSchemaChanges = async () =>
    (await ds.driver.createSchemaBuilder().log()).upQueries.map((q) => q.query);

  it('never synchronizes the schema from the entities', () => {
    expect(ds.options.synchronize).toBe(false);
    expect(ds.options.migrationsRun).toBe(false);
  });

  it('applies every migration on an empty database, and then the schema is exactly what the entities describe', async () => {
    const applied = await runPendingMigrations(ds, quiet);
    expect(applied.length).toBe(ds.migrations.length);
    expect(applied.length).toBeGreaterThan(0);
    expect(await pendingSchemaChanges()).toEqual([]);
    expect(await runPendingMigrations(ds, quiet)).toEqual([]); // idempotent
  });

  it('reverts every migration and re-applies them cleanly', async () => {
    for (let i = 0; i < ds.migrations.length; i++) await ds.undoLastMigration({ transaction: 'each' });
    const tables =
      engine === 'postgres'
        ? await ds.query(
            `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`,
          )
        : await ds.query(
            `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('migrations', 'sqlite_sequence')`,
          );
    expect(tables).toEqual([]);
    await runPendingMigrations(ds, quiet);
    expect(await pendingSchemaChanges()).toEqual([]);
  });

  it('uses the engine settings the issue asks for', async () => {
    if (engine === 'sqlite') {
      expect((await ds.query('PRAGMA journal_mode'))[0].journal_mode).toBe('wal');
      expect((await ds.query('PRAGMA foreign_keys'))[0].foreign_keys).toBe(1);
      expect((await ds.query('PRAGMA busy_timeout'))[0].timeout).toBe(5000);
    } else {
      const [{ n }] = await ds.query(
        `SELECT COUNT(*)::int AS n FROM pg_extension WHERE extname IN ('uuid-ossp', 'pgcrypto')`,
      );
      expect(n).toBe(0); // gen_random_uuid() is built in; no extension (and no superuser) needed
    }
  });
});
