import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, Server, Socket } from 'node:net';
import { join } from 'node:path';
import { AuditLogEntity } from '../src/audit/audit-log.entity';
import { TransactionService } from '../src/database/transaction.service';
import { JobsService } from '../src/jobs/jobs.service';
import { EmailTemplate } from '../src/notifications/email-templates';
import { OutboxMessageEntity } from '../src/notifications/outbox-message.entity';
import { OutboxSender, SEND_JOB } from '../src/notifications/outbox-sender';
import { NotificationsService } from '../src/notifications/notifications.service';
import { engine } from './support/databases';
import { startApp, TestApp } from './support/test-app';

const bearer = { type: 'bearer' as const };
const MINUTE = 60_000;

const VARS = {
  programmeName: 'Karta Dużej Rodziny',
  applicationNumber: 'FC-2025-000001',
  portalUrl: 'https://karta.city.example',
};
const POLISH_SUBJECT = 'Karta Dużej Rodziny: otrzymaliśmy Twój wniosek nr FC-2025-000001';

// --- a real (tiny) SMTP server, enough for nodemailer: no TLS, no AUTH -------------------------------------

interface ReceivedMail {
  from: string;
  to: string[];
  data: string;
}

interface FakeSmtp {
  port: number;
  received: ReceivedMail[];
  close(): Promise<void>;
}

async function fakeSmtpServer(): Promise<FakeSmtp> {
  const received: ReceivedMail[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let buffer = '';
    let mail: ReceivedMail = { from: '', to: [], data: '' };
    let dataLines: string[] | null = null;
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply('220 fake.smtp.test ESMTP');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let end: number;
      while ((end = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (dataLines) {
          if (line === '.') {
            received.push({ ...mail, data: dataLines.join('\r\n') });
            mail = { from: '', to: [], data: '' };
            dataLines = null;
            reply('250 2.0.0 queued');
          } else {
            dataLines.push(line.startsWith('..') ? line.slice(1) : line);
          }
          continue;
        }
        const command = line.slice(0, 4).toUpperCase();
        if (command === 'EHLO') reply('250 fake.smtp.test');
        else if (command === 'HELO') reply('250 fake.smtp.test');
        else if (command === 'MAIL') {
          mail.from = /<([^>]*)>/.exec(line)?.[1] ?? '';
          reply('250 2.1.0 ok');
        } else if (command === 'RCPT') {
          mail.to.push(/<([^>]*)>/.exec(line)?.[1] ?? '');
          reply('250 2.1.5 ok');
        } else if (command === 'DATA') {
          dataLines = [];
          reply('354 end with <CRLF>.<CRLF>');
        } else if (command === 'RSET') {
          mail = { from: '', to: [], data: '' };
          reply('250 ok');
        } else if (command === 'NOOP') reply('250 ok');
        else if (command === 'QUIT') {
          reply('221 bye');
          socket.end();
        } else reply('502 5.5.2 command not implemented');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        sockets.forEach((s) => s.destroy());
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on: bound by us, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

// --- reading RFC 822 messages --------------------------------------------------------------------------

/** Headers (unfolded, lower-case names) and body of an RFC 822 message. */
function parseMessage(raw: string): { headers: Map<string, string>; body: string } {
  const split = raw.indexOf('\r\n\r\n');
  expect(split).toBeGreaterThan(0);
  const headers = new Map<string, string>();
  for (const line of raw
    .slice(0, split)
    .replace(/\r\n[ \t]+/g, ' ')
    .split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: raw.slice(split + 4) };
}

/** RFC 2047 encoded words (`=?UTF-8?Q?…?=`, `=?UTF-8?B?…?=`), which carry non-ASCII header text. */
function decodeWords(value: string): string {
  return value
    .replace(/(\?=)\s+(?==\?)/g, '$1')
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_, charset: string, encoding: string, text: string) => {
      expect(charset.toUpperCase()).toBe('UTF-8');
      const bytes =
        encoding.toUpperCase() === 'B'
          ? Buffer.from(text, 'base64')
          : Buffer.from(
              text
                .replace(/_/g, ' ')
                .replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
              'latin1',
            );
      return bytes.toString('utf8');
    });
}

function decodeQuotedPrintable(text: string): string {
  const latin1 = text
    .replace(/=\r\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(latin1, 'latin1').toString('utf8');
}

/** The decoded text/plain part of a multipart/alternative message. */
function plainTextPart(raw: string): string {
  const { headers, body } = parseMessage(raw);
  const boundary = /boundary="?([^";]+)"?/.exec(headers.get('content-type') ?? '')?.[1];
  expect(boundary).toBeDefined();
  const part = body.split(`--${boundary}`).find((p) => /Content-Type: text\/plain/i.test(p));
  expect(part).toBeDefined();
  const { headers: partHeaders, body: partBody } = parseMessage(part!.replace(/^\r\n/, ''));
  const encoding = partHeaders.get('content-transfer-encoding');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(partBody);
  if (encoding === 'base64') return Buffer.from(partBody, 'base64').toString('utf8');
  return partBody;
}

// --- helpers on a test app ----------------------------------------------------------------------------------

interface Enqueue {
  template?: EmailTemplate;
  to?: string;
  language?: string;
  vars?: Record<string, unknown>;
  applicationId?: string | null;
  familyId?: string | null;
}

function enqueue(t: TestApp, msg: Enqueue = {}): Promise<OutboxMessageEntity> {
  return t.app.get(TransactionService).run((em) =>
    t.app.get(NotificationsService).enqueue(em, {
      template: msg.template ?? 'application_submitted',
      to: msg.to ?? 'rodzina.kowalskich@example.org',
      language: msg.language ?? 'pl',
      vars: msg.vars ?? VARS,
      applicationId: msg.applicationId,
      familyId: msg.familyId,
    }),
  );
}

let periods = 0;
/** Runs the send job as the scheduler would, each time in a period of its own (a period runs once). */
async function runSendJob(t: TestApp): Promise<void> {
  const result = await t.app.get(JobsService).runNow(SEND_JOB, new Date(Date.now() + ++periods * 86_400_000));
  expect(result.ran).toBe(true);
  expect(result.run?.status).toBe('succeeded');
}

const outbox = (t: TestApp) => t.dataSource.getRepository(OutboxMessageEntity);
const reload = (t: TestApp, id: string) => outbox(t).findOneByOrFail({ id });
/** Makes a pending message due now, as if its back-off had passed. */
const makeDue = (t: TestApp, id: string) =>
  t.app
    .get(TransactionService)
    .run((em) => em.update(OutboxMessageEntity, { id }, { nextAttemptAt: new Date(Date.now() - 1000) }));

// --- the tests ---------------------------------------------------------------------------------------------

describe(`e-mail outbox without SMTP: .eml files (${engine})`, () => {
  let t: TestApp;
  let outboxDir: string;
  beforeAll(async () => {
    t = await startApp();
    outboxDir = join(t.db.dataDir, 'outbox');
  });
  afterAll(() => t.close());

  it('registers the send job', () => {
    expect(t.app.get(JobsService).names()).toContain(SEND_JOB);
  });

  it('stores the rendered message, pending and due now, in the caller’s transaction', async () => {
    const before = Date.now();
    const applicationId = randomUUID();
    const familyId = randomUUID();
    const m = await enqueue(t, { applicationId, familyId, to: ' rodzina@example.org ' });
    const row = await reload(t, m.id);
    expect(row).toMatchObject({
      template: 'application_submitted',
      language: 'pl',
      recipient: 'rodzina@example.org',
      subject: POLISH_SUBJECT,
      status: 'pending',
      attempts: 0,
      lastError: null,
      sentAt: null,
      applicationId,
      familyId,
    });
    expect(row.text).toContain('Dzień dobry');
    expect(row.html).toContain('<html lang="pl">');
    expect(row.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(row.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(row.createdAt.getTime()).toBe(row.nextAttemptAt.getTime());
  });

  it('writes nothing when the caller’s transaction rolls back', async () => {
    const count = await outbox(t).count();
    const work = t.app.get(TransactionService).run(async (em) => {
      await t.app.get(NotificationsService).enqueue(em, {
        template: 'application_submitted',
        to: 'rollback@example.org',
        language: 'pl',
        vars: VARS,
      });
      throw new Error('the change failed');
    });
    await expect(work).rejects.toThrow('the change failed');
    expect(await outbox(t).count()).toBe(count);
  });

  it('falls back to English for a language without templates, and refuses bad input', async () => {
    const m = await enqueue(t, { language: 'de-AT' });
    expect(m.language).toBe('en');
    expect((await reload(t, m.id)).subject).toBe(
      'Karta Dużej Rodziny: we have received your application FC-2025-000001',
    );
    await expect(enqueue(t, { to: 'not an address' })).rejects.toThrow(/not an e-mail address/);
    await expect(enqueue(t, { vars: { programmeName: 'X' } })).rejects.toThrow(/applicationNumber/);
  });

  it('the job writes each due message as an .eml file with UTF-8 headers and marks it sent', async () => {
    const m = await enqueue(t, { to: 'anna.nowak@example.org' });
    await runSendJob(t);
    const row = await reload(t, m.id);
    expect(row.status).toBe('sent');
    expect(row.sentAt).toBeInstanceOf(Date);
    expect(row.attempts).toBe(0);

    const file = join(outboxDir, `${m.id}.eml`);
    expect(existsSync(file)).toBe(true);
    expect(readdirSync(outboxDir).filter((f) => !f.endsWith('.eml'))).toEqual([]); // no temp files left
    const raw = readFileSync(file, 'utf8');
    const { headers } = parseMessage(raw);
    expect(headers.get('to')).toBe('anna.nowak@example.org');
    expect(headers.get('from')).toBe('Family Card <no-reply@localhost>');
    expect(headers.get('message-id')).toBe(`<${m.id}@localhost>`);
    expect(headers.get('subject')).toMatch(/^=\?UTF-8\?[QB]\?/i); // non-ASCII, so encoded
    expect(decodeWords(headers.get('subject')!)).toBe(POLISH_SUBJECT);
    expect(headers.get('content-type')).toMatch(/^multipart\/alternative/);
    expect(raw).toMatch(/Content-Type: text\/html; charset=utf-8/i);
    expect(plainTextPart(raw)).toContain('dziękujemy za złożenie wniosku w programie Karta Dużej Rodziny');
  });

  it('leaves messages that are not due yet, and sends each message once', async () => {
    const now = await enqueue(t);
    const later = await enqueue(t);
    await t.app
      .get(TransactionService)
      .run((em) =>
        em.update(
          OutboxMessageEntity,
          { id: later.id },
          { nextAttemptAt: new Date(Date.now() + 5 * MINUTE) },
        ),
      );
    const sent = await outbox(t).countBy({ status: 'sent' });
    await runSendJob(t);
    expect(await outbox(t).countBy({ status: 'sent' })).toBe(sent + 1);
    expect((await reload(t, now.id)).status).toBe('sent');
    expect((await reload(t, later.id)).status).toBe('pending');
    expect(existsSync(join(outboxDir, `${later.id}.eml`))).toBe(false);
    const written = readFileSync(join(outboxDir, `${now.id}.eml`));
    await runSendJob(t);
    expect(readFileSync(join(outboxDir, `${now.id}.eml`)).equals(written)).toBe(true);
    expect(await outbox(t).countBy({ status: 'sent' })).toBe(sent + 1);
  });

  describe('staff API', () => {
    const ids: string[] = [];
    const applicationId = randomUUID();
    beforeAll(async () => {
      for (let i = 0; i < 5; i++)
        ids.push((await enqueue(t, { applicationId, language: i % 2 ? 'en' : 'pl' })).id);
    });

    it('lists without bodies, newest first, filtered, with keyset pagination', async () => {
      const admin = await t.adminToken();
      const all = await t.http
        .get('/api/v1/notifications')
        .query({ applicationId })
        .auth(admin, bearer)
        .expect(200);
      expect(all.body.nextCursor).toBeNull();
      expect(all.body.items.map((n: { id: string }) => n.id).sort()).toEqual([...ids].sort());
      const first = all.body.items[0];
      expect(Object.keys(first).sort()).toEqual(
        [
          'applicationId',
          'attempts',
          'createdAt',
          'familyId',
          'id',
          'language',
          'lastError',
          'nextAttemptAt',
          'recipient',
          'sentAt',
          'status',
          'subject',
          'template',
        ].sort(),
      );
      const created = all.body.items.map((n: { createdAt: string }) => Date.parse(n.createdAt));
      expect(created).toEqual([...created].sort((a: number, b: number) => b - a));

      const paged: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await t.http
          .get('/api/v1/notifications')
          .query({ applicationId, limit: 2, ...(cursor ? { cursor } : {}) })
          .auth(admin, bearer)
          .expect(200);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        paged.push(...page.body.items.map((n) => n.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(paged).toEqual(all.body.items.map((n: { id: string }) => n.id));

      const sent = await t.http
        .get('/api/v1/notifications')
        .query({ status: 'sent' })
        .auth(admin, bearer)
        .expect(200);
      expect(sent.body.items.length).toBeGreaterThanOrEqual(2);
      expect(sent.body.items.every((n: { status: string }) => n.status === 'sent')).toBe(true);
    });

    it.each([
      [{ status: 'lost' }, 'status'],
      [{ applicationId: 'nope' }, 'applicationId'],
      [{ limit: 0 }, 'limit'],
      [{ cursor: 'not a cursor!' }, 'cursor'],
      [{ cursor: 'bm90LWEtY3Vyc29y' }, 'cursor'],
    ])('refuses %j', async (query, field) => {
      const res = await t.http
        .get('/api/v1/notifications')
        .query(query)
        .auth(await t.adminToken(), bearer)
        .expect(400);
      expect(res.body.type).toBe('/problems/validation-error');
      expect(res.body.errors[0].field).toBe(field);
    });

    it('is open to case workers and auditors, not to families or merchants', async () => {
      for (const role of ['case_worker', 'auditor'] as const) {
        const { token } = await t.newUser(role);
        await t.http.get('/api/v1/notifications').auth(token, bearer).expect(200);
      }
      for (const role of ['family', 'merchant_owner', 'merchant_cashier', 'partner_manager'] as const) {
        const { token } = await t.newUser(role);
        const res = await t.http.get('/api/v1/notifications').auth(token, bearer).expect(403);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      }
    });

    it('retry: 404 for an unknown message, 409 for a sent one, auditors may not', async () => {
      const admin = await t.adminToken();
      const missing = await t.http
        .post(`/api/v1/notifications/${randomUUID()}/retry`)
        .auth(admin, bearer)
        .send({})
        .expect(404);
      expect(missing.body.type).toBe('/problems/not-found');
      // The body is optional: no body at all is the same as {}.
      await t.http.post(`/api/v1/notifications/${randomUUID()}/retry`).auth(admin, bearer).expect(404);
      await t.http.post(`/api/v1/notifications/not-a-uuid/retry`).auth(admin, bearer).send({}).expect(400);
      await t.http
        .post(`/api/v1/notifications/${randomUUID()}/retry`)
        .auth(admin, bearer)
        .send({ note: 'x', extra: true })
        .expect(400);
      const [sent] = await outbox(t).findBy({ status: 'sent' });
      const conflict = await t.http
        .post(`/api/v1/notifications/${sent.id}/retry`)
        .auth(admin, bearer)
        .send({})
        .expect(409);
      expect(conflict.body.type).toBe('/problems/notification-sent');
      const auditor = await t.newUser('auditor');
      await t.http
        .post(`/api/v1/notifications/${ids[0]}/retry`)
        .auth(auditor.token, bearer)
        .send({})
        .expect(403);
    });
  });
});

describe(`e-mail outbox over SMTP (${engine})`, () => {
  let smtp: FakeSmtp;
  let t: TestApp;
  beforeAll(async () => {
    smtp = await fakeSmtpServer();
    t = await startApp({
      env: {
        SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
        MAIL_FROM: 'Karta Dużej Rodziny <karta@city.example>',
      },
    });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('delivers to the SMTP server and marks the message sent', async () => {
    const m = await enqueue(t, { to: 'jan.kowalski@example.org' });
    await runSendJob(t);
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail.from).toBe('karta@city.example');
    expect(mail.to).toEqual(['jan.kowalski@example.org']);
    const { headers } = parseMessage(mail.data);
    expect(decodeWords(headers.get('subject')!)).toBe(POLISH_SUBJECT);
    expect(decodeWords(headers.get('from')!)).toBe('Karta Dużej Rodziny <karta@city.example>');
    expect(headers.get('message-id')).toBe(`<${m.id}@city.example>`);
    expect(plainTextPart(mail.data)).toContain('Dzień dobry');
    const row = await reload(t, m.id);
    expect(row).toMatchObject({ status: 'sent', attempts: 0, lastError: null });
  });

  it('two senders running at once send each message exactly once (the claim)', async () => {
    smtp.received.length = 0;
    const ids = new Set<string>();
    for (let i = 0; i < 6; i++) ids.add((await enqueue(t, { to: `claim-${i}@example.org` })).id);
    const sender = t.app.get(OutboxSender);
    const reports = await Promise.all([sender.sendDue(), sender.sendDue(), sender.sendDue()]);
    expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(6);
    expect(reports.reduce((n, r) => n + r.failed, 0)).toBe(0);
    // All three looked up the same due messages; the others' claims on each one came back empty.
    expect(reports.reduce((n, r) => n + r.skipped, 0)).toBeGreaterThan(0);
    expect(smtp.received).toHaveLength(6);
    expect(new Set(smtp.received.map((m) => m.to[0])).size).toBe(6);
    for (const id of ids) expect((await reload(t, id)).status).toBe('sent');
  });
});

describe(`e-mail outbox when the SMTP server is down (${engine})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    const port = await closedPort();
    t = await startApp({
      env: { SMTP_URL: `smtp://mailer:hunter2secret@127.0.0.1:${port}`, MAIL_MAX_ATTEMPTS: '3' },
    });
  });
  afterAll(() => t.close());

  it('backs off 1 and 2 minutes, gives up after MAIL_MAX_ATTEMPTS, and a case worker can retry (audited)', async () => {
    const m = await enqueue(t);

    for (const [attempt, wait] of [
      [1, 1 * MINUTE],
      [2, 2 * MINUTE],
    ]) {
      const before = Date.now();
      await runSendJob(t);
      const row = await reload(t, m.id);
      expect(row).toMatchObject({ status: 'pending', attempts: attempt, sentAt: null });
      expect(row.lastError).toMatch(/ECONNREFUSED|connect/i);
      expect(row.lastError).not.toContain('hunter2secret');
      expect(row.lastError!.length).toBeLessThanOrEqual(500);
      expect(row.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + wait);
      expect(row.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now() + wait);
      // Not due yet: another run leaves it alone.
      await runSendJob(t);
      expect((await reload(t, m.id)).attempts).toBe(attempt);
      await makeDue(t, m.id);
    }

    await runSendJob(t);
    const failed = await reload(t, m.id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 3, sentAt: null });
    await makeDue(t, m.id);
    await runSendJob(t);
    expect(await reload(t, m.id)).toMatchObject({ status: 'failed', attempts: 3 });

    const worker = await t.newUser('case_worker');
    const res = await t.http
      .post(`/api/v1/notifications/${m.id}/retry`)
      .auth(worker.token, bearer)
      .send({ note: 'mail server repaired' })
      .expect(200);
    expect(res.body).toMatchObject({ id: m.id, status: 'pending', attempts: 0, lastError: null });
    expect(res.body.text).toBeUndefined();
    expect(Date.parse(res.body.nextAttemptAt)).toBeLessThanOrEqual(Date.now());
    expect(await reload(t, m.id)).toMatchObject({ status: 'pending', attempts: 0 });

    const audit = await t.dataSource
      .getRepository(AuditLogEntity)
      .findOneByOrFail({ action: 'notification.retry', entityId: m.id });
    expect(audit).toMatchObject({ actorType: 'user', actorId: worker.user.id, entityType: 'notification' });
    expect(audit.summary).toMatchObject({
      template: 'application_submitted',
      previousStatus: 'failed',
      previousAttempts: 3,
      note: 'mail server repaired',
    });
    expect(JSON.stringify(audit.summary)).not.toContain('hunter2secret');

    // Re-queued: the next run tries again (and fails again, counting from one).
    await runSendJob(t);
    expect(await reload(t, m.id)).toMatchObject({ status: 'pending', attempts: 1 });
  });
});
