import { applyDecorators, Get, Header } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../common/decorators/auth.decorator';
import { ProblemDto } from '../common/problem/problem.dto';

/**
 * A page shell: public (it holds no one's data; its scripts fetch that with the user's token), revalidated by
 * browsers (its service worker keeps its own copy), sent without a referrer, documented as HTML.
 */
export const PageRoute = (path: string, description: string) =>
  applyDecorators(
    Get(path),
    Public(),
    Header('Content-Type', 'text/html; charset=utf-8'),
    Header('Cache-Control', 'no-cache'),
    Header('Referrer-Policy', 'no-referrer'),
    ApiOkResponse({ description, content: { 'text/html': { schema: { type: 'string' } } } }),
    ApiBadRequestResponse({ description: 'Invalid lang', type: ProblemDto }),
    ApiTooManyRequestsResponse({ type: ProblemDto }),
  );

/** The page's own Content-Security-Policy, and caches told that the language follows Accept-Language. */
export function pageHeaders(reply: FastifyReply, csp: string): void {
  reply.header('Content-Security-Policy', csp);
  reply.header('Vary', 'Accept-Language');
}
