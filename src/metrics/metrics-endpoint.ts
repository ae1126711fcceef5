import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { problemFor, PROBLEM_CONTENT_TYPE } from '../common/problem/problem';
import type { MetricsConfig } from './metrics.config';
import { metricsAccess } from './metrics-access';
import { MetricsService } from './metrics.service';

export const METRICS_PATH = '/metrics';

const REFUSALS = {
  unauthorized: () => problemFor(401, 'Send the metrics token (METRICS_TOKEN) as a bearer token.'),
  forbidden: () =>
    problemFor(403, 'Metrics are served only to this machine; set METRICS_TOKEN to scrape from elsewhere.'),
};

/**
 * Counts every response and serves GET /metrics, both straight on Fastify: the hook costs one map lookup and
 * one histogram observation per request, and the route is monitoring, not API, so it stays out of the
 * OpenAPI document, the user guards and the rate limits (its own access rule is in metrics-access.ts).
 * Called from createApp before Nest registers its routes; nothing at all when METRICS_ENABLED=false.
 */
export function registerMetrics(app: NestFastifyApplication, config: MetricsConfig): void {
  if (!config.enabled) return;
  const metrics = app.get(MetricsService);
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onResponse', (request, reply, done) => {
    metrics.observeHttp(request.method, request.routeOptions.url, reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
  fastify.get(METRICS_PATH, async (request, reply) => {
    const access = metricsAccess(config.token, {
      remoteAddress: request.socket.remoteAddress,
      headers: request.headers,
    });
    reply.header('Cache-Control', 'no-store');
    if (access !== 'allowed') {
      const problem = { ...REFUSALS[access](), instance: METRICS_PATH, requestId: String(request.id) };
      if (access === 'unauthorized') reply.header('WWW-Authenticate', 'Bearer realm="metrics"');
      return reply.code(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
    }
    const text = await metrics.render();
    return reply.type(metrics.contentType).send(text);
  });
}
