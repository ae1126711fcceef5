import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { AuditLogEntity } from '../src/audit/audit-log.entity';
import { DocumentEntity } from '../src/applications/document.entity';
import { engine } from './support/databases';
import {
  approve,
  draftApplication,
  sampleElf,
  sampleJpeg,
  samplePdf,
  samplePng,
} from './support/enrolment-factory';
import { startApp, TestApp } from './support/test-app';

/** Collects a binary response body whatever its content type. */
const binary = (res: Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe(`Documents attached to applications (${engine})`, () => {
  let t: TestApp;
  let caseWorker: string;
  let auditor: string;
  let merchant: string;

  const upload = (
    token: string,
    applicationId: string,
    file: Buffer,
    filename: string,
    kind = 'birth_certificate',
  ) =>
    t.http
      .post(`/api/v1/applications/${applicationId}/documents`)
      .auth(token, { type: 'bearer' })
      .field('kind', kind)
      .attach('file', file, { filename, contentType: 'application/octet-stream' });
  const get = (token: string, url: string) => t.http.get(url).auth(token, { type: 'bearer' });
  const download = (token: string, id: string) =>
    get(token, `/api/v1/documents/${id}`).buffer(true).parse(binary);
  const folder = (applicationId: string) => join(t.db.dataDir, 'documents', applicationId);
  const filesIn = (applicationId: string) =>
    existsSync(folder(applicationId)) ? readdirSync(folder(applicationId)) : [];
  const rows = (applicationId: string) =>
    t.dataSource.getRepository(DocumentEntity).findBy({ applicationId });
  const audits = (action: string, entityId: string) =>
    t.dataSource.getRepository(AuditLogEntity).findBy({ action, entityId });

  beforeAll(async () => {
    t = await startApp();
    caseWorker = (await t.newUser('case_worker')).token;
    auditor = (await t.newUser('auditor')).token;
    merchant = (await t.newUser('merchant_owner')).token;
  });
  afterAll(() => t.close());

  it('stores PDF, JPEG and PNG under DATA_DIR/documents and gives back the identical bytes', async () => {
    const draft = await draftApplication(t);
    const token = draft.family.token;
    const samples = [
      { file: samplePdf(), name: 'akt urodzenia.pdf', type: 'application/pdf', saved: 'akt urodzenia.pdf' },
      { file: sampleJpeg(), name: 'zdjęcie.JPG', type: 'image/jpeg', saved: 'zdjęcie.jpg' },
      { file: samplePng(), name: 'scan.png', type: 'image/png', saved: 'scan.png' },
    ];
    const ids: string[] = [];
    for (const s of samples) {
      const res = await upload(token, draft.applicationId, s.file, s.name);
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        applicationId: draft.applicationId,
        kind: 'birth_certificate',
        fileName: s.name,
        mediaType: s.type,
        size: s.file.length,
        sha256: sha256(s.file),
        createdAt: expect.any(String),
      });
      ids.push(res.body.id);

      const path = join(folder(draft.applicationId), res.body.id);
      expect(readFileSync(path)).toEqual(s.file);
      expect(statSync(path).mode & 0o777).toBe(0o600);
      expect(statSync(folder(draft.applicationId)).mode & 0o777).toBe(0o700);
      expect((await audits('document.upload', res.body.id))[0].summary).toEqual({
        applicationId: draft.applicationId,
        kind: 'birth_certificate',
        size: s.file.length,
        mediaType: s.type,
      });
    }
    expect(filesIn(draft.applicationId).sort()).toEqual([...ids].sort());

    const list = await get(token, `/api/v1/applications/${draft.applicationId}/documents`).expect(200);
    expect(list.body.map((d: { id: string }) => d.id).sort()).toEqual([...ids].sort());

    for (const [i, s] of samples.entries()) {
      const res = await download(token, ids[i]).expect(200);
      expect(res.body).toEqual(s.file);
      expect(res.headers['content-type']).toBe(s.type);
      expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(s.saved)}`);
      expect(res.headers['content-disposition']).toMatch(/^attachment;/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['cache-control']).toBe('no-store');
    }
    // The family reading its own documents is not an audit event; staff reading them is.
    expect(await audits('document.read', ids[0])).toHaveLength(0);
  });

  it('takes files larger than the JSON body limit, up to DOCUMENT_MAX_BYTES', async () => {
    const draft = await draftApplication(t);
    // BODY_LIMIT_BYTES (1 MiB) bounds JSON bodies; multipart uploads have their own limit (5 MB by default).
    const scan = Buffer.concat([samplePdf(), Buffer.alloc(3 * 1024 * 1024, 0x20)]);
    const res = await upload(draft.family.token, draft.applicationId, scan, 'scan.pdf').expect(201);
    expect(res.body).toMatchObject({ size: scan.length, sha256: sha256(scan) });
    // Compared by hash: a deep equality of megabytes is slow in jest.
    expect(sha256((await download(draft.family.token, res.body.id).expect(200)).body)).toBe(sha256(scan));
  });

  it('refuses an executable renamed .pdf with 415, storing nothing', async () => {
    const draft = await draftApplication(t);
    const res = await upload(draft.family.token, draft.applicationId, sampleElf(), 'statement.pdf');
    expect(res.status).toBe(415);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors).toEqual([{ field: 'file', message: expect.any(String) }]);
    expect(await rows(draft.applicationId)).toEqual([]);
    expect(filesIn(draft.applicationId)).toEqual([]);
  });

  it.each<[string, () => Buffer, string, string]>([
    ['an empty file', () => Buffer.alloc(0), 'other', 'file'],
    ['an unknown kind', samplePdf, 'passport', 'kind'],
  ])('refuses %s with 400 naming the field', async (_name, file, kind, field) => {
    const draft = await draftApplication(t);
    const res = await upload(draft.family.token, draft.applicationId, file(), 'x.pdf', kind);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
    expect(filesIn(draft.applicationId)).toEqual([]);
  });

  it('refuses a request without a file, and one that is not multipart', async () => {
    const draft = await draftApplication(t);
    const noFile = await t.http
      .post(`/api/v1/applications/${draft.applicationId}/documents`)
      .auth(draft.family.token, { type: 'bearer' })
      .field('kind', 'other');
    expect(noFile.status).toBe(400);
    expect(noFile.body.errors).toEqual([{ field: 'file', message: 'file is required' }]);
    const json = await t.http
      .post(`/api/v1/applications/${draft.applicationId}/documents`)
      .auth(draft.family.token, { type: 'bearer' })
      .send({ kind: 'other' });
    expect(json.status).toBe(415);
    expect(json.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it.each([
    ['cut short', 'multipart/form-data; boundary=b', '--b\r\nContent-Disp'],
    [
      'without its closing boundary',
      'multipart/form-data; boundary=b',
      '--b\r\nContent-Disposition: form-data; name="kind"\r\n\r\nother\r\n',
    ],
    ['with another boundary than declared', 'multipart/form-data; boundary=zzz', '--b\r\nx\r\n--b--\r\n'],
  ])(
    'refuses a multipart body %s with 400, storing nothing (a 500 before; found by fuzzing)',
    async (_name, type, body) => {
      const draft = await draftApplication(t);
      const res = await t.http
        .post(`/api/v1/applications/${draft.applicationId}/documents`)
        .auth(draft.family.token, { type: 'bearer' })
        .set('Content-Type', type)
        .send(body);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(filesIn(draft.applicationId)).toEqual([]);
    },
  );

  it('keeps each family to its own documents (404) and merchants out (403)', async () => {
    const mine = await draftApplication(t, 'Nowak');
    const theirs = await draftApplication(t, 'Wiśniewski');
    const doc = (await upload(mine.family.token, mine.applicationId, samplePdf(), 'a.pdf').expect(201)).body;
    const other = theirs.family.token;

    await upload(other, mine.applicationId, samplePdf(), 'b.pdf').expect(404);
    await get(other, `/api/v1/applications/${mine.applicationId}/documents`).expect(404);
    const read = await download(other, doc.id).expect(404);
    expect(read.headers['content-type']).toMatch(/^application\/problem\+json/);
    await t.http.delete(`/api/v1/documents/${doc.id}`).auth(other, { type: 'bearer' }).expect(404);

    await upload(merchant, mine.applicationId, samplePdf(), 'c.pdf').expect(403);
    await get(merchant, `/api/v1/applications/${mine.applicationId}/documents`).expect(403);
    await download(merchant, doc.id).expect(403);
    await upload(auditor, mine.applicationId, samplePdf(), 'd.pdf').expect(403);

    expect((await rows(mine.applicationId)).map((d) => d.id)).toEqual([doc.id]);
    expect(filesIn(mine.applicationId)).toEqual([doc.id]);
  });

  it('lets staff read every document, auditing each read', async () => {
    const draft = await draftApplication(t);
    const doc = (await upload(draft.family.token, draft.applicationId, samplePng(), 'p.png').expect(201))
      .body;
    for (const token of [caseWorker, auditor, await t.adminToken()]) {
      const res = await download(token, doc.id).expect(200);
      expect(res.body).toEqual(samplePng());
    }
    const reads = await audits('document.read', doc.id);
    expect(new Set(reads.map((a) => a.actorLabel)).size).toBe(3);
    expect(reads.every((a) => JSON.stringify(a.summary).includes(draft.applicationId))).toBe(true);
  });

  it('lets the family change documents only while the application is theirs; case workers attach later too', async () => {
    const draft = await draftApplication(t);
    const token = draft.family.token;
    const first = (await upload(token, draft.applicationId, samplePdf(), 'one.pdf').expect(201)).body;
    const second = (await upload(token, draft.applicationId, samplePdf(), 'two.pdf').expect(201)).body;

    await t.http.delete(`/api/v1/documents/${first.id}`).auth(token, { type: 'bearer' }).expect(204);
    expect((await rows(draft.applicationId)).map((d) => d.id)).toEqual([second.id]);
    expect(filesIn(draft.applicationId)).toEqual([second.id]);
    expect(await audits('document.delete', first.id)).toHaveLength(1);

    const enrolled = await approve(t, caseWorker, draft);
    const late = await upload(token, draft.applicationId, samplePdf(), 'late.pdf');
    expect(late.status).toBe(409);
    await t.http.delete(`/api/v1/documents/${second.id}`).auth(token, { type: 'bearer' }).expect(409);
    // Approved is closed for staff too; the family still reads its documents through the family it joined.
    await upload(caseWorker, draft.applicationId, samplePdf(), 'x.pdf').expect(409);
    const doc = await t.dataSource.getRepository(DocumentEntity).findOneByOrFail({ id: second.id });
    expect(doc.familyId).toBe(enrolled.familyId);
    await download(token, second.id).expect(200);
  });

  it('lets a case worker attach to a submitted application', async () => {
    const draft = await draftApplication(t);
    await t.http
      .post(`/api/v1/applications/${draft.applicationId}/submit`)
      .auth(draft.family.token, { type: 'bearer' })
      .send({})
      .expect(200);
    await upload(draft.family.token, draft.applicationId, samplePdf(), 'late.pdf').expect(409);
    const res = await upload(caseWorker, draft.applicationId, sampleJpeg(), 'counter-scan.jpg').expect(201);
    expect(res.body.mediaType).toBe('image/jpeg');
  });
});

describe(`Documents over the size limit (${engine})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp({ env: { DOCUMENT_MAX_BYTES: '2048' } });
  });
  afterAll(() => t.close());

  it('refuses a file over DOCUMENT_MAX_BYTES with 413 naming the field, and keeps nothing', async () => {
    const draft = await draftApplication(t);
    const big = Buffer.concat([samplePdf(), Buffer.alloc(4096, 0x20)]);
    const res = await t.http
      .post(`/api/v1/applications/${draft.applicationId}/documents`)
      .auth(draft.family.token, { type: 'bearer' })
      .field('kind', 'other')
      .attach('file', big, { filename: 'big.pdf', contentType: 'application/pdf' });
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 413, errors: [{ field: 'file', message: expect.any(String) }] });
    expect(
      await t.dataSource.getRepository(DocumentEntity).countBy({ applicationId: draft.applicationId }),
    ).toBe(0);
    const dir = join(t.db.dataDir, 'documents', draft.applicationId);
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);

    const fits = Buffer.concat([samplePdf(), Buffer.alloc(2048 - samplePdf().length, 0x20)]);
    await t.http
      .post(`/api/v1/applications/${draft.applicationId}/documents`)
      .auth(draft.family.token, { type: 'bearer' })
      .field('kind', 'other')
      .attach('file', fits, { filename: 'fits.pdf', contentType: 'application/pdf' })
      .expect(201);
  });
});
