import { crc32, deflateSync } from 'node:zlib';
import { ADDRESS, largeFamily, MemberInput } from './enrolment';
import type { TestApp, TestUser } from './test-app';

/** Applications and families made through the API, as a family and a case worker would. */
export interface Draft {
  family: TestUser;
  applicationId: string;
  members: MemberInput[];
}

export interface Enrolled extends Draft {
  familyId: string;
}

const as = (t: TestApp, token: string) => ({
  post: (url: string, body: object = {}) => t.http.post(url).auth(token, { type: 'bearer' }).send(body),
});

async function expectOk(res: { status: number; body: unknown }, what: string): Promise<void> {
  if (res.status >= 300) throw new Error(`${what} failed: ${res.status} ${JSON.stringify(res.body)}`);
}

/** A new family user with a draft new-family application for two parents and three young children. */
export async function draftApplication(t: TestApp, lastName = 'Kowalski'): Promise<Draft> {
  const family = await t.newUser('family');
  const members = largeFamily(lastName);
  const res = await as(t, family.token).post('/api/v1/applications', {
    type: 'new_family',
    ...ADDRESS,
    phone: '+48 600 100 200',
    members,
  });
  await expectOk(res, 'create application');
  return { family, applicationId: res.body.id, members };
}

/** Submits, reviews and approves a draft: the family is enrolled and the user belongs to it. */
export async function approve(t: TestApp, caseWorker: string, draft: Draft): Promise<Enrolled> {
  const id = draft.applicationId;
  await expectOk(await as(t, draft.family.token).post(`/api/v1/applications/${id}/submit`), 'submit');
  await expectOk(await as(t, caseWorker).post(`/api/v1/applications/${id}/start-review`), 'start review');
  const res = await as(t, caseWorker).post(`/api/v1/applications/${id}/approve`, { reason: 'meets_rules' });
  await expectOk(res, 'approve');
  return { ...draft, familyId: res.body.familyId };
}

export async function enrolFamily(t: TestApp, caseWorker: string, lastName = 'Kowalski'): Promise<Enrolled> {
  return approve(t, caseWorker, await draftApplication(t, lastName));
}

/** A one-page PDF with a correct cross-reference table. */
export function samplePdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 72 72] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets = objects.map((o, i) => {
    const at = body.length;
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A 1×1 white PNG: signature, IHDR, one deflated scanline, IEND, each chunk with its CRC. */
export function samplePng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    typed.copy(out, 4);
    out.writeUInt32BE(crc32(typed), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]); // 1×1, 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.from([0, 255, 255, 255]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A 1×1 mid-grey baseline JPEG: one 8×8 block whose DC difference and AC coefficients are all zero, coded with
 * one-symbol Huffman tables (DC category 0 and AC end-of-block, both the 1-bit code 0).
 */
export function sampleJpeg(): Buffer {
  const segment = (marker: number, data: number[]) => [
    0xff,
    marker,
    (data.length + 2) >> 8,
    (data.length + 2) & 0xff,
    ...data,
  ];
  const oneSymbolTable = (tableClassAndId: number) => [tableClassAndId, 1, ...new Array(15).fill(0), 0x00];
  return Buffer.from([
    0xff,
    0xd8,
    ...segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    ...segment(0xdb, [0x00, ...new Array(64).fill(1)]),
    ...segment(0xc0, [8, 0, 1, 0, 1, 1, 1, 0x11, 0]),
    ...segment(0xc4, oneSymbolTable(0x00)),
    ...segment(0xc4, oneSymbolTable(0x10)),
    ...segment(0xda, [1, 1, 0x00, 0, 63, 0]),
    0x3f, // DC "0", EOB "0", padded with ones
    0xff,
    0xd9,
  ]);
}

/** What an attacker would try: an ELF executable with a `.pdf` name. */
export function sampleElf(): Buffer {
  return Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(120)]);
}
