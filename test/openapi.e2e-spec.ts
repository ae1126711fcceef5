import { engine } from './support/databases';
import { startApp, TestApp } from './support/test-app';

interface Operation {
  tags?: string[];
  security?: Record<string, string[]>[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>;
}

const PUBLIC_OPERATIONS = [
  'post /api/v1/auth/login',
  'post /api/v1/auth/session',
  'post /api/v1/auth/refresh',
  'post /api/v1/auth/register',
  'get /health',
  'get /.well-known/jwks.json',
  'post /api/v1/partners/register',
  'get /api/v1/categories',
  'get /api/v1/catalogue/offers',
  'get /api/v1/catalogue/offers/{id}',
  'get /api/v1/catalogue/partners/{id}',
  'get /api/v1/catalogue/partners/{id}/logo',
  'get /api/v1/catalogue/feed.json',
  'get /api/v1/revocations',
  'get /C/{token}',
  'get /c/{token}',
  'get /merchant/check',
  'get /family/wallet',
  'get /family/manifest.webmanifest',
  'get /',
  'get /branding.css',
  'get /branding/logo',
  'get /catalogue',
  'get /catalogue/offer/{id}',
  'get /catalogue/partner/{id}',
  'get /signin',
  'post /signin',
  'get /register',
  'post /register',
  'get /partner/register',
  'post /partner/register',
];

describe(`OpenAPI (${engine})`, () => {
  let t: TestApp;
  let doc: {
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
  };
  beforeAll(async () => {
    t = await startApp();
    doc = (await t.http.get('/api/docs-json').expect(200)).body;
  });
  afterAll(() => t.close());

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ id: `${method} ${path}`, op })),
    );

  it('documents every registered route', () => {
    const documented = new Set(operations().map((o) => o.id.replace(/\{(\w+)\}/g, ':$1')));
    const registered = t.routes
      .filter((r) => !r.url.startsWith('/api/docs'))
      .map((r) => `${r.method.toLowerCase()} ${r.url}`);
    expect(registered.filter((r) => !documented.has(r))).toEqual([]);
    expect(doc.components.securitySchemes).toHaveProperty('bearer');
    expect(doc.components.securitySchemes).toHaveProperty('api-key');
  });

  it('gives every operation a tag, its auth scheme, schemas and problem+json error responses', () => {
    for (const { id, op } of operations()) {
      expect({ id, tagged: (op.tags ?? []).length > 0 }).toEqual({ id, tagged: true });
      const isPublic = PUBLIC_OPERATIONS.includes(id);
      expect({ id, secured: (op.security ?? []).length > 0 }).toEqual({ id, secured: !isPublic });
      const codes = Object.keys(op.responses);
      // A page's form post answers 303 to the next page (post/redirect/get).
      const isWeb = Boolean(op.tags?.includes('web'));
      const success = codes.filter((c) => c.startsWith('2') || (isWeb && c === '303'));
      expect({ id, success: success.length }).toEqual({ id, success: 1 });
      if (success[0] !== '204' && success[0] !== '303') {
        // JSON, or the media types of a download (documents); either way with a schema.
        const content = Object.values(op.responses[success[0]].content ?? {});
        expect({ id, body: content.length > 0 && content.every((c) => Boolean(c.schema)) }).toEqual({
          id,
          body: true,
        });
      }
      const errors = codes.filter((c) => /^[45]/.test(c));
      expect({ id, errors: errors.length > 0 }).toEqual({ id, errors: true });
      for (const code of errors) {
        const content = op.responses[code].content ?? {};
        // A problem+json, or on a page a page of its own (a form with its errors, "not found").
        const documented =
          content['application/json']?.schema.$ref === '#/components/schemas/ProblemDto' ||
          (Boolean(op.tags?.includes('web')) && 'text/html' in content);
        expect({ id, code, documented }).toEqual({ id, code, documented: true });
      }
      if (!isPublic) expect({ id, codes }).toEqual({ id, codes: expect.arrayContaining(['401', '403']) });
      if (/^(post|patch|put) /.test(id) && !id.endsWith('/logout')) {
        // JSON, or multipart/form-data for an upload (documents).
        const body =
          op.requestBody?.content['application/json'] ??
          op.requestBody?.content['multipart/form-data'] ??
          op.requestBody?.content['application/x-www-form-urlencoded'] ??
          op.requestBody?.content['image/png'];
        expect({ id, request: Boolean(body?.schema) }).toEqual({
          id,
          request: true,
        });
      }
    }
  });

  it('describes DTO fields from their comments and validators (swagger plugin)', () => {
    const login = doc.components.schemas.LoginDto as {
      properties: Record<string, { description?: string; format?: string }>;
      required: string[];
    };
    expect(login.required).toEqual(expect.arrayContaining(['email', 'password']));
    expect(login.properties.email.format).toBe('email');
    const problem = doc.components.schemas.ProblemDto as {
      properties: Record<string, { description?: string }>;
    };
    expect(problem.properties.requestId.description).toMatch(/X-Request-Id/);
  });

  it('serves the UI and its assets from this server, with no outside URLs', async () => {
    const html = await t.http.get('/api/docs').expect(200);
    expect(html.headers['content-type']).toMatch(/text\/html/);
    const assets = [...html.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) {
      expect(asset).not.toMatch(/^(https?:)?\/\//);
      const url = asset.startsWith('/') ? asset : `/api/docs/${asset.replace(/^\.\//, '')}`;
      await t.http.get(url).expect(200);
    }
  });
});
