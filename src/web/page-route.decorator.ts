import { applyDecorators, Get, Header, Post, UseFilters } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiExtraModels,
  ApiOkResponse,
  ApiResponse,
  ApiTooManyRequestsResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Role } from '../auth/roles';
import { Auth, Public, RateLimit } from '../common/decorators/auth.decorator';
import { ProblemDto } from '../common/problem/problem.dto';
import { PageSignInFilter } from './page-sign-in.filter';

const HTML = { 'text/html': { schema: { type: 'string' } } };

/**
 * A public page: a shell that holds no one's data (its scripts fetch that with the user's token), or a page of
 * public data; revalidated by browsers (a service worker keeps its own copy), sent without a referrer,
 * documented as HTML. `errorPages` are statuses the page answers with a page of its own (a form with its
 * errors, "not found"); a 400 is otherwise a problem+json.
 */
export const PageRoute = (path: string, description: string, errorPages: Record<number, string> = {}) =>
  applyDecorators(
    Get(path),
    Public(),
    Header('Content-Type', 'text/html; charset=utf-8'),
    Header('Cache-Control', 'no-cache'),
    Header('Referrer-Policy', 'no-referrer'),
    ...pageDocs(description, errorPages),
  );

/**
 * A page of the signed-in user's own data, for `roles`: never stored by caches; a browser without a session is
 * sent to the sign-in page (PageSignInFilter), other callers get the API's 401.
 */
export const AccountPageRoute = (
  path: string,
  description: string,
  roles: Role[],
  errorPages: Record<number, string> = {},
) =>
  applyDecorators(
    Get(path),
    Auth({ roles }),
    UseFilters(PageSignInFilter),
    Header('Content-Type', 'text/html; charset=utf-8'),
    Header('Cache-Control', 'no-store'),
    Header('Referrer-Policy', 'no-referrer'),
    ...pageDocs(description, errorPages),
  );

/**
 * A form's POST (application/x-www-form-urlencoded, or multipart for an upload): done, it answers 303 to the
 * next page (post/redirect/get, so reloading never posts twice); otherwise the form again with its errors, with
 * the statuses in `errorPages`. Auth and the CSRF check come from the route's own @Public() or @Auth(). The
 * handler also says @HttpCode(303) itself: the OpenAPI plugin reads that from the source, not from here.
 */
export const FormRoute = (
  path: string,
  description: string,
  errorPages: Record<number, string>,
  consumes = 'application/x-www-form-urlencoded',
) =>
  applyDecorators(
    Post(path),
    UseFilters(PageSignInFilter),
    Header('Cache-Control', 'no-store'),
    Header('Referrer-Policy', 'no-referrer'),
    ApiConsumes(consumes),
    ApiBody({ schema: { type: 'object', additionalProperties: { type: 'string' } } }),
    ApiResponse({ status: 303, description }),
    ApiExtraModels(ProblemDto),
    ...Object.entries(errorPages).map(([status, text]) =>
      ApiResponse({ status: Number(status), description: text, content: HTML }),
    ),
    ApiTooManyRequestsResponse({ type: ProblemDto }),
  );

const pageDocs = (description: string, errorPages: Record<number, string>) => [
  ApiOkResponse({ description, content: HTML }),
  ...(errorPages[400] ? [] : [ApiBadRequestResponse({ description: 'Invalid lang', type: ProblemDto })]),
  ApiExtraModels(ProblemDto),
  ...Object.entries(errorPages).map(([status, text]) =>
    ApiResponse({
      status: Number(status),
      description: text,
      // A 400 may also be a problem+json: a query the page's form cannot have sent.
      content: Number(status) === 400 ? { ...HTML, ...problemJson() } : HTML,
    }),
  ),
  ApiTooManyRequestsResponse({ type: ProblemDto }),
];

const problemJson = () => ({ 'application/json': { schema: { $ref: getSchemaPath(ProblemDto) } } });

/**
 * A family's form post (the application wizard, the account's requests): signed-in family accounts only, at the
 * self-service rate limit. The handler still says @HttpCode(303) itself (see FormRoute).
 */
export const FamilyFormRoute = (...args: Parameters<typeof FormRoute>) =>
  applyDecorators(FormRoute(...args), Auth({ roles: ['family'] }), RateLimit('selfService'));

/** The page's own Content-Security-Policy, and caches told that the language follows Accept-Language. */
export function pageHeaders(reply: FastifyReply, csp: string): void {
  reply.header('Content-Security-Policy', csp);
  reply.header('Vary', 'Accept-Language');
}
