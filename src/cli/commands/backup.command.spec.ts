import { backupFileName, describeSize, pgDumpConnection } from './backup.command';

describe('backupFileName', () => {
  it.each([
    ['sqlite', '2026-12-07T05:30:05.123Z', 'family-card-20261207-053005.sqlite'],
    ['postgres', '2027-01-31T23:59:59.000Z', 'family-card-20270131-235959.dump'],
  ] as const)('%s at %s is %s', (engine, at, name) => {
    expect(backupFileName(engine, new Date(at))).toBe(name);
  });
});

describe('pgDumpConnection', () => {
  it.each([
    ['postgres://postgres@127.0.0.1:5432/fc', 'postgres://postgres@127.0.0.1:5432/fc', {}],
    [
      'postgres://fc:s%40cret@db.example:6432/fc?sslmode=require',
      'postgres://fc@db.example:6432/fc?sslmode=require',
      { PGPASSWORD: 's@cret' },
    ],
    ['postgresql://u:p@h/d', 'postgresql://u@h/d', { PGPASSWORD: 'p' }],
  ])('%s: the password leaves the URL for PGPASSWORD', (url, dbname, env) => {
    expect(pgDumpConnection(url)).toEqual({ dbname, env });
  });
});

describe('describeSize', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1536, '1.5 KB'],
    [5 * 1024 * 1024, '5.0 MB'],
  ])('%d bytes is %s', (bytes, text) => expect(describeSize(bytes)).toBe(text));
});
