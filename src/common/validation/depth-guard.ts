import type { FastifyRequest } from 'fastify';
import { problemFor } from '../problem/problem';
import { ProblemException } from '../problem/problem.exception';

/** Far beyond any body of this API (an offer's opening hours are four levels deep). */
export const MAX_BODY_DEPTH = 32;

/**
 * Whether a parsed body nests objects or arrays deeper than `max` levels. Iterative, so a hostile body
 * cannot overflow the stack here; it would elsewhere — the validation pipe and class-transformer recurse,
 * and a 5,000-deep body made them throw RangeError, a 500 (found by test/fuzz.e2e-spec.ts).
 */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object' || Buffer.isBuffer(current)) continue;
    if (depth >= max) return true;
    for (const inner of Object.values(current)) stack.push([inner, depth + 1]);
  }
  return false;
}

/** Fastify preHandler: refuses a body nested deeper than MAX_BODY_DEPTH before anything recurses into it. */
export function refuseDeepNesting(
  request: FastifyRequest,
  _reply: unknown,
  done: (error?: Error) => void,
): void {
  done(
    nestedDeeperThan(request.body, MAX_BODY_DEPTH)
      ? new ProblemException(
          problemFor(400, `The request body is nested deeper than ${MAX_BODY_DEPTH} levels.`),
        )
      : undefined,
  );
}
