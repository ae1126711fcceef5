import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pino from 'pino';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { systemActor } from '../../src/auth/actor';
import type { Role } from '../../src/auth/roles';
import { createApp } from '../../src/bootstrap';
import { randomToken } from '../../src/common/crypto';
import { AuditLogEntity } from '../../src/audit/audit-log.entity';
import { UserEntity } from '../../src/users/user.entity';
import { UsersService } from '../../src/users/users.service';
import { withEnv } from './config-env';
import { ScratchDatabase, scratchDatabase } from './databases';

export const ADMIN_EMAIL = 'admin@test.example';
export const ADMIN_PASSWORD = 'correct horse battery staple 42';

export interface TestUser {
  user: UserEntity;
  password: string;
  token: string;
}

export interface RouteInfo {
  method: string;
  url: string;
}

export interface TestApp {
  app: NestFastifyApplication;
  http: TestAgent;
  dataSource: DataSource;
  db: ScratchDatabase;
  /** Every route registered on Fastify (HEAD twins excluded). */
  routes: RouteInfo[];
  login(email: string, password: string): Promise<string>;
  adminToken(): Promise<string>;
  newUser(
    role: Role,
    overrides?: Partial<{ email: string; partnerId: string; familyId: string }>,
  ): Promise<TestUser>;
  auditCount(): Promise<number>;
  close(): Promise<void>;
}

let counter = 0;

/**
 * Starts the real application (createApp, as production does) on a scratch database. `env` overrides
 * settings for this app only; several apps may share one database by passing `db`.
 */
export async function startApp(
  options: { env?: Record<string, string>; db?: ScratchDatabase } = {},
): Promise<TestApp> {
  const db = options.db ?? (await scratchDatabase());
  const ownsDb = !options.db;
  const env: Record<string, string> = {
    ADMIN_EMAIL,
    ADMIN_PASSWORD,
    LOG_LEVEL: 'silent',
    JOBS_ENABLED: 'false',
    // Tests sign in far more often than people; the rate-limit tests set their own, lower limits.
    RATE_LIMIT_LOGIN_PER_MINUTE: '10000',
    RATE_LIMIT_SELF_SERVICE_PER_MINUTE: '10000',
    RATE_LIMIT_PER_MINUTE: '100000',
    ...db.env,
    ...options.env,
  };
  const routes: RouteInfo[] = [];
  let app: NestFastifyApplication;
  try {
    // The settings are read while the app is created; afterwards the environment is as it was.
    app = await withEnv(env, async () => {
      // TEST_LOG_LEVEL=error shows the server's own log (a 500's stack, say) while a test is being debugged.
      const created = await createApp({ logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }) });
      created
        .getHttpAdapter()
        .getInstance()
        .addHook('onRoute', (r) => {
          for (const method of [r.method].flat()) if (method !== 'HEAD') routes.push({ method, url: r.url });
        });
      await created.init();
      await created.getHttpAdapter().getInstance().ready();
      return created;
    });
  } catch (error) {
    if (ownsDb) await db.drop();
    throw error;
  }
  const http = request(app.getHttpServer());
  const dataSource = app.get(DataSource);

  const login = async (email: string, password: string): Promise<string> => {
    const res = await http.post('/api/v1/auth/login').send({ email, password });
    if (res.status !== 200)
      throw new Error(`login ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.accessToken as string;
  };
  let adminToken: string | undefined;

  return {
    app,
    http,
    dataSource,
    db,
    routes,
    login,
    adminToken: async () => (adminToken ??= await login(ADMIN_EMAIL, ADMIN_PASSWORD)),
    async newUser(role, overrides = {}) {
      const password = randomToken(18);
      const user = await app.get(UsersService).createAccount(systemActor('test'), {
        email:
          overrides.email ??
          `${role.replace('_', '-')}-${++counter}-${randomToken(4).toLowerCase()}@test.example`,
        displayName: `Test ${role} ${counter}`,
        role,
        password,
        partnerId: overrides.partnerId,
        familyId: overrides.familyId,
      });
      return { user, password, token: await login(user.email, password) };
    },
    auditCount: () => dataSource.getRepository(AuditLogEntity).count(),
    async close() {
      await app.close();
      if (ownsDb) await db.drop();
    },
  };
}
