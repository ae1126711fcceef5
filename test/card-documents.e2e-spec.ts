import { createPublicKey, KeyObject, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditLogEntity } from '../src/audit/audit-log.entity';
import { CardEventEntity } from '../src/cards/card-event.entity';
import { CardEntity } from '../src/cards/card.entity';
import { PrintBatchEntity } from '../src/cards/print-batch.entity';
import { verifyQrText } from '../src/cards/token/card-token';
import type { MemberRole } from '../src/programmes/eligibility/eligibility.types';
import { cli } from './support/cli';
import { engine } from './support/databases';
import { ADDRESS, peselFor } from './support/enrolment';
import { approve, enrolFamily } from './support/enrolment-factory';
import { inspectPdf } from './support/pdf-inspect';
import { startApp, TestApp } from './support/test-app';

/** The names the issue asks for, as a family's members; children young enough to qualify whenever this runs. */
const year = new Date().getFullYear();
const MEMBERS = [
  { firstName: 'Łukasz', lastName: 'Żółć', birthDate: '1984-05-06', role: 'parent' },
  { firstName: 'Győző', lastName: 'Ödön', birthDate: '1986-07-08', role: 'spouse' },
  { firstName: 'Ștefan', lastName: 'Țurcanu', birthDate: `${year - 5}-02-03`, role: 'child' },
  { firstName: 'Десислава', lastName: 'Стоянова', birthDate: `${year - 7}-04-05`, role: 'child' },
  { firstName: 'Иван', lastName: 'Петров', birthDate: `${year - 9}-06-07`, role: 'child' },
].map((m) => ({ ...m, role: m.role as MemberRole, nationalId: peselFor(m.birthDate) }));

const wholePage = (page: number) => ({ page, x: 0, y: 0, width: 85.6, height: 53.98 });

describe(`card PDFs through the API (${engine})`, () => {
  let t: TestApp;
  let caseWorker: string;
  let familyId: string;
  let familyToken: string;
  let dir: string;

  const get = (url: string, token: string) =>
    t.http
      .get(url)
      .auth(token, { type: 'bearer' })
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });

  async function keys(): Promise<Map<string, KeyObject>> {
    const res = await t.http.get('/.well-known/jwks.json').expect(200);
    return new Map(
      (res.body.keys as { kid: string }[]).map((jwk) => [
        jwk.kid,
        createPublicKey({ key: jwk, format: 'jwk' }),
      ]),
    );
  }

  beforeAll(async () => {
    t = await startApp();
    dir = mkdtempSync(join(tmpdir(), 'fc-cards-pdf-'));
    caseWorker = (await t.newUser('case_worker')).token;
    const family = await t.newUser('family');
    familyToken = family.token;
    const draft = await t.http
      .post('/api/v1/applications')
      .auth(family.token, { type: 'bearer' })
      .send({ type: 'new_family', ...ADDRESS, members: MEMBERS })
      .expect(201);
    familyId = (await approve(t, caseWorker, { family, applicationId: draft.body.id, members: MEMBERS }))
      .familyId;
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the family PDF has every name exactly, and each QR read from a 200-dpi render verifies against the JWKS', async () => {
    const res = await get(`/api/v1/families/${familyId}/cards/pdf`, familyToken).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const cards = await t.dataSource.getRepository(CardEntity).findBy({ familyId });
    expect(cards).toHaveLength(5);
    const pdf = await inspectPdf(res.body as Buffer, { qr: cards.map((_, i) => wholePage(i + 1)) });

    expect(pdf.pages).toHaveLength(5);
    for (const page of pdf.pages) {
      expect((page.width / 72) * 25.4).toBeCloseTo(85.6, 1);
      expect((page.height / 72) * 25.4).toBeCloseTo(53.98, 1);
    }
    const text = pdf.pages.map((p) => p.text).join('\n');
    for (const m of MEMBERS) expect(text).toContain(`${m.firstName} ${m.lastName}`);
    // Never the national ID.
    for (const m of MEMBERS) expect(text).not.toContain(m.nationalId);

    const published = await keys();
    const names = pdf.qr.map((q) => {
      const verified = verifyQrText(q.text ?? '', (kid) => published.get(kid) ?? null);
      expect(verified.status).toBe('valid');
      return verified.status === 'valid' ? verified.claims.name : null;
    });
    expect(names.sort()).toEqual(MEMBERS.map((m) => `${m.firstName} ${m.lastName}`).sort());
  });

  it('one card’s PDF is its own; another family gets 404', async () => {
    const [card] = await t.dataSource.getRepository(CardEntity).findBy({ familyId });
    const res = await get(`/api/v1/cards/${card.id}/pdf`, caseWorker).expect(200);
    const pdf = await inspectPdf(res.body as Buffer, { qr: [wholePage(1)] });
    expect(pdf.pages).toHaveLength(1);
    const detail = await t.http
      .get(`/api/v1/cards/${card.id}`)
      .auth(caseWorker, { type: 'bearer' })
      .expect(200);
    expect(pdf.qr[0].text).toBe(detail.body.qrText);
    const stranger = await t.newUser('family');
    await get(`/api/v1/cards/${card.id}/pdf`, stranger.token).expect(404);
    await get(`/api/v1/families/${familyId}/cards/pdf`, stranger.token).expect(404);
    // Staff asking for a family without live cards get a clear 404, not a failed render.
    await get(`/api/v1/families/${randomUUID()}/cards/pdf`, caseWorker).expect(404);
    // A card that is no longer live is not printed.
    await t.http
      .post(`/api/v1/cards/${card.id}/revoke`)
      .auth(caseWorker, { type: 'bearer' })
      .send({ reason: 'other' })
      .expect(200);
    const refused = await get(`/api/v1/cards/${card.id}/pdf`, caseWorker).expect(409);
    expect(JSON.parse((refused.body as Buffer).toString()).type).toMatch(/card-not-live$/);
  });

  it('a print batch takes every unprinted card once, marks it printed, and streams A4 sheets of 10', async () => {
    for (let i = 0; i < 2; i++) await enrolFamily(t, caseWorker, `Drukarski${i}`);
    const unprinted = (await t.dataSource.getRepository(CardEntity).findBy({ status: 'active' })).filter(
      (c) => c.printBatchId === null,
    ).length;
    expect(unprinted).toBeGreaterThan(10);

    const batch = await t.http
      .post('/api/v1/print-batches')
      .auth(caseWorker, { type: 'bearer' })
      .send({})
      .expect(201);
    expect(batch.body.cards).toBe(unprinted);
    const events = await t.dataSource.getRepository(CardEventEntity).countBy({ type: 'printed' });
    expect(events).toBe(unprinted);
    const again = await t.http
      .post('/api/v1/print-batches')
      .auth(caseWorker, { type: 'bearer' })
      .send({})
      .expect(201);
    expect(again.body.cards).toBe(0);

    const audited = () =>
      t.dataSource.getRepository(AuditLogEntity).countBy({ action: 'card.print.download' });
    const downloadsBefore = await audited();
    const res = await get(`/api/v1/print-batches/${batch.body.id}/pdf`, caseWorker).expect(200);
    expect(await audited()).toBe(downloadsBefore + 1);
    const sheets = Math.ceil(unprinted / 10);
    // The first card of the first sheet: the top-left slot.
    const pdf = await inspectPdf(res.body as Buffer, {
      qr: [{ page: 1, x: 0, y: 0, width: 105, height: 60 }],
    });
    expect(pdf.pages).toHaveLength(sheets);
    expect((pdf.pages[0].width / 72) * 25.4).toBeCloseTo(210, 0);
    expect((pdf.pages[0].height / 72) * 25.4).toBeCloseTo(297, 0);
    const published = await keys();
    expect(verifyQrText(pdf.qr[0].text ?? '', (kid) => published.get(kid) ?? null).status).toBe('valid');
    await get(`/api/v1/print-batches/${batch.body.id}/pdf`, (await t.newUser('auditor')).token).expect(403);
  });

  it('cards:print writes the next batch to a file, and says so when nothing waits', async () => {
    await enrolFamily(t, caseWorker, 'Plikowy');
    const file = join(dir, 'batch.pdf');
    const run = await cli(t.db, ['cards:print', '--out', file]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/: 5 cards on 1 A4 sheets in /);
    const pdf = await inspectPdf(readFileSync(file));
    expect(pdf.pages).toHaveLength(1);
    expect(pdf.pages[0].text).toContain('Plikowy');
    const none = await cli(t.db, ['cards:print', '--out', file]);
    expect(none.stdout).toMatch(/No cards are waiting to be printed/);

    // --batch writes that batch's sheets again (a run killed while writing them), audited as a download.
    const batchId = /Print batch ([0-9a-f-]{36}):/.exec(run.stdout)![1];
    const downloads = () =>
      t.dataSource
        .getRepository(AuditLogEntity)
        .countBy({ action: 'card.print.download', entityId: batchId });
    const before = await downloads();
    const batches = await t.dataSource.getRepository(PrintBatchEntity).count();
    const again = join(dir, 'again.pdf');
    const rerun = await cli(t.db, ['cards:print', '--batch', batchId, '--out', again]);
    expect(rerun).toMatchObject({ code: 0, stderr: '' });
    expect(rerun.stdout).toContain(`Print batch (again) ${batchId}: 5 cards on 1 A4 sheets`);
    expect((await inspectPdf(readFileSync(again))).pages.map((p) => p.text)).toEqual(
      pdf.pages.map((p) => p.text),
    );
    expect(await downloads()).toBe(before + 1);
    expect(await t.dataSource.getRepository(PrintBatchEntity).count()).toBe(batches);
    for (const wrong of [randomUUID(), 'not-a-batch']) {
      const refused = await cli(t.db, ['cards:print', '--batch', wrong, '--out', join(dir, 'no.pdf')]);
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toContain(`There is no print batch ${wrong}.`);
    }
  });
});
