import { systemActor } from '../src/auth/actor';
import { AuditLogEntity } from '../src/audit/audit-log.entity';
import { ValidationFlagEntity } from '../src/validations/validation-flag.entity';
import { ValidationEntity } from '../src/validations/validation.entity';
import { ValidationsPurgeJob } from '../src/validations/validations-purge.job';
import { engine } from './support/databases';
import { approvedPartner, RegisteredPartner } from './support/partner-factory';
import { startApp, TestApp } from './support/test-app';

describe(`abuse at the till: rate limits, bursts of bad codes, retention (${engine})`, () => {
  let t: TestApp;
  let manager: string;
  let partner: RegisteredPartner;
  const check = (token: string, code = 'not a card') =>
    t.http.post('/api/v1/validations').auth(token, { type: 'bearer' }).send({ code });

  beforeAll(async () => {
    t = await startApp({
      env: {
        RATE_LIMIT_VALIDATION_PER_MINUTE: '6',
        RATE_LIMIT_VALIDATION_PER_IP_PER_MINUTE: '1000',
        VALIDATION_BURST_LIMIT: '4',
        VALIDATION_BURST_MINUTES: '10',
      },
    });
    manager = (await t.newUser('partner_manager')).token;
    partner = await approvedPartner(t, manager);
  });
  afterAll(() => t.close());

  it('a burst of bad codes from one account raises one open flag for staff, audited; staff close it', async () => {
    for (let i = 0; i < 5; i++)
      expect((await check(partner.owner.token).expect(200)).body.result).toBe('malformed');
    const flags = await t.dataSource
      .getRepository(ValidationFlagEntity)
      .findBy({ partnerId: partner.partnerId });
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ badCount: 4, actorType: 'user', resolvedAt: null });
    const audit = await t.dataSource.getRepository(AuditLogEntity).findBy({ entityId: flags[0].id });
    expect(audit.map((a) => a.action)).toEqual(['validation.flag']);

    const listed = await t.http.get('/api/v1/validation-flags').auth(manager, { type: 'bearer' }).expect(200);
    expect(listed.body.map((f: { id: string }) => f.id)).toContain(flags[0].id);
    await t.http.get('/api/v1/validation-flags').auth(partner.owner.token, { type: 'bearer' }).expect(403);
    const closed = await t.http
      .post(`/api/v1/validation-flags/${flags[0].id}/resolve`)
      .auth(manager, { type: 'bearer' })
      .send({ resolution: 'A cashier scanning a loyalty card by mistake' })
      .expect(200);
    expect(closed.body).toMatchObject({ resolution: 'A cashier scanning a loyalty card by mistake' });
    expect(closed.body.resolvedAt).not.toBeNull();
    const open = await t.http.get('/api/v1/validation-flags').auth(manager, { type: 'bearer' }).expect(200);
    expect(open.body.map((f: { id: string }) => f.id)).not.toContain(flags[0].id);
  });

  it('limits checks per merchant account (429 problem+json) while another account of the shop goes on', async () => {
    const other = await approvedPartner(t, manager);
    let limited = 0;
    for (let i = 0; i < 8; i++) {
      const res = await check(other.owner.token);
      if (res.status === 429) {
        limited++;
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      }
    }
    expect(limited).toBe(2);
    const third = await approvedPartner(t, manager);
    await check(third.owner.token).expect(200);
  });

  it('deletes checks older than the programme’s retention, once a day, and keeps the rest', async () => {
    const repo = t.dataSource.getRepository(ValidationEntity);
    const [recent] = await repo.find({ where: { partnerId: partner.partnerId }, take: 1 });
    const old = {
      ...recent,
      id: '0190aaaa-0000-7000-8000-000000000001',
      createdAt: new Date(Date.now() - 400 * 86_400_000),
    };
    await repo.insert(old);
    const before = await repo.count();
    const deleted = await t.app.get(ValidationsPurgeJob).run(systemActor('test'));
    expect(deleted).toBe(1);
    expect(await repo.count()).toBe(before - 1);
    expect(await repo.existsBy({ id: old.id })).toBe(false);
    expect(await t.app.get(ValidationsPurgeJob).run(systemActor('test'))).toBe(0);
  });
});
