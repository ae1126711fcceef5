import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from './support/cli';
import { openProbe, Probe } from './support/crash-db';
import { startWriteLoad } from './support/crash-load';
import { cliProcess, ServerProcess, startServer, waitFor } from './support/crash-process';
import { MEMBERS_PER_FAMILY, writeRegister } from './support/crash-register';
import { engine, ScratchDatabase, scratchDatabase } from './support/databases';
import { inspectPdf } from './support/pdf-inspect';
import { ADDRESS, largeFamily } from './support/enrolment';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startApp } from './support/test-app';

/**
 * Each operation is killed with SIGKILL (no shutdown hook, no rollback by the process) at a moment watched
 * from outside — rows appearing in the database, a file growing — and the database is then checked as a
 * restarted service finds it. One database for the whole file: each part starts from what the last left.
 */
describe(`crash safety: SIGKILL in the middle (${engine})`, () => {
  let db: ScratchDatabase;
  let probe: Probe;

  beforeAll(async () => {
    db = await scratchDatabase();
    // The first start creates the schema, the default programme and the admin, as an installation does.
    await (await startApp({ db })).close();
    probe = await openProbe(db);
  });
  afterAll(async () => {
    await probe?.close();
    await db?.drop();
  });

  describe('a family import', () => {
    const FAMILIES = 4000;
    const BATCH = 200;

    /** Every family is there with all its members or not at all, and the imported ones are the file's first. */
    async function expectWholeFamilies(refs: string[]): Promise<number> {
      const counts = await probe.rows<{ ref: string; n: number | string }>(
        `SELECT f.external_ref AS ref, count(m.id) AS n FROM families f LEFT JOIN members m ON m.family_id = f.id
         WHERE f.external_ref LIKE 'CR-%' GROUP BY f.id, f.external_ref ORDER BY f.external_ref`,
      );
      expect(counts.filter((c) => Number(c.n) !== MEMBERS_PER_FAMILY)).toEqual([]);
      // Batches commit in file order, one transaction each: what is there is a whole number of batches.
      expect(counts.map((c) => c.ref)).toEqual(refs.slice(0, counts.length));
      expect(counts.length % BATCH).toBe(0);
      const audited = await probe.rows<{ summary: unknown }>(
        "SELECT summary FROM audit_log WHERE action = 'family.import'",
      );
      const summaries = audited.map((a) =>
        typeof a.summary === 'string' ? JSON.parse(a.summary) : a.summary,
      ) as { families: number; members: number }[];
      expect(summaries.reduce((n, s) => n + s.families, 0)).toBe(counts.length);
      expect(summaries.reduce((n, s) => n + s.members, 0)).toBe(counts.length * MEMBERS_PER_FAMILY);
      return counts.length;
    }

    it('leaves no family half-imported, and each re-run imports only what is missing', async () => {
      const file = join(db.dataDir, 'register.csv');
      const refs = writeRegister(file, FAMILIES);
      const imported = () => probe.number("SELECT count(*) FROM families WHERE external_ref LIKE 'CR-%'");
      const args = ['import:families', file, '--batch-size', String(BATCH)];

      // Killed twice: right after its first batch, then a few batches into the re-run.
      let before = 0;
      for (const batchesMore of [1, 4]) {
        const run = cliProcess(db, args);
        const target = before + batchesMore * BATCH;
        const seen = await waitFor(async () => (await imported()) >= target, run);
        const exit = await run.kill();
        expect({ seen, exit, output: run.output() }).toMatchObject({
          seen: true,
          exit: { signal: 'SIGKILL' },
        });
        const now = await expectWholeFamilies(refs);
        expect(now).toBeGreaterThanOrEqual(target);
        expect(now).toBeLessThan(FAMILIES);
        process.stdout.write(
          `import killed with ${now} of ${FAMILIES} families imported (${now / BATCH} batches committed)\n`,
        );
        before = now;
      }

      const rerun = cliProcess(db, args);
      expect(await rerun.exited).toEqual({ code: 0, signal: null });
      const summary = /^families\s+(\d+)\s+(\d+)\s+(\d+)$/m.exec(rerun.output());
      expect(summary?.slice(1).map(Number)).toEqual([FAMILIES - before, before, 0]);
      expect(await expectWholeFamilies(refs)).toBe(FAMILIES);
    }, 300_000);
  });

  describe('card issuance and submissions while the service runs', () => {
    const APPLICATIONS = 40;
    let server: ServerProcess;
    let admin: string;

    afterAll(async () => {
      await server?.kill();
    });

    const post = async (path: string, body: object = {}) => {
      const res = await server.request('POST', path, admin, body);
      if (res.status >= 300) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    };
    let paper = 0;
    const paperApplication = async () =>
      String(
        (
          await post('/api/v1/applications', {
            type: 'new_family',
            ...ADDRESS,
            email: `paper-${++paper}@test.example`,
            members: largeFamily(`Wiśniewski${paper}`),
          })
        ).id,
      );

    /** No card number twice, no approved application without its cards, no cards without an approval. */
    async function expectConsistentCards(): Promise<void> {
      expect(await probe.rows('SELECT number FROM cards GROUP BY number HAVING count(*) > 1')).toEqual([]);
      const lacking = await probe.rows(
        `SELECT a.id FROM applications a WHERE a.status = 'approved' AND (a.family_id IS NULL OR
           (SELECT count(*) FROM cards c WHERE c.family_id = a.family_id AND c.status = 'active') <>
           (SELECT count(*) FROM members m WHERE m.family_id = a.family_id))`,
      );
      expect(lacking).toEqual([]);
      const orphans = await probe.number(
        `SELECT count(*) FROM cards c WHERE NOT EXISTS
           (SELECT 1 FROM applications a WHERE a.family_id = c.family_id AND a.status = 'approved')
         AND NOT EXISTS (SELECT 1 FROM families f WHERE f.id = c.family_id AND f.external_ref IS NOT NULL)`,
      );
      expect(orphans).toBe(0);
    }

    const statusOf = async (ids: string[]) =>
      new Map(
        (
          await probe.rows<{ id: string; status: string }>(
            `SELECT id, status FROM applications WHERE id IN (${ids.map((id) => `'${id}'`).join(',') || "''"})`,
          )
        ).map((r) => [r.id, r.status]),
      );

    it('a killed service leaves every approval whole and every acknowledged submission, and approving resumes', async () => {
      server = await startServer(db);
      admin = await server.login(ADMIN_EMAIL, ADMIN_PASSWORD);
      const queue: string[] = [];
      const inReview = async () => {
        while (queue.length < APPLICATIONS) {
          queue.push('');
          const id = await paperApplication();
          await post(`/api/v1/applications/${id}/submit`);
          await post(`/api/v1/applications/${id}/start-review`);
          queue[queue.indexOf('')] = id;
        }
      };
      await Promise.all([inReview(), inReview(), inReview()]);

      // Approvals (each issues five cards) and new submissions at the same time; killed a quarter of the way.
      const pending = [...queue];
      const submissions = startWriteLoad(async () => {
        const id = await paperApplication();
        await post(`/api/v1/applications/${id}/submit`);
        return id;
      }, 2);
      await waitFor(async () => submissions.acked.length >= 2, server);
      const approvals = startWriteLoad(async () => {
        const id = pending.shift();
        if (!id) return new Promise<null>(() => undefined); // nothing left: wait for the kill
        await post(`/api/v1/applications/${id}/approve`, { reason: 'meets_rules' });
        return id;
      }, 4);
      const seen = await waitFor(async () => approvals.acked.length >= APPLICATIONS / 4, server, 120_000, 5);
      const failedBefore = approvals.failed + submissions.failed;
      const exit = await server.kill();
      expect({ seen, exit, failedBefore }).toEqual({
        seen: true,
        exit: { code: null, signal: 'SIGKILL' },
        failedBefore: 0,
      });
      const ackedApprovals = approvals.acked.map((a) => a.id);
      const ackedSubmissions = submissions.acked.map((a) => a.id);
      await Promise.race([
        Promise.all([approvals.stop(), submissions.stop()]),
        new Promise((r) => setTimeout(r, 2000)),
      ]);
      expect(ackedApprovals.length).toBeLessThan(APPLICATIONS);

      await expectConsistentCards();
      const approved = await statusOf(ackedApprovals);
      expect(ackedApprovals.filter((id) => approved.get(id) !== 'approved')).toEqual([]);
      const submitted = await statusOf(ackedSubmissions);
      expect(ackedSubmissions.filter((id) => submitted.get(id) !== 'submitted')).toEqual([]);
      const states = await statusOf(queue);
      const left = queue.filter((id) => states.get(id) !== 'approved');
      // What was in flight either committed whole (approved, with cards) or not at all (still in review).
      expect(left.filter((id) => states.get(id) !== 'in_review')).toEqual([]);
      process.stdout.write(
        `service killed after ${ackedApprovals.length} acknowledged approvals ` +
          `(${APPLICATIONS - left.length} committed) and ${ackedSubmissions.length} acknowledged submissions\n`,
      );

      // Restarted on the same database, the interrupted work is simply done again.
      server = await startServer(db);
      admin = await server.login(ADMIN_EMAIL, ADMIN_PASSWORD);
      for (const id of left) await post(`/api/v1/applications/${id}/approve`, { reason: 'meets_rules' });
      for (const id of ackedSubmissions) {
        await post(`/api/v1/applications/${id}/start-review`);
        await post(`/api/v1/applications/${id}/approve`, { reason: 'meets_rules' });
      }
      await expectConsistentCards();
      const approvedNow = APPLICATIONS + ackedSubmissions.length;
      expect(await probe.number("SELECT count(*) FROM applications WHERE status = 'approved'")).toBe(
        approvedNow,
      );
      expect(await probe.number("SELECT count(*) FROM cards WHERE status = 'active'")).toBe(
        approvedNow * MEMBERS_PER_FAMILY,
      );
    }, 300_000);

    it('a killed print batch is all or nothing, and its sheets can be had again', async () => {
      const waiting = await probe.number(
        "SELECT count(*) FROM cards WHERE status = 'active' AND print_batch_id IS NULL",
      );
      expect(waiting).toBeGreaterThanOrEqual(APPLICATIONS * MEMBERS_PER_FAMILY);
      const out = join(db.dataDir, 'print.pdf');
      const run = cliProcess(db, ['cards:print', '--out', out]);
      // Killed while it writes the PDF (past the first sheet): the batch has committed, the sheets are half done.
      const seen = await waitFor(async () => existsSync(out) && statSync(out).size > 10_000, run, 120_000, 5);
      const exit = await run.kill();
      expect({ seen, exit, output: run.output() }).toMatchObject({ seen: true, exit: { signal: 'SIGKILL' } });
      expect(readFileSync(out).includes('%%EOF')).toBe(false);
      const killedSize = statSync(out).size;

      const batches = await probe.rows<{ id: string; cards: number | string }>(
        'SELECT id, cards FROM card_print_batches',
      );
      expect(batches).toHaveLength(1);
      const [batch] = batches;
      expect(Number(batch.cards)).toBe(waiting);
      const inBatch = `print_batch_id = '${batch.id}'`;
      expect(
        await probe.number(`SELECT count(*) FROM cards WHERE ${inBatch} AND printed_at IS NOT NULL`),
      ).toBe(waiting);
      expect(await probe.number('SELECT count(*) FROM cards WHERE print_batch_id IS NULL')).toBe(0);
      expect(await probe.number("SELECT count(*) FROM card_events WHERE type = 'printed'")).toBe(waiting);

      // The sheets of the committed batch are downloaded again, whole; a new run finds nothing left to print.
      const pdf = await fetch(`${server.url}/api/v1/print-batches/${batch.id}/pdf`, {
        headers: { authorization: `Bearer ${admin}` },
      });
      expect(pdf.status).toBe(200);
      const bytes = Buffer.from(await pdf.arrayBuffer());
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect(bytes.subarray(-8).toString()).toMatch(/%%EOF\s*$/);
      expect(bytes.length).toBeGreaterThan(statSync(out).size);
      // …or written again by the CLI, over the broken file.
      const rewritten = await cli(db, ['cards:print', '--batch', batch.id, '--out', out]);
      expect(rewritten).toMatchObject({ code: 0, stdout: expect.stringContaining(`${waiting} cards on`) });
      const file = readFileSync(out);
      expect(file.subarray(-8).toString()).toMatch(/%%EOF\s*$/);
      const [downloaded, written] = [await inspectPdf(bytes), await inspectPdf(file)];
      expect(written.pages.map((p) => p.text)).toEqual(downloaded.pages.map((p) => p.text));
      expect(written.pages).toHaveLength(Math.ceil(waiting / 10));
      const again = await cli(db, ['cards:print', '--out', join(db.dataDir, 'again.pdf')]);
      expect(again).toMatchObject({
        code: 0,
        stdout: expect.stringMatching(/No cards are waiting to be printed/),
      });
      process.stdout.write(
        `print batch of ${waiting} cards killed with ${killedSize} bytes of its PDF written; ` +
          `downloaded again: ${bytes.length} bytes; written again by cards:print --batch: ${file.length} bytes\n`,
      );
    }, 300_000);
  });
});
