#!/usr/bin/env node
// Generates a migration for each engine from the difference between the entities and a scratch database
// that has every existing migration applied. Usage: npm run migration:generate -- AddSomething
// PostgreSQL comes from PG_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres).
const { execFileSync } = require('node:child_process');
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { Client } = require('pg');

const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  console.error('usage: npm run migration:generate -- PascalCaseName');
  process.exit(2);
}
const timestamp = String(Date.now());
const cli = join(__dirname, '..', 'node_modules', 'typeorm', 'cli-ts-node-commonjs.js');
const typeorm = (args, env) =>
  execFileSync(process.execPath, [cli, ...args, '-d', 'src/database/typeorm-cli.data-source.ts'], {
    stdio: 'inherit',
    env: { ...process.env, ...env, TS_NODE_TRANSPILE_ONLY: 'true' },
  });

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'fc-gen-'));
  try {
    const env = { DATA_DIR: dataDir, DATABASE_URL: '' };
    typeorm(['migration:run'], env);
    typeorm(['migration:generate', `src/database/migrations/sqlite/${name}`, '-t', timestamp, '-p'], env);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const adminUrl = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const db = `fc_gen_${process.pid}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${db}`);
  try {
    const url = new URL(adminUrl);
    url.pathname = `/${db}`;
    const env = { DATABASE_URL: url.toString() };
    typeorm(['migration:run'], env);
    typeorm(['migration:generate', `src/database/migrations/postgres/${name}`, '-t', timestamp, '-p'], env);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
