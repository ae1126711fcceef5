import { problemFor } from './problem';
import { ProblemException } from './problem.exception';

/**
 * busboy's errors for a body that is not well-formed multipart/form-data (cut short, no closing boundary,
 * no boundary at all): plain Errors without a code or status, so they would otherwise surface as a 500
 * (found by test/fuzz.e2e-spec.ts).
 */
export function isMalformedMultipart(error: unknown): boolean {
  return (
    error instanceof Error &&
    /unexpected end of multipart data|^Multipart: Boundary not found/i.test(error.message)
  );
}

export const malformedMultipart = (): ProblemException =>
  new ProblemException(problemFor(400, 'The upload is not a well-formed multipart/form-data body.'));
