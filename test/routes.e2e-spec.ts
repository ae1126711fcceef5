import { randomUUID } from 'node:crypto';
import { ROLES, Role } from '../src/auth/roles';
import type { AuthRequirement } from '../src/common/decorators/auth.decorator';
import { engine } from './support/databases';
import { routeHandlers } from './support/route-handlers';
import { startApp, TestApp } from './support/test-app';

/** The routes that are deliberately public. Adding one here is a security decision: review it. */
const PUBLIC = new Set([
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/session',
  'POST /api/v1/auth/refresh',
  'POST /api/v1/auth/register',
  'GET /health',
  'GET /.well-known/jwks.json',
  'POST /api/v1/partners/register',
  'GET /api/v1/categories',
  'GET /api/v1/catalogue/offers',
  'GET /api/v1/catalogue/offers/:id',
  'GET /api/v1/catalogue/partners/:id',
  'GET /api/v1/catalogue/partners/:id/logo',
  'GET /api/v1/catalogue/feed.json',
  'GET /api/v1/revocations',
  'GET /C/:token',
  'GET /c/:token',
  'GET /merchant/check',
  'GET /family/wallet',
  'GET /family/manifest.webmanifest',
  'GET /',
  'GET /branding.css',
  // The programme's logo, shown in every page's header.
  'GET /branding/logo',
  'GET /catalogue',
  'GET /catalogue/offer/:id',
  'GET /catalogue/partner/:id',
  // Sign-in and registration forms: posts carry a token bound to a cookie of their own (PageCsrf).
  'GET /signin',
  'POST /signin',
  'GET /register',
  'POST /register',
  // A business registers itself (the same PageCsrf cookie token as /register).
  'GET /partner/register',
  'POST /partner/register',
]);
/** Served by the OpenAPI module straight from Fastify, not by a Nest controller; public by design. */
const isDocs = (url: string) => url.startsWith('/api/docs');

interface Handler {
  key: string;
  isPublic: boolean;
  auth?: AuthRequirement;
}

function nestHandlers(t: TestApp): Map<string, Handler> {
  return new Map(
    routeHandlers(t).map((r) => {
      const key = `${r.method} ${r.url}`;
      return [key, { key, isPublic: r.isPublic, auth: r.auth }];
    }),
  );
}

describe(`every route is protected (${engine})`, () => {
  let t: TestApp;
  let handlers: Map<string, Handler>;
  const tokens = new Map<Role, string>();

  beforeAll(async () => {
    t = await startApp();
    handlers = nestHandlers(t);
    for (const role of ROLES) tokens.set(role, (await t.newUser(role)).token);
  });
  afterAll(() => t.close());

  const call = (method: string, url: string) => {
    const path = url.replace(/:[A-Za-z]+/g, randomUUID());
    const req = t.http[method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete'](path);
    return ['POST', 'PATCH', 'PUT'].includes(method) ? req.send({}) : req;
  };

  const apiRoutes = () => t.routes.filter((r) => !isDocs(r.url));

  it('finds the routes (sanity check of the walk itself)', () => {
    expect(apiRoutes().length).toBeGreaterThanOrEqual(12);
    expect(apiRoutes().map((r) => `${r.method} ${r.url}`)).toEqual(
      expect.arrayContaining(['GET /api/v1/users', 'GET /api/v1/audit']),
    );
  });

  it('every registered route belongs to a handler that is either @Public() or declares @Auth()', () => {
    for (const r of apiRoutes()) {
      const h = handlers.get(`${r.method} ${r.url}`);
      expect({ route: `${r.method} ${r.url}`, found: Boolean(h) }).toEqual({
        route: `${r.method} ${r.url}`,
        found: true,
      });
      expect({ route: h!.key, declared: h!.isPublic || h!.auth !== undefined }).toEqual({
        route: h!.key,
        declared: true,
      });
      expect({ route: h!.key, public: h!.isPublic }).toEqual({ route: h!.key, public: PUBLIC.has(h!.key) });
    }
  });

  it('answers 401 problem+json without credentials on every non-public route', async () => {
    for (const r of apiRoutes()) {
      if (PUBLIC.has(`${r.method} ${r.url}`)) continue;
      const res = await call(r.method, r.url);
      expect({ route: `${r.method} ${r.url}`, status: res.status }).toEqual({
        route: `${r.method} ${r.url}`,
        status: 401,
      });
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });

  it('answers 403 to every role a route does not allow, and lets the allowed roles through', async () => {
    let denials = 0;
    for (const r of apiRoutes()) {
      const h = handlers.get(`${r.method} ${r.url}`)!;
      if (h.isPublic || !h.auth?.roles.length || h.key === 'POST /api/v1/auth/logout') continue;
      // Every role at once: a route's answers do not depend on each other, and there are hundreds of them.
      const answers = await Promise.all(
        ROLES.map((role) => call(r.method, r.url).auth(tokens.get(role)!, { type: 'bearer' })),
      );
      for (const [i, role] of ROLES.entries()) {
        const res = answers[i];
        const expected = h.auth.roles.includes(role) ? 'allowed' : 403;
        const got = h.auth.roles.includes(role)
          ? res.status === 401 || res.status === 403
            ? res.status
            : 'allowed'
          : res.status;
        expect({ route: h.key, role, got }).toEqual({ route: h.key, role, got: expected });
        if (expected === 403) denials++;
      }
    }
    expect(denials).toBeGreaterThan(20);
  }, 180_000);

  it.each([
    ['GET /api/v1/users', ['admin', 'auditor']],
    ['POST /api/v1/users', ['admin']],
    ['PATCH /api/v1/users/:id', ['admin']],
    ['GET /api/v1/audit', ['admin', 'auditor']],
    ['POST /api/v1/api-keys', ['admin']],
    ['DELETE /api/v1/api-keys/:id', ['admin']],
    ['GET /api/v1/notifications', ['admin', 'case_worker', 'auditor']],
    ['POST /api/v1/notifications/:id/retry', ['admin', 'case_worker']],
    ['POST /api/v1/programmes', ['admin']],
    ['PATCH /api/v1/programmes/:id', ['admin']],
    ['GET /api/v1/applications', ['admin', 'case_worker', 'auditor', 'family']],
    ['GET /api/v1/applications/:id/notes', ['admin', 'case_worker', 'auditor']],
    ['POST /api/v1/applications/:id/notes', ['admin', 'case_worker']],
    ['POST /api/v1/applications/:id/documents', ['admin', 'case_worker', 'family']],
    ['GET /api/v1/applications/:id/documents', ['admin', 'case_worker', 'auditor', 'family']],
    ['GET /api/v1/documents/:documentId', ['admin', 'case_worker', 'auditor', 'family']],
    ['DELETE /api/v1/documents/:documentId', ['admin', 'case_worker', 'family']],
    ['GET /api/v1/families/mine', ['family']],
    ['GET /api/v1/families/mine/export', ['family']],
    ['GET /api/v1/families/:id', ['admin', 'case_worker', 'auditor', 'family']],
    ['GET /api/v1/cards', ['admin', 'case_worker', 'auditor']],
    ['GET /api/v1/cards/:id', ['admin', 'case_worker', 'auditor', 'family']],
    ['GET /api/v1/cards/:id/pdf', ['admin', 'case_worker', 'auditor', 'family']],
    ['POST /api/v1/cards/:id/revoke', ['admin', 'case_worker']],
    ['POST /api/v1/cards/:id/report-lost', ['admin', 'case_worker']],
    ['GET /api/v1/families/mine/cards', ['family']],
    ['GET /api/v1/families/:familyId/cards/pdf', ['admin', 'case_worker', 'auditor', 'family']],
    ['GET /api/v1/signing-keys', ['admin', 'auditor']],
    ['POST /api/v1/signing-keys/rotate', ['admin']],
    ['POST /api/v1/print-batches', ['admin', 'case_worker']],
    ['GET /api/v1/print-batches/:id/pdf', ['admin', 'case_worker']],
  ])('%s is open to exactly %j', async (route, allowed) => {
    const [method, url] = route.split(' ');
    const admitted: string[] = [];
    for (const role of ROLES) {
      const res = await call(method, url).auth(tokens.get(role)!, { type: 'bearer' });
      if (res.status !== 403 && res.status !== 401) admitted.push(role);
    }
    expect(admitted.sort()).toEqual([...allowed].sort());
  });

  it('lets an API key call only the routes that accept its scope', async () => {
    const admin = await t.adminToken();
    const created = await t.http
      .post('/api/v1/api-keys')
      .auth(admin, { type: 'bearer' })
      .send({ name: 'route walk', scopes: ['users:read'] })
      .expect(201);
    const key = created.body.key as string;
    for (const r of apiRoutes()) {
      const h = handlers.get(`${r.method} ${r.url}`)!;
      if (h.isPublic) continue;
      const res = await call(r.method, r.url).set('X-API-Key', key);
      const expected = h.auth?.scope === 'users:read' ? 'allowed' : 403;
      const got = res.status === 401 || res.status === 403 ? res.status : 'allowed';
      expect({ route: h.key, got }).toEqual({ route: h.key, got: expected });
    }
    await t.http.get('/api/v1/users').auth(key, { type: 'bearer' }).expect(200);
    await t.http.delete(`/api/v1/api-keys/${created.body.id}`).auth(admin, { type: 'bearer' }).expect(204);
    await t.http.get('/api/v1/users').set('X-API-Key', key).expect(401);
  });
});
