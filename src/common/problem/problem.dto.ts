/** Swagger description of the one error shape (RFC 9457). */
export class FieldErrorDto {
  /** Path of the invalid input field. @example "email" */
  field: string;
  /** What is wrong with it. @example "email must be an email" */
  message: string;
}

export class ProblemDto {
  /** Problem type URI reference. @example "/problems/validation-error" */
  type: string;
  /** Short summary. @example "Invalid request" */
  title: string;
  /** HTTP status code. @example 400 */
  status: number;
  /** Human-readable explanation. */
  detail?: string;
  /** Path of the request. @example "/api/v1/users" */
  instance?: string;
  /** Request id, also sent as the X-Request-Id header. */
  requestId?: string;
  /** Field-level messages for invalid input. */
  errors?: FieldErrorDto[];
}
