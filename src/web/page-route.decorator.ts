import { applyDecorators, Get, Header } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiResponse,
  ApiTooManyRequestsResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../common/decorators/auth.decorator';
import { ProblemDto } from '../common/problem/problem.dto';

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
  );

const problemJson = () => ({ 'application/json': { schema: { $ref: getSchemaPath(ProblemDto) } } });

/** The page's own Content-Security-Policy, and caches told that the language follows Accept-Language. */
export function pageHeaders(reply: FastifyReply, csp: string): void {
  reply.header('Content-Security-Policy', csp);
  reply.header('Vary', 'Accept-Language');
}
