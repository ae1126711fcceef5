import { writeFileSync } from 'node:fs';
import type { Response } from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import type { Role } from '../src/auth/roles';
import { engine } from './support/databases';
import { draftApplication, enrolFamily } from './support/enrolment-factory';
import { changedTables, fingerprint, Fingerprint, tableNames } from './support/fuzz-fingerprint';
import {
  FuzzCase,
  sampleValue,
  headerCases,
  interleave,
  jsonBodyCases,
  MAX_CASES,
  OpenApiDoc,
  Operation,
  Parameter,
  pathCases,
  queryCases,
  resolve,
} from './support/fuzz-openapi';
import { accessByOperation, Access, callerRole } from './support/fuzz-routes';
import { checkAnswer, PAGE_FORM, pageFormCases, pageUploadCases, uploadCases } from './support/fuzz-forms';
import { csrfIn, pageClient, signInWithForm } from './support/page-forms';
import { addOutlet, approvedPartner, offerBody, RegisteredPartner } from './support/partner-factory';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startApp, TestApp } from './support/test-app';

/**
 * Issue 8, "Fuzzing": every operation of the OpenAPI document gets malformed input from a caller it admits,
 * and must answer 4xx problem+json (pages: a 4xx HTML page), never 5xx, and leave every table as it was.
 */

interface Op {
  id: string;
  method: string;
  path: string;
  operation: Operation;
  access: Access;
  page: boolean;
}

/** Operations that end the caller's session: each gets a session of its own, used by nothing else. */
const SESSION_ENDING = new Set(['post /api/v1/auth/logout', 'delete /api/v1/auth/session', 'post /signout']);
const NOT_PAGES = ['/api/', '/health', '/.well-known/'];
const FIXED_ID = '0190aaaa-0000-7000-8000-0000000000f2';

interface Failure {
  op: string;
  case: string;
  problem: string;
}

describe(`fuzzing every OpenAPI operation (${engine})`, () => {
  let t: TestApp;
  let doc: OpenApiDoc;
  let tables: string[];
  let partner: RegisteredPartner;
  let familyId: string;
  const tokens = new Map<Role, string>();
  const passwords = new Map<Role, { email: string; password: string }>();
  const sessions = new Map<string, { agent: TestAgent; csrf: string }>();
  const stats = { operations: 0, cases: 0, accepted: 0, byStatus: new Map<number, number>() };
  const failures: Failure[] = [];
  /** By the path segment before a parameter (`users` in /users/{id}) or the parameter's own name. */
  const realIds: Record<'staff' | 'merchant', Record<string, string>> = { staff: {}, merchant: {} };
  const perOperation: Record<string, Record<number, number>> = {};
  const started = Date.now();

  beforeAll(async () => {
    t = await startApp({
      env: {
        RATE_LIMIT_PUBLIC_CHECK_PER_MINUTE: '100000',
        RATE_LIMIT_VALIDATION_PER_MINUTE: '100000',
        RATE_LIMIT_VALIDATION_PER_IP_PER_MINUTE: '100000',
        VALIDATION_BURST_LIMIT: '100000',
      },
    });
    doc = (await t.http.get('/api/docs-json').expect(200)).body;
    tables = await tableNames(t.dataSource);
    tokens.set('admin', await t.adminToken());
    passwords.set('admin', { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    for (const role of ['partner_manager', 'case_worker', 'auditor'] as Role[]) {
      const u = await t.newUser(role);
      tokens.set(role, u.token);
      passwords.set(role, { email: u.user.email, password: u.password });
    }
    partner = await approvedPartner(t, tokens.get('partner_manager')!);
    tokens.set('merchant_owner', partner.owner.token);
    passwords.set('merchant_owner', partner.owner);
    const cashier = await t.newUser('merchant_cashier', { partnerId: partner.partnerId });
    tokens.set('merchant_cashier', cashier.token);
    const enrolled = await enrolFamily(t, tokens.get('case_worker')!);
    familyId = enrolled.familyId;
    tokens.set('family', enrolled.family.token);
    passwords.set('family', { email: enrolled.family.user.email, password: enrolled.family.password });

    // Real rows behind the path ids, so that input which passes validation reaches the service and the
    // database. Staff act on a second partner: a staff action accepted on the first (say, "end") would lock
    // its merchants out of the operations fuzzed after it.
    const first = (body: unknown) =>
      ((Array.isArray(body) ? body : (body as { items: unknown[] }).items)[0] as { id: string }).id;
    const get = async (url: string, token: string) =>
      (await t.http.get(url).auth(token, { type: 'bearer' }).expect(200)).body;
    const admin = tokens.get('admin')!;
    const staffPartner = await approvedPartner(t, admin);
    const world = async (p: RegisteredPartner) => {
      const outletId = await addOutlet(t, p.owner.token, p.partnerId);
      const offer = await t.http
        .post(`/api/v1/partners/${p.partnerId}/offers`)
        .auth(p.owner.token, { type: 'bearer' })
        .send(offerBody([outletId]))
        .expect(201);
      return { partners: p.partnerId, outlets: outletId, offers: offer.body.id as string };
    };
    const shared = {
      users: (await t.newUser('auditor')).user.id,
      team: cashier.user.id,
      programmes: first(await get('/api/v1/programmes', admin)),
      categories: first(await get('/api/v1/categories', admin)),
      applications: (await draftApplication(t, 'Fuzzowski')).applicationId,
      families: familyId,
      cards: first(await get('/api/v1/families/mine/cards', enrolled.family.token)),
    };
    realIds.staff = { ...shared, review: shared.applications, ...(await world(staffPartner)) };
    realIds.merchant = { ...shared, review: shared.applications, ...(await world(partner)) };
  });
  afterAll(() => t?.close());

  const operations = (): Op[] => {
    const access = accessByOperation(t);
    return Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, operation]) => {
        const id = `${method} ${path}`;
        const found = access.get(id);
        if (!found) throw new Error(`no handler metadata for ${id}`);
        return {
          id,
          method,
          path,
          operation,
          access: found,
          page: !NOT_PAGES.some((p) => path.startsWith(p)),
        };
      }),
    );
  };

  /** The value a path parameter takes when a case does not fuzz it: the caller's own ids where it has some. */
  function defaultParam(p: Parameter, role: Role | null, before?: string): string {
    const schema = resolve(doc, p.schema);
    if (schema.enum?.length) return String(schema.enum[0]);
    if (p.name === 'token') return 'ABCDEFGH';
    const ids = realIds[role?.startsWith('merchant') ? 'merchant' : 'staff'];
    const named = ids[p.name.replace(/Id$/, 's')] ?? (p.name === 'familyId' ? familyId : undefined);
    return named ?? (before && ids[before]) ?? FIXED_ID;
  }

  async function pageSession(role: Role | null, fresh = false): Promise<{ agent: TestAgent; csrf: string }> {
    const key = role ?? 'anonymous';
    if (!fresh && sessions.has(key)) return sessions.get(key)!;
    let agent: TestAgent;
    let pages: string[];
    if (role === null) {
      agent = pageClient(t);
      pages = ['/signin'];
    } else {
      const who = passwords.get(role) ?? passwords.get('admin')!;
      agent = await signInWithForm(t, who.email, who.password);
      pages = ['/console/settings', '/partner', '/account', '/apply/members', '/console'];
    }
    for (const page of pages) {
      const res = await agent.get(page);
      if (res.status === 200 && res.text.includes('name="_csrf"')) {
        const session = { agent, csrf: csrfIn(res.text) };
        if (!fresh) sessions.set(key, session);
        return session;
      }
    }
    throw new Error(`no page with a form for ${key}`);
  }

  /** Field names of the form a page shows at the same path (so the fuzzed post names real fields). */
  async function formFields(op: Op, role: Role | null, params: Parameter[]): Promise<string[]> {
    if (!doc.paths[op.path].get) return [];
    const { agent } = await pageSession(role);
    const res = await agent.get(fill(op.path, params, role, {}));
    const names = [...res.text.matchAll(/name="([^"]+)"/g)].map((m) => m[1]).filter((n) => n !== '_csrf');
    return [...new Set(names)].slice(0, 12);
  }

  function fill(
    path: string,
    params: Parameter[],
    role: Role | null,
    values: Record<string, string>,
  ): string {
    return path.replace(/([^/]*)\/\{([^}]+)\}/g, (_, before: string, name: string) => {
      const p = params.find((x) => x.name === name) ?? { name, in: 'path' as const };
      return `${before}/${values[name] ?? encodeURIComponent(defaultParam(p, role, before))}`;
    });
  }

  async function send(
    op: Op,
    c: FuzzCase,
    role: Role | null,
    params: Parameter[],
    auth: { token?: string; agent?: TestAgent },
  ) {
    const url = fill(op.path, params, role, c.params ?? {}) + (c.query ? `?${c.query}` : '');
    const client = auth.agent ?? t.http;
    let req = client[op.method as 'get'](url);
    if (auth.token) req = req.auth(auth.token, { type: 'bearer' });
    for (const [k, v] of Object.entries(c.headers ?? {})) req = req.set(k, v);
    if (c.body !== undefined) {
      if (c.contentType) req = req.set('Content-Type', c.contentType);
      req = req.send(c.body);
    }
    return req;
  }

  async function fuzz(op: Op): Promise<void> {
    const role = callerRole(op.access);
    const params = (op.operation.parameters ?? []).map((p) => ({ ...p, schema: resolve(doc, p.schema) }));
    const pathParams = params.filter((p) => p.in === 'path');
    const queryParams = params.filter((p) => p.in === 'query');
    const content = op.operation.requestBody?.content ?? {};
    const auth: { token?: string; agent?: TestAgent } = {};
    let csrf = '';
    if (op.page) {
      const session = await pageSession(role, SESSION_ENDING.has(op.id));
      auth.agent = session.agent;
      csrf = session.csrf;
    } else if (role) {
      auth.token = SESSION_ENDING.has(op.id) ? await t.login(ADMIN_EMAIL, ADMIN_PASSWORD) : tokens.get(role);
    }

    const lists: FuzzCase[][] = [];
    // Ids must name a row; other path parameters (a report's name, an action) come from a closed list.
    lists.push(pathCases(pathParams, (name) => name !== 'token'));
    lists.push(headerCases(params));
    lists.push(...queryCases(op.id, queryParams, !op.page && op.access.queryDto));
    if (content['application/json'])
      lists.push(...jsonBodyCases(doc, op.id, content['application/json'].schema));
    else if (content['multipart/form-data'] && !op.page) lists.push(uploadCases(op.operation));
    else if (content['image/png']) lists.push(uploadCases(op.operation));
    else if (content[PAGE_FORM] || content['multipart/form-data']) {
      lists.push(...pageFormCases(op.id, await formFields(op, role, params), csrf));
      if (content['multipart/form-data']) lists.push(pageUploadCases(csrf));
    } else if (op.method !== 'get') {
      // No body is documented: one must not make things worse.
      lists.push([
        {
          label: 'unexpected JSON body',
          expect: 'survive',
          contentType: 'application/json',
          body: '{"zzUnknown":1}',
        },
        {
          label: 'unexpected broken JSON',
          expect: 'survive',
          contentType: 'application/json',
          body: '{"a":',
        },
      ]);
    }
    // Cases that fuzz the path, query or headers carry a good body, so that what they fuzz is all that is wrong.
    const defaultBody: Pick<FuzzCase, 'body' | 'contentType'> | undefined = content['application/json']
      ? {
          contentType: 'application/json',
          body: JSON.stringify(sampleValue(doc, content['application/json'].schema)),
        }
      : op.page && op.method === 'post'
        ? { contentType: PAGE_FORM, body: new URLSearchParams({ _csrf: csrf }).toString() }
        : undefined;
    for (const c of lists.flat()) if (c.body === undefined && defaultBody) Object.assign(c, defaultBody);
    const cases = interleave(lists, MAX_CASES).sort((a, b) =>
      a.expect === b.expect ? 0 : a.expect === 'refuse' ? -1 : 1,
    );

    let baseline: Fingerprint = await fingerprint(t.dataSource, tables);
    let validated = false;
    for (const c of cases) {
      let res: Response;
      try {
        res = await send(op, c, role, params, auth);
      } catch (error) {
        failures.push({ op: op.id, case: c.label, problem: `no answer: ${(error as Error).message}` });
        continue;
      }
      stats.cases++;
      stats.byStatus.set(res.status, (stats.byStatus.get(res.status) ?? 0) + 1);
      const seen = (perOperation[op.id] ??= {});
      seen[res.status] = (seen[res.status] ?? 0) + 1;
      for (const problem of checkAnswer(op.page, c, res))
        failures.push({ op: op.id, case: c.label, problem });
      validated ||= res.status === 400 && res.body?.type === '/problems/validation-error';
      // The caller is one the route admits: a 401/403 to invalid input means validation was never reached.
      if (
        c.expect === 'refuse' &&
        !op.page &&
        role &&
        !SESSION_ENDING.has(op.id) &&
        (res.status === 401 || res.status === 403)
      )
        failures.push({ op: op.id, case: c.label, problem: `stopped at ${res.status} before validation` });
      const now = await fingerprint(t.dataSource, tables);
      if (res.status < 400) {
        stats.accepted++;
      } else {
        const changed = changedTables(baseline, now);
        if (changed.length)
          failures.push({
            op: op.id,
            case: c.label,
            problem: `refused with ${res.status} but changed ${changed.join(', ')}`,
          });
      }
      baseline = now;
    }
    // A JSON body's cases must have met the validation pipe at least once, or they tested nothing.
    if (content['application/json'] && !validated && !SESSION_ENDING.has(op.id))
      failures.push({
        op: op.id,
        case: '*',
        problem: 'no case reached body validation (400 validation-error)',
      });
    stats.operations++;
  }

  it('the fingerprint sees one changed row and nothing else', async () => {
    const before = await fingerprint(t.dataSource, tables);
    expect(changedTables(before, await fingerprint(t.dataSource, tables))).toEqual([]);
    await t.http
      .patch(`/api/v1/categories/${realIds.staff.categories}`)
      .auth(tokens.get('admin')!, { type: 'bearer' })
      .send({ sortOrder: 999 })
      .expect(200);
    // The audit log records the change too.
    expect(changedTables(before, await fingerprint(t.dataSource, tables)).sort()).toEqual([
      'audit_log',
      'categories',
    ]);
  });

  it('sends malformed input to every operation: 4xx in the documented shape, never 5xx, nothing written', async () => {
    const ops = operations();
    expect(ops.length).toBeGreaterThan(150);
    // Session-ending operations last, so no other operation loses its caller.
    const ordered = [
      ...ops.filter((o) => !SESSION_ENDING.has(o.id)),
      ...ops.filter((o) => SESSION_ENDING.has(o.id)),
    ];
    const only = process.env.FUZZ_ONLY;
    for (const op of ordered) if (!only || op.id.includes(only)) await fuzz(op);

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const statuses = [...stats.byStatus.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
    console.log(
      `fuzz (${engine}): ${stats.operations} operations, ${stats.cases} cases, ${stats.accepted} accepted, ` +
        `${failures.length} failures, ${seconds} s; statuses ${statuses.join(' ')}`,
    );
    // FUZZ_REPORT=<file> keeps every failure for reading at leisure.
    if (process.env.FUZZ_REPORT)
      writeFileSync(process.env.FUZZ_REPORT, JSON.stringify({ failures, perOperation }, null, 1));
    expect(failures).toEqual([]);
    if (!only) expect(stats.operations).toBe(ops.length);
  }, 600_000);
});
