import './load-env';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { passwordProblems } from './auth/password-policy';
import { ConfigurationError } from './config/validate-env';
import type { DemoSeedReport } from './database/seeds/demo.seeder';
import { exitIfShutdownHangs, exitOnStartupFailure } from './startup';

// `npm run demo`: the whole service with sample data, on SQLite in a folder of its own. Settings (README):
//   DATA_DIR       where the demo database lives; default: a new folder under the system temp directory
//   DEMO_RESET     true: delete the database in DATA_DIR first (required when DATA_DIR holds a non-demo one)
//   DEMO_PASSWORD  password of every demo account; default DEFAULT_DEMO_PASSWORD in demo.seeder.ts
//   ADMIN_EMAIL, ADMIN_PASSWORD  the first admin, as on a normal start; default admin@<demo domain>, DEMO_PASSWORD
//   LOG_LEVEL      default warn, so the banner is not buried under request logs

/** Written into a data folder the demo created, so a later demo run may reuse it and nothing else. */
export const DEMO_MARKER = '.family-card-demo';
const SQLITE_FILES = ['family-card.sqlite', 'family-card.sqlite-wal', 'family-card.sqlite-shm'];

export interface DemoDataDir {
  dataDir: string;
  /** An earlier demo's database is being reused (the seeder skips what exists). */
  resumed: boolean;
}

/**
 * Picks the demo's data folder. A folder with a database the demo did not create is refused unless DEMO_RESET
 * is true, because demo accounts share a published password and must never land in real data.
 */
export function prepareDemoDataDir(env: Record<string, string | undefined> = process.env): DemoDataDir {
  const dataDir = env.DATA_DIR ? resolve(env.DATA_DIR) : mkdtempSync(join(tmpdir(), 'family-card-demo-'));
  const marker = join(dataDir, DEMO_MARKER);
  const hasDatabase = existsSync(join(dataDir, SQLITE_FILES[0]));
  if (env.DEMO_RESET === 'true') {
    for (const file of [...SQLITE_FILES, DEMO_MARKER]) rmSync(join(dataDir, file), { force: true });
  } else if (hasDatabase && !existsSync(marker)) {
    throw new ConfigurationError([
      `DATA_DIR: ${dataDir} already holds a family-card database that the demo did not create. ` +
        'Choose an empty folder, leave DATA_DIR unset for a temporary one, or set DEMO_RESET=true to delete that database.',
    ]);
  }
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(marker, 'Created by `npm run demo`: sample data only.\n');
  return { dataDir, resumed: hasDatabase && env.DEMO_RESET !== 'true' };
}

async function main(): Promise<void> {
  const { dataDir, resumed } = prepareDemoDataDir();
  const ignoredDatabaseUrl = Boolean(process.env.DATABASE_URL);
  // Set before the app's modules load: entity column types follow DATABASE_URL at import time.
  delete process.env.DATABASE_URL;
  Object.assign(process.env, { DATA_DIR: dataDir, DEMO: 'true' });
  process.env.LOG_LEVEL ||= 'warn';

  const { DemoSeeder, DEFAULT_DEMO_PASSWORD, DEMO_EMAIL_DOMAIN } =
    await import('./database/seeds/demo.seeder');
  const password = process.env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD;
  const weak = passwordProblems(password);
  if (weak.length) throw new ConfigurationError([`DEMO_PASSWORD: ${weak.join('; ')}`]);
  const ownAdminPassword = Boolean(process.env.ADMIN_PASSWORD);
  process.env.ADMIN_EMAIL ||= `admin@${DEMO_EMAIL_DOMAIN}`;
  process.env.ADMIN_PASSWORD ||= password;

  const { createApp } = await import('./bootstrap');
  const { appConfig } = await import('./config/app.config');
  const app = await createApp();
  const config = appConfig();
  await app.init(); // creates the first admin (InitialAdminService) before the seeder runs
  const report = await new DemoSeeder(app).seed(password);
  await app.listen({ port: config.port, host: config.host });
  exitIfShutdownHangs(config.shutdownGraceMs);

  const { port } = app.getHttpServer().address() as AddressInfo;
  const url = process.env.PUBLIC_URL ? config.publicUrl : `http://localhost:${port}`;
  const admin = {
    email: process.env.ADMIN_EMAIL,
    password: ownAdminPassword ? '(your ADMIN_PASSWORD)' : password,
  };
  process.stdout.write(banner({ url, dataDir, resumed, ignoredDatabaseUrl, admin, password, report }));
}

function banner(b: {
  url: string;
  dataDir: string;
  resumed: boolean;
  ignoredDatabaseUrl: boolean;
  admin: { email: string; password: string };
  password: string;
  report: DemoSeedReport;
}): string {
  const accounts = [
    { role: 'admin', email: b.admin.email, password: b.admin.password },
    ...b.report.accounts.map((a) => ({ role: a.role, email: a.email, password: b.password })),
  ];
  const emailWidth = Math.max(...accounts.map((a) => a.email.length));
  const lines = [
    '',
    '  family-card demo is running (DEMO=true; sample data only, the demo password is public)',
    `    URL:       ${b.url}`,
    `    API docs:  ${b.url}/api/docs   (OpenAPI document: ${b.url}/api/docs-json)`,
    `    Health:    ${b.url}/health`,
    `    DATA_DIR:  ${b.dataDir}${b.resumed ? '   (reusing an earlier demo)' : ''}`,
    ...(b.ignoredDatabaseUrl
      ? ['    DATABASE_URL is ignored: the demo always runs on SQLite in DATA_DIR.']
      : []),
    '',
    `  Accounts (POST ${b.url}/api/v1/auth/login with {"email", "password"}):`,
    ...accounts.map((a) => `    ${a.role.padEnd(16)} ${a.email.padEnd(emailWidth)}  ${a.password}`),
    '',
    ...b.report.apiKeys.flatMap((k) => [
      `  API key "${k.name}" (scopes: ${k.scopes.join(', ')}; send as X-API-Key):`,
      `    ${k.key ?? `fck_${k.prefix}_…  (created by an earlier run; keys are shown once)`}`,
    ]),
    '',
    '  Press Ctrl+C to stop.',
    '',
  ];
  return `${lines.join('\n')}\n`;
}

if (require.main === module) main().catch(exitOnStartupFailure('family-card demo'));
