import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/** SQLite accepts at most 32,766 bound parameters per statement, PostgreSQL 65,535. */
const parameterLimit = (em: EntityManager) => (em.connection.options.type === 'postgres' ? 65_535 : 32_766);

export function* chunks<T>(items: T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/**
 * Multi-row INSERTs for bulk imports, as many rows per statement as the engine's parameter limit allows, built
 * from the entity's metadata with the driver's own value conversion (booleans, dates, timestamps) and
 * placeholders. Not InsertQueryBuilder: it names every parameter (:orm_param_N) and then rewrites them into
 * positional ones, which took four fifths of the insert time in bench/import-families. Generated ids other
 * than UUIDs (the audit log's identity column) are left to the database; creation and update timestamps a row
 * leaves out are written as `now`.
 */
export async function insertRows<T extends ObjectLiteral>(
  em: EntityManager,
  target: EntityTarget<T>,
  rows: (QueryDeepPartialEntity<T> | Partial<T>)[],
  now: Date,
): Promise<void> {
  const { driver } = em.connection;
  const metadata = em.connection.getMetadata(target);
  const columns = metadata.columns.filter((c) => !(c.isGenerated && c.generationStrategy !== 'uuid'));
  const names = columns.map((c) => driver.escape(c.databaseName)).join(', ');
  const table = driver.escape(metadata.tablePath);
  const size = Math.max(1, Math.floor(parameterLimit(em) / columns.length));
  for (const chunk of chunks(rows, size)) {
    const parameters: unknown[] = [];
    const tuples = chunk.map((row) => {
      const placeholders = columns.map((column) => {
        let value: unknown = column.getEntityValue(row);
        if (value === undefined && (column.isCreateDate || column.isUpdateDate)) value = now;
        parameters.push(driver.preparePersistentValue(value ?? null, column));
        return driver.createParameter('', parameters.length - 1);
      });
      return `(${placeholders.join(', ')})`;
    });
    await em.query(`INSERT INTO ${table} (${names}) VALUES ${tuples.join(', ')}`, parameters);
  }
}
