import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';
import { dirname, join } from 'node:path';

/** `public/` at the repository root: two levels up from both src/web and dist/web. */
export const PUBLIC_DIR = join(__dirname, '..', '..', 'public');
export const STATIC_PREFIX = '/static/';
/** The checker's service worker lives with its scripts but controls the pages under /merchant/. */
export const SERVICE_WORKER = 'merchant/sw.js';
export const SERVICE_WORKER_SCOPE = '/merchant/';
/**
 * Every service worker, as its file under public/ → the scope it may control: the checker's and the wallet's.
 */
export const SERVICE_WORKERS: Record<string, string> = {
  [SERVICE_WORKER]: SERVICE_WORKER_SCOPE,
  'family/sw.js': '/family/',
};

/**
 * Third-party browser code, served from node_modules at fixed addresses (never from a CDN): each route names
 * one file, so nothing else of the package is reachable.
 */
export const VENDOR_FILES: Record<string, string> = {
  'jsQR.js': require.resolve('jsqr/dist/jsQR.js'),
  // The UMD build without `new Function` (the CSP allows no eval); it defines globalThis.CBOR.
  'cbor-x.js': join(dirname(require.resolve('cbor-x/package.json')), 'dist', 'index-no-eval.min.js'),
};

/**
 * Pages' scripts, styles and the service worker from `public/` at /static/…, and the vendor files at
 * /static/vendor/…. These routes are Fastify's, not Nest controllers: plain files, public by nature.
 */
export async function registerStaticAssets(app: NestFastifyApplication): Promise<void> {
  await app.register(fastifyStatic, {
    root: PUBLIC_DIR,
    prefix: STATIC_PREFIX,
    index: false,
    dotfiles: 'ignore',
    setHeaders: (reply, path) => {
      const worker = Object.keys(SERVICE_WORKERS).find((file) => path.endsWith(file));
      if (worker) {
        reply.header('Service-Worker-Allowed', SERVICE_WORKERS[worker]);
        // The browser compares the worker byte for byte on each visit: never serve it from a cache.
        reply.header('Cache-Control', 'no-cache');
      }
    },
  });
  const fastify = app.getHttpAdapter().getInstance();
  for (const [name, file] of Object.entries(VENDOR_FILES)) {
    fastify.get(`${STATIC_PREFIX}vendor/${name}`, (_request, reply: FastifyReply) =>
      reply.sendFile(file.slice(dirname(file).length + 1), dirname(file)),
    );
  }
}
