#!/usr/bin/env node
// `npm test`: the whole suite on SQLite, then again on PostgreSQL. PostgreSQL is required when CI=true (or
// REQUIRE_PG=1); on a laptop without it the PostgreSQL run is skipped, loudly. Extra arguments go to jest.
// The last line printed is `N passed, M failed`.
const { spawnSync } = require('node:child_process');
const { mkdtempSync, readFileSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { Client } = require('pg');

const pgUrl = process.env.TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const requirePg = process.env.CI === 'true' || process.env.REQUIRE_PG === '1';
const jestBin = require.resolve('jest/bin/jest');
const args = process.argv.slice(2);

async function pgReachable() {
  const client = new Client({ connectionString: pgUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch (error) {
    return error.message;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function runJest(engine) {
  const dir = mkdtempSync(join(tmpdir(), 'fc-jest-'));
  const outputFile = join(dir, 'result.json');
  console.log(`\n=== test suite on ${engine} ===\n`);
  const run = spawnSync(
    process.execPath,
    [jestBin, '--maxWorkers=2', '--json', `--outputFile=${outputFile}`, ...args],
    { stdio: 'inherit', env: { ...process.env, TEST_DB: engine, TEST_PG_URL: pgUrl } },
  );
  try {
    const r = JSON.parse(readFileSync(outputFile, 'utf8'));
    // A suite that failed to load counts as one failure, so a broken file can never pass silently.
    return {
      passed: r.numPassedTests,
      failed: r.numFailedTests + r.numRuntimeErrorTestSuites,
      code: run.status,
    };
  } catch {
    return { passed: 0, failed: 1, code: run.status || 1 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const results = [runJest('sqlite')];
  const reachable = await pgReachable();
  if (reachable === true) {
    results.push(runJest('postgres'));
  } else if (requirePg) {
    console.error(
      `\nPostgreSQL at ${pgUrl} is unreachable (${reachable}); it is required here (CI=true or REQUIRE_PG=1).`,
    );
    results.push({ passed: 0, failed: 1, code: 1 });
  } else {
    console.warn(
      `\n*** PostgreSQL suite SKIPPED: no PostgreSQL at ${pgUrl} (${reachable}).\n` +
        `*** Only the SQLite suite ran. Set TEST_PG_URL to run it against PostgreSQL too.\n`,
    );
  }
  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed, 0);
  const ok = failed === 0 && results.every((r) => r.code === 0);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(ok ? 0 : 1);
}

main();
