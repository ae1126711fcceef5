import {
  BadRequestException,
  ConflictException,
  HttpException,
  NotFoundException,
  UnauthorizedException,
} from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable, toProblem } from './problem-details.filter';
import { Problem } from './problem';
import { ProblemException } from './problem.exception';

/** What Fastify throws for requests it refuses before they reach a route. */
const fastifyError = (statusCode: number, code: string | undefined, message: string) =>
  Object.assign(new Error(message), { statusCode, code });

const withCode = (code: string, message = 'driver failure') => Object.assign(new Error(message), { code });

describe('toProblem', () => {
  it.each<[string, unknown, Problem]>([
    [
      'a BadRequestException',
      new BadRequestException('The period is not open.'),
      { type: '/problems/bad-request', title: 'Bad Request', status: 400, detail: 'The period is not open.' },
    ],
    [
      'a BadRequestException with several messages',
      new BadRequestException(['a must be set', 'b must be a number']),
      {
        type: '/problems/bad-request',
        title: 'Bad Request',
        status: 400,
        detail: 'a must be set; b must be a number',
      },
    ],
    [
      'a NotFoundException',
      new NotFoundException('No such family.'),
      { type: '/problems/not-found', title: 'Not Found', status: 404, detail: 'No such family.' },
    ],
    [
      'a NotFoundException without a message',
      new NotFoundException(),
      { type: '/problems/not-found', title: 'Not Found', status: 404, detail: 'Not Found' },
    ],
    [
      'a ConflictException',
      new ConflictException('The card is already active.'),
      { type: '/problems/conflict', title: 'Conflict', status: 409, detail: 'The card is already active.' },
    ],
    [
      'an UnauthorizedException',
      new UnauthorizedException('Invalid e-mail or password.'),
      {
        type: '/problems/unauthorized',
        title: 'Unauthorized',
        status: 401,
        detail: 'Invalid e-mail or password.',
      },
    ],
    [
      'an HttpException with a status that has no slug',
      new HttpException('Brewing.', 418),
      { type: '/problems/http-418', title: "I'm a Teapot", status: 418, detail: 'Brewing.' },
    ],
    [
      'an HttpException whose body has no message',
      new HttpException({ reason: 'x' }, 422),
      { type: '/problems/unprocessable', title: 'Unprocessable Entity', status: 422 },
    ],
    [
      'a ThrottlerException',
      new ThrottlerException(),
      {
        type: '/problems/too-many-requests',
        title: 'Too Many Requests',
        status: 429,
        detail: 'Too many requests; slow down and retry later.',
      },
    ],
    [
      'a validation ProblemException with its field errors',
      ProblemException.validation([{ field: 'members[1].name', message: 'name should not be empty' }]),
      {
        type: '/problems/validation-error',
        title: 'Invalid request',
        status: 400,
        detail: 'The request has invalid fields.',
        errors: [{ field: 'members[1].name', message: 'name should not be empty' }],
      },
    ],
    [
      'a conflict ProblemException with its own type',
      ProblemException.conflict('email-taken', 'This e-mail address is already in use.'),
      {
        type: '/problems/email-taken',
        title: 'Conflict',
        status: 409,
        detail: 'This e-mail address is already in use.',
      },
    ],
    [
      'a Fastify invalid JSON body',
      fastifyError(
        400,
        'FST_ERR_CTP_INVALID_JSON_BODY',
        "Body is not valid JSON but content-type is set to 'application/json'",
      ),
      {
        type: '/problems/bad-request',
        title: 'Bad Request',
        status: 400,
        detail:
          "The request body could not be read: Body is not valid JSON but content-type is set to 'application/json'",
      },
    ],
    [
      'a Fastify empty JSON body',
      fastifyError(
        400,
        'FST_ERR_CTP_EMPTY_JSON_BODY',
        "Body cannot be empty when content-type is set to 'application/json'",
      ),
      {
        type: '/problems/bad-request',
        title: 'Bad Request',
        status: 400,
        detail:
          "The request body could not be read: Body cannot be empty when content-type is set to 'application/json'",
      },
    ],
    [
      'a JSON SyntaxError with a 400 status',
      Object.assign(new SyntaxError('Unexpected token } in JSON'), { statusCode: 400 }),
      {
        type: '/problems/bad-request',
        title: 'Bad Request',
        status: 400,
        detail: 'The request body could not be read: Unexpected token } in JSON',
      },
    ],
    // 413 and 415 have slugs, so the type must match what problemFor (and Nest's own exceptions) give them.
    [
      'a Fastify body that is too large',
      fastifyError(413, 'FST_ERR_CTP_BODY_TOO_LARGE', 'Request body is too large'),
      {
        type: '/problems/payload-too-large',
        title: 'Payload Too Large',
        status: 413,
        detail: 'The request body is larger than this service accepts.',
      },
    ],
    [
      'a Fastify unsupported media type',
      fastifyError(415, 'FST_ERR_CTP_INVALID_MEDIA_TYPE', 'Unsupported Media Type: text/csv'),
      {
        type: '/problems/unsupported-media-type',
        title: 'Unsupported Media Type',
        status: 415,
        detail: 'The request body could not be read: Unsupported Media Type: text/csv',
      },
    ],
    [
      'a multipart body cut short (busboy)',
      new Error('Unexpected end of multipart data'),
      {
        type: '/problems/bad-request',
        title: 'Bad Request',
        status: 400,
        detail: 'The upload is not a well-formed multipart/form-data body.',
      },
    ],
    [
      'another Fastify client error',
      fastifyError(405, undefined, 'Method Not Allowed'),
      {
        type: '/problems/method-not-allowed',
        title: 'Method Not Allowed',
        status: 405,
        detail: 'Method Not Allowed',
      },
    ],
  ])('maps %s', (_, exception, expected) => {
    expect(toProblem(exception)).toStrictEqual(expected);
  });

  it.each<[string, unknown]>([
    ['a plain Error', new Error('relation "users" does not exist')],
    ['a TypeError', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a Fastify server error', fastifyError(500, 'FST_ERR_SOMETHING', 'internal fastify detail')],
    ['an error with a 3xx status', fastifyError(302, undefined, 'redirect detail')],
    ['a thrown string', 'internal string detail'],
    ['undefined', undefined],
    ['null', null],
  ])('hides %s behind a 500', (_, exception) => {
    expect(toProblem(exception)).toStrictEqual({
      type: '/problems/internal-error',
      title: 'Internal Server Error',
      status: 500,
      detail: 'An unexpected error occurred. It has been logged with this request id.',
    });
  });

  it.each([
    ['a plain Error', new Error('password authentication failed for user "fc_app"')],
    ['a TypeError', new TypeError("Cannot read properties of undefined (reading 'id')")],
  ])('reveals neither the message nor the stack of %s', (_, exception) => {
    const text = JSON.stringify(toProblem(exception));
    const firstFrame = String(exception.stack?.split('\n')[1]?.trim());
    expect(firstFrame).toMatch(/^at /);
    expect(text).not.toContain(exception.message);
    expect(text).not.toContain(firstFrame);
  });

  it.each<[string, unknown]>([
    ['ECONNREFUSED', withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['pg 57P01 (admin shutdown)', withCode('57P01', 'terminating connection due to administrator command')],
    [
      'pg 57P01 inside a QueryFailedError',
      new QueryFailedError(
        'SELECT 1',
        [],
        withCode('57P01', 'terminating connection due to administrator command'),
      ),
    ],
    ['a lost connection', new Error('Connection terminated unexpectedly')],
  ])('maps a database outage (%s) to 503', (_, exception) => {
    expect(toProblem(exception)).toStrictEqual({
      type: '/problems/database-unavailable',
      title: 'Service Unavailable',
      status: 503,
      detail: 'The database is unreachable; please retry shortly.',
    });
  });
});

describe('isDatabaseUnavailable', () => {
  it.each<[string, unknown]>([
    ['ECONNREFUSED', withCode('ECONNREFUSED')],
    ['ECONNRESET', withCode('ECONNRESET')],
    ['ETIMEDOUT', withCode('ETIMEDOUT')],
    ['EPIPE', withCode('EPIPE')],
    ['ENOTFOUND', withCode('ENOTFOUND')],
    ['pg 57P01 (admin shutdown)', withCode('57P01')],
    ['pg 57P03 (cannot connect now)', withCode('57P03')],
    ['pg 08006 (connection failure)', withCode('08006')],
    ['pg 08001 (unable to connect)', withCode('08001')],
    ['pg 08003 (connection does not exist)', withCode('08003')],
    ['a code only in driverError', { message: 'Query failed', driverError: withCode('57P01') }],
    ['a code two driverErrors deep', { driverError: { driverError: { code: 'ECONNREFUSED' } } }],
    ['"Connection terminated unexpectedly"', new Error('Connection terminated unexpectedly')],
    [
      '"Connection terminated due to connection timeout"',
      new Error('Connection terminated due to connection timeout'),
    ],
    ['"timeout exceeded when trying to connect"', new Error('timeout exceeded when trying to connect')],
    [
      '"Client has encountered a connection error"',
      new Error('Client has encountered a connection error and is not queryable'),
    ],
  ])('recognises %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each<[string, unknown]>([
    ['undefined', undefined],
    ['null', null],
    ['a plain Error', new Error('boom')],
    ['a unique violation', withCode('23505', 'duplicate key value violates unique constraint')],
    ['a SQLite busy error', withCode('SQLITE_BUSY', 'database is locked')],
    ['an unrelated driverError', { driverError: withCode('42P01', 'relation "x" does not exist') }],
    ['an HTTP exception', new NotFoundException()],
  ])('ignores %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
