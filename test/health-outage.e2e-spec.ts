import { engine, pgUrlFor } from './support/databases';
import { TcpProxy } from './support/tcp-proxy';
import { startApp, TestApp } from './support/test-app';

const pgOnly = engine === 'postgres' ? describe : describe.skip;

pgOnly('PostgreSQL outage', () => {
  let t: TestApp;
  let proxy: TcpProxy;

  beforeAll(async () => {
    const { scratchDatabase } = await import('./support/databases');
    const db = await scratchDatabase();
    const target = new URL(db.env.DATABASE_URL);
    proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    const port = await proxy.start();
    const viaProxy = new URL(pgUrlFor(target.pathname.slice(1), db.env.DATABASE_URL));
    viaProxy.host = `127.0.0.1:${port}`;
    t = await startApp({
      db: { ...db, env: { ...db.env, DATABASE_URL: viaProxy.toString() } },
      env: { DATABASE_HEALTH_TIMEOUT_MS: '1000' },
    });
    // startApp does not drop a database it was given; do it on close.
    const close = t.close.bind(t);
    t.close = async () => {
      await close();
      await proxy.stop();
      await db.drop();
    };
  });
  afterAll(() => t.close());

  it('reports 503 problem+json while the database is unreachable, and recovers by itself', async () => {
    await t.http.get('/health').expect(200);
    const admin = await t.adminToken();

    await proxy.cut();
    const down = await t.http.get('/health').expect(503);
    expect(down.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(down.body).toMatchObject({ status: 503, database: { status: 'down', engine: 'postgres' } });
    expect(down.body.requestId).toBe(down.headers['x-request-id']);
    expect(down.headers['cache-control']).toBe('no-store');
    const api = await t.http.get('/api/v1/users').auth(admin, { type: 'bearer' });
    expect(api.status).toBe(503);
    expect(api.body.type).toBe('/problems/database-unavailable');
    expect(api.headers['retry-after']).toBeDefined();
    const login = await t.http
      .post('/api/v1/auth/login')
      .send({ email: 'a@b.example', password: 'whatever password' });
    expect(login.status).toBe(503);

    await proxy.restore();
    let status = 0;
    for (let i = 0; i < 20 && status !== 200; i++) {
      status = (await t.http.get('/health')).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(200);
    await t.http.get('/api/v1/users').auth(admin, { type: 'bearer' }).expect(200);
  });
});

pgOnly('PostgreSQL unreachable at start', () => {
  it('refuses to start with a clear error instead of serving without a database', async () => {
    const { scratchDatabase } = await import('./support/databases');
    const db = await scratchDatabase();
    try {
      await expect(
        startApp({ db: { ...db, env: { ...db.env, DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' } } }),
      ).rejects.toThrow(/ECONNREFUSED|connect/);
    } finally {
      await db.drop();
    }
  });
});

if (engine === 'sqlite') {
  it('outage tests run on PostgreSQL only (SQLite is a local file)', () => expect(engine).toBe('sqlite'));
}
