import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';

/** Per table, a hash of all its rows: equal fingerprints mean no row was added, removed or changed. */
export type Fingerprint = Record<string, string>;

export async function tableNames(dataSource: DataSource): Promise<string[]> {
  const rows: { name: string }[] =
    dataSource.options.type === 'postgres'
      ? await dataSource.query(
          `SELECT table_name AS name FROM information_schema.tables
            WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`,
        )
      : await dataSource.query(
          `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY 1`,
        );
  return rows.map((r) => r.name);
}

/**
 * Hashes every row of every table. The test databases hold a few hundred rows, so reading them all is
 * cheaper than trusting row counts and timestamps, which miss an in-place update. PostgreSQL hashes on
 * the server in one round trip; SQLite is in-process, so the rows are hashed here.
 */
export async function fingerprint(dataSource: DataSource, tables: string[]): Promise<Fingerprint> {
  if (dataSource.options.type === 'postgres') {
    const parts = tables.map(
      (t) =>
        `SELECT '${t}' AS t, (SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) FROM "${t}" x) AS h`,
    );
    const rows: { t: string; h: string }[] = await dataSource.query(parts.join(' UNION ALL '));
    return Object.fromEntries(rows.map((r) => [r.t, r.h]));
  }
  const out: Fingerprint = {};
  for (const t of tables) {
    const rows: unknown[] = await dataSource.query(`SELECT * FROM "${t}"`);
    const lines = rows.map((r) =>
      JSON.stringify(r, (_, v) => (Buffer.isBuffer(v) ? v.toString('base64') : v)),
    );
    out[t] = createHash('sha256').update(lines.sort().join('\n')).digest('hex');
  }
  return out;
}

/** The tables whose hash differs between two fingerprints. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  return Object.keys({ ...before, ...after }).filter((t) => before[t] !== after[t]);
}
