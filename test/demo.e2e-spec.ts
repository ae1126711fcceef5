import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { In, Like } from 'typeorm';
import { ApiKeyEntity } from '../src/api-keys/api-key.entity';
import { AuditLogEntity } from '../src/audit/audit-log.entity';
import {
  DEFAULT_DEMO_PASSWORD,
  DEMO_API_KEY_NAME,
  DEMO_STAFF_ROLES,
  demoEmail,
  DemoSeeder,
} from '../src/database/seeds/demo.seeder';
import { DEMO_FAMILY_EMAIL } from '../src/database/seeds/enrolment.demo';
import { DEMO_MARKER, prepareDemoDataDir } from '../src/demo';
import { UserEntity } from '../src/users/user.entity';
import { engine } from './support/databases';
import { startApp, TestApp } from './support/test-app';

describe(`demo seeder (${engine})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.close());

  it('creates one account per staff role and an API key, audited as "demo"; a second run adds nothing', async () => {
    const first = await new DemoSeeder(t.app).seed();
    expect(first.accounts).toEqual([
      ...DEMO_STAFF_ROLES.map((role) => ({ role, email: demoEmail(role), created: true })),
      { role: 'family', email: DEMO_FAMILY_EMAIL, created: true },
    ]);
    expect(first.apiKeys).toHaveLength(1);
    expect(first.apiKeys[0]).toMatchObject({ name: DEMO_API_KEY_NAME, scopes: ['audit:read', 'users:read'] });

    for (const role of DEMO_STAFF_ROLES) {
      const token = await t.login(demoEmail(role), DEFAULT_DEMO_PASSWORD);
      const me = await t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
      expect(me.body.role).toBe(role);
    }
    await t.http.get('/api/v1/users').set('X-API-Key', first.apiKeys[0].key!).expect(200);

    const audit = t.dataSource.getRepository(AuditLogEntity);
    const seeded = await audit.findBy({ actorLabel: 'demo', action: In(['user.create', 'api_key.create']) });
    expect(seeded.map((a) => a.action).sort()).toEqual([
      'api_key.create',
      'user.create',
      'user.create',
      'user.create',
      'user.create',
    ]);
    const demoRows = await audit.countBy({ actorLabel: 'demo' });

    const second = await new DemoSeeder(t.app).seed();
    expect(second.accounts.every((a) => !a.created)).toBe(true);
    expect(second.apiKeys).toEqual([
      { name: DEMO_API_KEY_NAME, prefix: first.apiKeys[0].prefix, scopes: first.apiKeys[0].scopes },
    ]);
    expect(
      await t.dataSource.getRepository(UserEntity).countBy({ email: Like('%@demo.family-card.local') }),
    ).toBe(4);
    expect(await t.dataSource.getRepository(ApiKeyEntity).countBy({ name: DEMO_API_KEY_NAME })).toBe(1);
    expect(await audit.countBy({ actorLabel: 'demo' })).toBe(demoRows);
  });

  it('enrols a demo family and leaves applications in the review queue', async () => {
    const token = await t.login(DEMO_FAMILY_EMAIL, DEFAULT_DEMO_PASSWORD);
    const me = await t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
    expect(me.body.familyId).toEqual(expect.any(String));
    const caseWorker = await t.login(demoEmail('case_worker'), DEFAULT_DEMO_PASSWORD);
    const queue = await t.http
      .get('/api/v1/applications?status=submitted,needs_info')
      .set('Authorization', `Bearer ${caseWorker}`)
      .expect(200);
    expect(queue.body.items.map((a: { status: string }) => a.status).sort()).toEqual([
      'needs_info',
      'submitted',
    ]);
    // Issued cards: the family's own, and a walk-in family's with a suspended and a replaced one.
    const mine = await t.http
      .get('/api/v1/families/mine/cards')
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(mine.body.length).toBeGreaterThanOrEqual(5);
    const all = await t.http
      .get('/api/v1/cards?limit=200')
      .set('Authorization', `Bearer ${caseWorker}`)
      .expect(200);
    const statuses = all.body.items.map((c: { status: string }) => c.status);
    expect(statuses).toEqual(expect.arrayContaining(['active', 'suspended', 'replaced']));
  });
});

describe('demo data folder', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'fc-demo-dir-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('without DATA_DIR makes a new temporary folder', () => {
    const { dataDir, resumed } = prepareDemoDataDir({});
    expect(dataDir).toContain('family-card-demo-');
    expect(resumed).toBe(false);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a database the demo did not create, unless DEMO_RESET=true deletes it', () => {
    writeFileSync(join(dir, 'family-card.sqlite'), 'real data');
    expect(() => prepareDemoDataDir({ DATA_DIR: dir })).toThrow(
      /already holds a family-card database .*DEMO_RESET=true/,
    );
    expect(prepareDemoDataDir({ DATA_DIR: dir, DEMO_RESET: 'true' })).toEqual({
      dataDir: dir,
      resumed: false,
    });
    expect(existsSync(join(dir, 'family-card.sqlite'))).toBe(false);
  });

  it("reuses an earlier demo's database", () => {
    prepareDemoDataDir({ DATA_DIR: dir });
    writeFileSync(join(dir, 'family-card.sqlite'), 'demo data');
    expect(existsSync(join(dir, DEMO_MARKER))).toBe(true);
    expect(prepareDemoDataDir({ DATA_DIR: dir })).toEqual({ dataDir: dir, resumed: true });
  });
});
