import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE } from './problem';
import { toProblem } from './problem-details.filter';

/**
 * Fastify's `frameworkErrors`: the router refuses a malformed URL (400) or a path parameter over
 * `maxParamLength` (414) before any hook, guard or Nest filter runs. Without this they answer Fastify's own
 * JSON, not the one problem shape (found by test/fuzz.e2e-spec.ts).
 */
export function routerErrorProblem(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const problem = {
    ...toProblem(error),
    // The path itself is what was refused (it may be hundreds of characters); the detail does not echo it.
    detail:
      error.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? 'A path parameter is longer than this service accepts.'
        : 'The request path is not a valid URL.',
    instance: request.url.split('?')[0].slice(0, 200),
    requestId: String(request.id),
  };
  void reply
    .status(problem.status)
    .header('X-Request-Id', request.id)
    .header('Content-Type', PROBLEM_CONTENT_TYPE)
    .header('Cache-Control', 'no-store')
    .send(problem);
}
