import { randomUUID } from 'node:crypto';
import { AuditLogEntity } from '../src/audit/audit-log.entity';
import { systemActor } from '../src/auth/actor';
import { SessionEntity } from '../src/auth/session.entity';
import { SessionsPurgeJob } from '../src/auth/sessions-purge.job';
import { JobRunEntity } from '../src/jobs/job-run.entity';
import { JobsService } from '../src/jobs/jobs.service';
import { engine, scratchDatabase, ScratchDatabase } from './support/databases';
import { startApp, TestApp } from './support/test-app';

// Several instances share a database only on PostgreSQL. (Two SQLite instances inside one jest process would
// also block each other: better-sqlite3 waits for a lock synchronously, on the thread that holds the other.)
const instances = engine === 'postgres' ? 2 : 1;

describe(`scheduled jobs, ${instances} instance(s) on one database (${engine})`, () => {
  let db: ScratchDatabase;
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    db = await scratchDatabase();
    const env = { JOBS_ENABLED: 'true', JOBS_TICK_MS: '40' };
    a = await startApp({ db, env });
    b = instances === 2 ? await startApp({ db, env }) : a;
  });
  afterAll(async () => {
    await a?.close();
    if (b !== a) await b?.close();
    await db.drop();
  });

  (instances === 2 ? it : it.skip)('the two instances are distinct', () => {
    expect(a.app.get(JobsService).instanceId).not.toBe(b.app.get(JobsService).instanceId);
  });

  it('a job ticked by both instances at the same moment runs once', async () => {
    for (const t of new Set([a, b]))
      t.app
        .get(JobsService)
        .register({ name: 'test.same-moment', everyMs: 3_600_000, run: async () => undefined });
    // A period far ahead, so the instances' own background ticks cannot claim it first.
    const now = new Date(Date.now() + 10 * 365 * 86_400_000);
    const [ja, jb] = [a.app.get(JobsService), b.app.get(JobsService)];
    const results = await Promise.all([ja.tick(now), jb.tick(now), ja.tick(now), jb.tick(now)]);
    expect(results.filter((r) => r.includes('test.same-moment'))).toHaveLength(1);
    const rows = await a.dataSource.getRepository(JobRunEntity).findBy({ job: 'test.same-moment' });
    expect(
      rows.filter(
        (r) => new Date(r.periodStart).getTime() === Math.floor(now.getTime() / 3_600_000) * 3_600_000,
      ),
    ).toHaveLength(1);
    // The next period runs again.
    expect(await jb.tick(new Date(now.getTime() + 3_600_000))).toContain('test.same-moment');
  });

  it('the timer starts no tick while its previous tick is still running', async () => {
    // Periods of 50 ms, ticks every 40 ms, runs of 150 ms: overlapping ticks would run two at once.
    const running = new Map<string, number>();
    let most = 0;
    for (const t of new Set([a, b])) {
      const jobs = t.app.get(JobsService);
      jobs.register({
        name: 'test.slow',
        everyMs: 50,
        run: async () => {
          running.set(jobs.instanceId, (running.get(jobs.instanceId) ?? 0) + 1);
          most = Math.max(most, running.get(jobs.instanceId)!);
          await new Promise((r) => setTimeout(r, 150));
          running.set(jobs.instanceId, running.get(jobs.instanceId)! - 1);
        },
      });
    }
    await new Promise((r) => setTimeout(r, 1_000));
    const rows = await a.dataSource.getRepository(JobRunEntity).findBy({ job: 'test.slow' });
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(most).toBe(1);
  });

  it('with both schedulers running, a job runs once per period, not twice', async () => {
    const everyMs = 300;
    const executions: { instance: string; period: number }[] = [];
    for (const t of new Set([a, b])) {
      const jobs = t.app.get(JobsService);
      jobs.register({
        name: 'test.tick',
        everyMs,
        run: async (_actor, period) =>
          void executions.push({ instance: jobs.instanceId, period: period.getTime() }),
      });
    }
    await new Promise((r) => setTimeout(r, 3_000));
    const rows = await a.dataSource.getRepository(JobRunEntity).findBy({ job: 'test.tick' });
    const periods = new Set(rows.map((r) => new Date(r.periodStart).getTime()));
    expect(rows.length).toBeGreaterThanOrEqual(6);
    expect(executions).toHaveLength(rows.length);
    expect(periods.size).toBe(rows.length);
    expect(rows.every((r) => r.status === 'succeeded' || r.status === 'running')).toBe(true);
    // Each execution falls in its own period.
    const executedPeriods = new Set(executions.map((e) => e.period));
    expect(executedPeriods.size).toBe(executions.length);
    expect([...executedPeriods].sort()).toEqual([...periods].sort());
    expect(executions.every((e) => e.period % everyMs === 0)).toBe(true);
  });

  it('records a failing job as failed with its message, and keeps scheduling', async () => {
    a.app.get(JobsService).register({
      name: 'test.fails',
      everyMs: 3_600_000,
      run: async () => {
        throw new Error('boom');
      },
    });
    // A period the background schedulers cannot reach first (they may run the job for the current one).
    const future = new Date(Date.now() + 10 * 365 * 86_400_000);
    const { ran, period } = await a.app.get(JobsService).runNow('test.fails', future);
    expect(ran).toBe(true);
    const row = await a.dataSource
      .getRepository(JobRunEntity)
      .findOneBy({ job: 'test.fails', periodStart: period });
    expect(row).toMatchObject({ status: 'failed', error: 'boom' });
  });

  it('sessions.purge deletes long-expired sessions, keeps live ones, and audits the deletion', async () => {
    const user = await a.newUser('auditor');
    const sessions = a.dataSource.getRepository(SessionEntity);
    const old = randomUUID();
    await sessions.insert({
      id: old,
      userId: user.user.id,
      refreshHash: 'x'.repeat(64),
      expiresAt: new Date(Date.now() - 30 * 86_400_000),
    });
    const deleted = await a.app.get(SessionsPurgeJob).purge(systemActor('job:sessions.purge'));
    expect(deleted).toBe(1);
    expect(await sessions.existsBy({ id: old })).toBe(false);
    expect(await sessions.countBy({ userId: user.user.id })).toBe(1);
    const [row] = await a.dataSource
      .getRepository(AuditLogEntity)
      .find({ where: { action: 'session.purge' }, order: { id: 'DESC' } });
    expect(row).toMatchObject({
      actorType: 'system',
      actorLabel: 'job:sessions.purge',
      summary: expect.objectContaining({ deleted: 1 }),
    });
  });
});
