/**
 * busboy's errors for a body that is not well-formed multipart/form-data (cut short, no closing boundary,
 * no boundary at all): plain Errors without a code or status. `toProblem` answers them 400 wherever an upload
 * is read (a 500 before; found by test/fuzz.e2e-spec.ts); the pages' logo forms take them as "no file".
 */
export function isMalformedMultipart(error: unknown): boolean {
  return (
    error instanceof Error &&
    /unexpected end of multipart data|^Multipart: Boundary not found/i.test(error.message)
  );
}
