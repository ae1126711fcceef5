import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { engine, scratchDatabase, ScratchDatabase } from './support/databases';
import { startApp, TestApp } from './support/test-app';

const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const requireRedis = process.env.CI === 'true';

async function redisReachable(): Promise<boolean> {
  const client = new Redis(redisUrl, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

// Several instances share rate-limit counters through Redis; that setup runs on PostgreSQL only (see jobs test).
(engine === 'postgres' ? describe : describe.skip)(
  'rate limits shared through Redis by two instances',
  () => {
    let db: ScratchDatabase;
    let a: TestApp | undefined;
    let b: TestApp | undefined;
    let available = false;

    beforeAll(async () => {
      available = await redisReachable();
      if (!available) {
        if (requireRedis) throw new Error(`Redis is required in CI but unreachable at ${redisUrl}`);
        console.warn(`SKIPPED: no Redis at ${redisUrl}`);
        return;
      }
      db = await scratchDatabase();
      // A fresh key prefix keeps this run's counters apart from any other run on the same Redis.
      const env = {
        REDIS_URL: redisUrl,
        REDIS_KEY_PREFIX: `fc-test:${randomBytes(4).toString('hex')}:`,
        RATE_LIMIT_LOGIN_PER_MINUTE: '4',
      };
      a = await startApp({ db, env });
      b = await startApp({ db, env });
    });
    afterAll(async () => {
      await a?.close();
      await b?.close();
      await db?.drop();
    });

    it('counts login attempts on both instances against one limit', async () => {
      if (!available) return;
      const attempt = (t: TestApp) =>
        t.http
          .post('/api/v1/auth/login')
          .send({ email: 'nobody@test.example', password: 'no such password' });
      const statuses = [];
      for (const t of [a!, b!, a!, b!, a!, b!]) statuses.push((await attempt(t)).status);
      expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    });
  },
);

if (engine === 'sqlite') {
  it('the shared-counter test runs with the PostgreSQL suite', () => expect(engine).toBe('sqlite'));
}

describe(`rate limits while Redis is down (${engine})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp({ env: { REDIS_URL: 'redis://127.0.0.1:1', RATE_LIMIT_LOGIN_PER_MINUTE: '3' } });
  });
  afterAll(() => t.close());

  it('keeps serving and limiting, per instance, instead of failing requests', async () => {
    await t.http.get('/health').expect(200);
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      statuses.push(
        (
          await t.http
            .post('/api/v1/auth/login')
            .send({ email: 'nobody@test.example', password: 'no such password' })
        ).status,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
  });
});
