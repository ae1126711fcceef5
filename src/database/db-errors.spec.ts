import { QueryFailedError } from 'typeorm';
import { isUniqueViolation } from './db-errors';

const driverError = (code: string, message = 'constraint failed') =>
  Object.assign(new Error(message), { code });

describe('isUniqueViolation', () => {
  it.each<[string, unknown]>([
    ['a PostgreSQL unique violation', { code: '23505' }],
    ['a PostgreSQL unique violation in driverError', { driverError: { code: '23505' } }],
    ['a SQLite unique violation', { code: 'SQLITE_CONSTRAINT_UNIQUE' }],
    ['a SQLite primary-key violation', { code: 'SQLITE_CONSTRAINT_PRIMARYKEY' }],
    [
      'a TypeORM QueryFailedError from SQLite',
      new QueryFailedError(
        'INSERT',
        [],
        driverError('SQLITE_CONSTRAINT_UNIQUE', 'UNIQUE constraint failed: users.email'),
      ),
    ],
    [
      'a TypeORM QueryFailedError from PostgreSQL',
      new QueryFailedError(
        'INSERT',
        [],
        driverError('23505', 'duplicate key value violates unique constraint'),
      ),
    ],
  ])('recognises %s', (_, error) => {
    expect(isUniqueViolation(error)).toBe(true);
  });

  it.each<[string, unknown]>([
    ['a PostgreSQL foreign-key violation', { code: '23503' }],
    ['a PostgreSQL not-null violation in driverError', { driverError: { code: '23502' } }],
    ['a SQLite foreign-key violation', { code: 'SQLITE_CONSTRAINT_FOREIGNKEY' }],
    ['a SQLite not-null violation', { code: 'SQLITE_CONSTRAINT_NOTNULL' }],
    ['a bare SQLite constraint error', { code: 'SQLITE_CONSTRAINT' }],
    ['a connection error', driverError('ECONNREFUSED')],
    ['an Error that only mentions duplicates', new Error('duplicate key value violates unique constraint')],
    ['a numeric code', { code: 23505 }],
    ['null', null],
    ['undefined', undefined],
    ['a string', '23505'],
  ])('ignores %s', (_, error) => {
    expect(isUniqueViolation(error)).toBe(false);
  });
});
