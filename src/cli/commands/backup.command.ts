import Database from 'better-sqlite3';
import { ConfigService } from '@nestjs/config';
import { Command, CommandRunner, Option } from 'nest-commander';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { AppConfig } from '../../config/app.config';
import type { DatabaseConfig } from '../../config/database.config';
import { CliError } from '../cli-error';
import { formatTable, printLine } from '../output';

interface BackupOptions {
  out?: string;
}

/** The tables whose row counts are printed: enough to see at a glance that the copy holds the programme. */
export const COUNTED_TABLES = [
  'programmes',
  'users',
  'families',
  'members',
  'applications',
  'cards',
  'card_print_batches',
  'partners',
  'offers',
  'validations',
  'audit_log',
];

/** `family-card-20261207-053005.sqlite`: sorts by time, and has no characters a shell or Windows dislikes. */
export function backupFileName(engine: 'sqlite' | 'postgres', at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/\.\d+Z$/, '')
    .replace(/[-:]/g, '')
    .replace('T', '-');
  return `family-card-${stamp}.${engine === 'sqlite' ? 'sqlite' : 'dump'}`;
}

/**
 * pg_dump's connection: the URL without its password (which would show in the process list), the password in
 * PGPASSWORD. Query parameters such as sslmode stay in the URL, which libpq reads as it is.
 */
export function pgDumpConnection(url: string): { dbname: string; env: Record<string, string> } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { dbname: parsed.toString(), env: password ? { PGPASSWORD: password } : {} };
}

export function describeSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The restore is documented in docs/backup.md. */
@Command({
  name: 'backup',
  description:
    'Copy the database while the service runs: SQLite online backup checked with PRAGMA integrity_check, or pg_dump',
})
export class BackupCommand extends CommandRunner {
  constructor(private readonly config: ConfigService) {
    super();
  }

  async run(_args: string[], options: BackupOptions): Promise<void> {
    const database = this.config.getOrThrow<DatabaseConfig>('database');
    const { dataDir } = this.config.getOrThrow<AppConfig>('app');
    const out = resolve(options.out ?? join(dataDir, 'backups', backupFileName(database.engine, new Date())));
    if (existsSync(out)) throw new CliError(`${out} exists already; choose another --out file.`);
    mkdirSync(dirname(out), { recursive: true });
    // Written under another name and renamed once checked: a file with the final name is a complete backup.
    const partial = `${out}.partial`;
    rmSync(partial, { force: true });
    try {
      if (database.engine === 'sqlite') await backupSqlite(database.file, partial, out);
      else await backupPostgres(database.url, partial, out);
    } finally {
      rmSync(partial, { force: true });
    }
    printLine(
      `Not in this backup: the keys in ${join(dataDir, 'secrets')} (or their environment variables) and the ` +
        `uploaded documents in ${join(dataDir, 'documents')}; back them up too, the keys apart (see docs/backup.md).`,
    );
  }

  @Option({ flags: '--out <file>', description: 'the file to write (default: DATA_DIR/backups/<timestamp>)' })
  parseOut(value: string): string {
    return value;
  }
}

async function backupSqlite(file: string, partial: string, out: string): Promise<void> {
  if (!existsSync(file)) throw new CliError(`There is no database at ${file} (check DATA_DIR).`);
  const started = performance.now();
  const source = new Database(file, { fileMustExist: true, timeout: 5000 });
  try {
    // All remaining pages in each step: one step is one read transaction, so the copy is one consistent
    // snapshot. In WAL mode that read does not block the service's writes; a write by another connection
    // between steps only makes SQLite start the copy again.
    await source.backup(partial, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  const copy = new Database(partial, { fileMustExist: true });
  let counts: string[][];
  let migrations: { n: number; last: string | null };
  try {
    // One self-contained file: no -wal beside it to lose when it is copied back.
    copy.pragma('journal_mode = DELETE');
    const check = copy.pragma('integrity_check') as { integrity_check: string }[];
    const problems = check.map((r) => r.integrity_check).filter((r) => r !== 'ok');
    if (problems.length)
      throw new CliError(`The copy fails PRAGMA integrity_check:\n${problems.slice(0, 20).join('\n')}`);
    const tables = new Set(
      (copy.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
        (t) => t.name,
      ),
    );
    counts = COUNTED_TABLES.filter((t) => tables.has(t)).map((t) => [
      t,
      String((copy.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n),
    ]);
    migrations = tables.has('migrations')
      ? (copy
          .prepare(
            'SELECT count(*) AS n, (SELECT name FROM migrations ORDER BY timestamp DESC LIMIT 1) AS last FROM migrations',
          )
          .get() as typeof migrations)
      : { n: 0, last: null };
  } finally {
    copy.close();
  }
  renameSync(partial, out);
  const seconds = (performance.now() - started) / 1000;
  printLine(`Backup of ${file}`);
  printLine(`written to ${out} (${describeSize(statSync(out).size)}) in ${seconds.toFixed(1)} s.`);
  printLine(
    `PRAGMA integrity_check: ok. Migrations applied: ${migrations.n} (last ${migrations.last ?? '-'}).`,
  );
  printLine();
  printLine(formatTable(['TABLE', 'ROWS'], counts));
  printLine();
}

async function backupPostgres(url: string, partial: string, out: string): Promise<void> {
  const { dbname, env } = pgDumpConnection(url);
  const started = performance.now();
  const dump = await run('pg_dump', ['--format=custom', `--file=${partial}`, `--dbname=${dbname}`], env);
  if (dump === null)
    throw new CliError(
      "pg_dump is not on PATH. Install the PostgreSQL client tools (the server's major version or newer) " +
        `and run: pg_dump --format=custom --file=${out} --dbname='${dbname}'` +
        (env.PGPASSWORD ? ' (with the password in PGPASSWORD)' : ''),
    );
  if (dump.code !== 0) throw new CliError(`pg_dump failed (exit code ${dump.code}):\n${dump.stderr.trim()}`);
  // pg_restore --list reads the archive's table of contents: the file is a complete custom-format dump.
  const list = await run('pg_restore', ['--list', partial], {});
  if (list && list.code !== 0)
    throw new CliError(`pg_restore --list cannot read the dump:\n${list.stderr.trim()}`);
  renameSync(partial, out);
  const seconds = (performance.now() - started) / 1000;
  printLine(`pg_dump of ${dbname}`);
  printLine(`written to ${out} (${describeSize(statSync(out).size)}) in ${seconds.toFixed(1)} s.`);
  if (list) {
    const tables = list.stdout.split('\n').filter((l) => / TABLE DATA /.test(l)).length;
    printLine(`pg_restore --list: ${tables} tables with data.`);
  }
  printLine(`Restore: pg_restore --clean --if-exists --no-owner --dbname=DATABASE_URL ${out}`);
}

/** Runs a program; null when it is not installed (ENOENT). */
function run(
  program: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string } | null> {
  return new Promise((done, fail) => {
    const child = spawn(program, args, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ENOENT' ? done(null) : fail(error),
    );
    child.once('close', (code) => done({ code: code ?? 1, stdout, stderr }));
  });
}
