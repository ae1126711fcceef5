import helmet from 'helmet';
import multipart from '@fastify/multipart';
import { MAX_LOGO_BYTES } from './partners/logo-image';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import { AppModule } from './app.module';
import { appConfig } from './config/app.config';
import { enrolmentConfig } from './config/enrolment.config';
import { checkConfiguration } from './core-modules';
import { setupOpenApi } from './openapi';
import { routerErrorProblem } from './common/problem/framework-errors';
import { refuseDeepNesting } from './common/validation/depth-guard';
import { refuseNul } from './common/validation/nul-guard';
import { createRootLogger, PinoNestLogger } from './logging/logger';
import { metricsConfig } from './metrics/metrics.config';
import { registerMetrics } from './metrics/metrics-endpoint';
import { cspDirectives } from './web/content-security-policy';
import { registerStaticAssets } from './web/static-assets';
import { CONSOLE_ADMIN_PATHS } from './web/console/admin/console-admin.module';
import { CONSOLE_FAMILIES_PATHS } from './web/console/families/console-families.module';
import { CONSOLE_PARTNERS_PATHS } from './web/console/partners/console-partners.module';
import { PARTNER_PORTAL_PATHS } from './web/partner/partner-portal.module';
import { PARTNER_TEAM_PATHS } from './web/partner/partner-team.module';

export const API_PREFIX = 'api/v1';
/**
 * Routes outside the /api/v1 prefix: health, the JWKS and the pages. A path here must not also be an API
 * route's path, or the API route loses its prefix too.
 */
export const UNPREFIXED_ROUTES = [
  'health',
  '.well-known/jwks.json',
  'C/:token',
  'c/:token',
  'merchant/check',
  'family/wallet',
  'family/manifest.webmanifest',
  '/',
  'branding.css',
  'catalogue',
  'catalogue/offer/:id',
  'catalogue/partner/:id',
  'signin',
  'signout',
  'register',
  'apply',
  'apply/members',
  'apply/statements',
  'apply/documents',
  'apply/review',
  'apply/submit',
  'account',
  'account/lost-card',
  'account/newborn',
  'account/education',
  'console',
  'console/review',
  'console/review/:id',
  'console/audit',
  ...CONSOLE_FAMILIES_PATHS,
  ...CONSOLE_PARTNERS_PATHS,
  ...CONSOLE_ADMIN_PATHS,
  ...PARTNER_PORTAL_PATHS,
  ...PARTNER_TEAM_PATHS,
];

/** A caller's X-Request-Id is kept when it is short and plain (so it can join logs across systems). */
export function requestIdFor(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && /^[A-Za-z0-9._:-]{8,128}$/.test(incoming) ? incoming : randomUUID();
}

/**
 * Builds the whole HTTP application exactly as production runs it; tests call this too, so they exercise the
 * same pipe, filter, guards, hooks and limits. Configuration errors are thrown, not printed.
 */
export async function createApp(options: { logger?: Logger } = {}): Promise<NestFastifyApplication> {
  checkConfiguration();
  const config = appConfig();
  const root = options.logger ?? createRootLogger(config.logLevel);
  const adapter = new FastifyAdapter({
    loggerInstance: root,
    trustProxy: config.trustProxy,
    bodyLimit: config.bodyLimit,
    genReqId: requestIdFor,
    requestIdHeader: false,
    return503OnClosing: true,
    // The card token in the check page's path (/C/<token>) is about 260 characters; Fastify's default is 100.
    routerOptions: { maxParamLength: 512 },
    frameworkErrors: routerErrorProblem,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, adapter, {
    logger: new PinoNestLogger(root),
    abortOnError: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header('X-Request-Id', request.id);
    done();
  });
  registerMetrics(app, metricsConfig());
  // helmet's middleware built once: @fastify/helmet builds it anew on every request (directives parsed and all),
  // a few per cent of a till's check (bench/validations.bench.ts profile).
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      // The merchant pages (src/web) send a stricter one without inline styles.
      directives: cspDirectives(config.publicUrl, { inlineStyles: true }),
    },
    strictTransportSecurity: config.publicUrl.startsWith('https://'),
    frameguard: { action: 'deny' }, // agrees with frame-ancestors 'none'
  });
  fastify.addHook('onRequest', (request, reply, done) =>
    securityHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined)),
  );
  // PostgreSQL cannot store NUL in text (a 500 where SQLite accepts it): refused as a 400 on both engines.
  fastify.addHook('preHandler', refuseNul);
  // The validation pipe and class-transformer recurse: a body thousands of levels deep would overflow the stack.
  fastify.addHook('preHandler', refuseDeepNesting);
  // Only document uploads are multipart: one file and its `kind`. Multipart bypasses bodyLimit, so every part
  // is bounded here; a file over the limit is cut off and refused with 413.
  await app.register(multipart, {
    limits: {
      fileSize: enrolmentConfig().documentMaxBytes,
      files: 1,
      fields: 4,
      fieldSize: 1024,
      fieldNameSize: 100,
      parts: 5,
      headerPairs: 100,
    },
  });
  // Partner logos are uploaded as the request body itself; only these two types are parsed, never trusted:
  // the service decides the type from the bytes.
  fastify.addContentTypeParser(
    ['image/png', 'image/jpeg'],
    { parseAs: 'buffer', bodyLimit: MAX_LOGO_BYTES },
    (_request, body, done) => done(null, body),
  );
  if (config.corsOrigins.length > 0)
    app.enableCors({ origin: config.corsOrigins, credentials: true, maxAge: 600 });
  await registerStaticAssets(app);
  app.setGlobalPrefix(API_PREFIX, { exclude: UNPREFIXED_ROUTES });
  app.enableShutdownHooks();
  setupOpenApi(app);
  return app;
}
