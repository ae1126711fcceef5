import type { FastifyRequest } from 'fastify';
import { ProblemException } from '../problem/problem.exception';

/**
 * The path of the first string holding a NUL character in a parsed body, query or path, or null. PostgreSQL
 * text cannot store U+0000 (error 22021, a 500) while SQLite can, so no input may carry one: refusing it up
 * front answers the same 400 on both engines. Buffers (raw image uploads) are bytes, not text.
 */
export function nulPath(value: unknown, path = '', depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path || 'body' : null;
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value) || depth > 32) return null;
  for (const [key, inner] of Object.entries(value)) {
    if (key.includes('\u0000')) return path ? `${path}.${key}` : key;
    const found = nulPath(
      inner,
      Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key,
      depth + 1,
    );
    if (found !== null) return found;
  }
  return null;
}

/** Fastify preHandler: refuses a request whose text anywhere contains NUL, before any handler sees it. */
export function refuseNul(request: FastifyRequest, _reply: unknown, done: (error?: Error) => void): void {
  const field =
    nulPath(request.params as unknown) ??
    nulPath(request.query as unknown) ??
    nulPath(request.body as unknown);
  done(
    field === null
      ? undefined
      : ProblemException.validation([{ field, message: `${field} must not contain a NUL character` }]),
  );
}
