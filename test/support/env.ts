// Runs before every test file, before any import: the engine must be fixed before entities are decorated.
process.env.NODE_ENV = 'test';
process.env.LOG_LEVEL ??= 'silent';
process.env.JOBS_ENABLED ??= 'false';
if (process.env.TEST_DB === 'postgres') {
  // Placeholder: each test app gets its own database, named by test/support/databases.ts.
  process.env.DATABASE_URL = `${process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'}`;
} else {
  delete process.env.DATABASE_URL;
}
