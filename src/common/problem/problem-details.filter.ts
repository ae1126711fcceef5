import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isMalformedMultipart } from './multipart-errors';
import { Problem, PROBLEM_CONTENT_TYPE, problemFor, problemType } from './problem';
import { ProblemException } from './problem.exception';

const DB_DOWN_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  '57P01',
  '57P03',
  '08006',
  '08001',
  '08003',
]);

/** Database outages surface as driver errors; they are the service's problem, not the client's, and temporary. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { code?: string; message?: string; driverError?: unknown } | undefined;
  if (!e) return false;
  if (e.code && DB_DOWN_CODES.has(e.code)) return true;
  if (
    /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
      e.message ?? '',
    )
  )
    return true;
  return e.driverError ? isDatabaseUnavailable(e.driverError) : false;
}

/** Maps anything thrown to one problem document; only the server log ever sees a stack trace. */
export function toProblem(exception: unknown): Problem {
  if (exception instanceof ProblemException) return exception.problem;
  if (exception instanceof ThrottlerException)
    return problemFor(429, 'Too many requests; slow down and retry later.');
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const body = exception.getResponse();
    const message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
    const detail = Array.isArray(message)
      ? message.join('; ')
      : typeof message === 'string'
        ? message
        : undefined;
    return problemFor(status, detail);
  }
  // Fastify's own errors (body parsing, limits) carry a 4xx statusCode and a safe message.
  const fastify = exception as { statusCode?: number; code?: string; message?: string };
  if (typeof fastify?.statusCode === 'number' && fastify.statusCode >= 400 && fastify.statusCode < 500) {
    const detail =
      fastify.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
        ? 'The request body is larger than this service accepts.'
        : fastify.code?.startsWith('FST_ERR_CTP') || exception instanceof SyntaxError
          ? `The request body could not be read: ${fastify.message}`
          : fastify.message;
    return problemFor(fastify.statusCode, detail);
  }
  if (isMalformedMultipart(exception))
    return problemFor(400, 'The upload is not a well-formed multipart/form-data body.');
  if (isDatabaseUnavailable(exception)) {
    return problemFor(503, 'The database is unreachable; please retry shortly.', {
      type: problemType('database-unavailable'),
    });
  }
  return problemFor(500, 'An unexpected error occurred. It has been logged with this request id.');
}

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const problem: Problem = {
      ...toProblem(exception),
      instance: request.url?.split('?')[0],
      requestId: String(request.id),
    };
    if (problem.status >= 500) {
      this.logger.error(
        {
          reqId: request.id,
          err:
            exception instanceof Error
              ? { name: exception.name, message: exception.message, stack: exception.stack }
              : String(exception),
        },
        'request failed',
      );
    }
    if (problem.status === 401) reply.header('WWW-Authenticate', 'Bearer');
    if (problem.status === 503) reply.header('Retry-After', '5');
    // Named throttlers send Retry-After-<name>; clients look for the standard header.
    if (problem.status === 429 && !reply.getHeader('Retry-After')) {
      const named = Object.entries(reply.getHeaders()).find(([k]) =>
        k.toLowerCase().startsWith('retry-after-'),
      );
      reply.header('Retry-After', String(problem.retryAfter ?? named?.[1] ?? 60));
    }
    reply
      .status(problem.status)
      .header('Content-Type', PROBLEM_CONTENT_TYPE)
      .header('Cache-Control', 'no-store') // an error names one request; never serve it from a cache
      .send(problem);
  }
}
