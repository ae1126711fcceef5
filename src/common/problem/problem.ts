import { STATUS_CODES } from 'node:http';

export interface FieldError {
  /** Path of the offending input, e.g. `email` or `members[1].birthDate`. */
  field: string;
  message: string;
}

/** RFC 9457 problem details, the one error shape of the API. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** Problem type URIs are relative references documented in docs/errors.md. */
export function problemType(slug: string): string {
  return `/problems/${slug}`;
}

const SLUGS: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: 'unprocessable',
  423: 'locked',
  429: 'too-many-requests',
  500: 'internal-error',
  503: 'service-unavailable',
};

export function problemFor(status: number, detail?: string, extra: Partial<Problem> = {}): Problem {
  return {
    type: problemType(SLUGS[status] ?? `http-${status}`),
    title: STATUS_CODES[status] ?? 'Error',
    status,
    ...(detail ? { detail } : {}),
    ...extra,
  };
}
