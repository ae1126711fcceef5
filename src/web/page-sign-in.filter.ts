import { ArgumentsHost, Catch, UnauthorizedException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ProblemDetailsFilter } from '../common/problem/problem-details.filter';
import { siteHref } from './site-layout';

export const SIGN_IN_PATH = '/signin';

/** Whether the caller is a browser asking for a page (Accept names text/html), not a script or API client. */
export const wantsPage = (accept: string | undefined): boolean => /\btext\/html\b/i.test(accept ?? '');

/**
 * On pages that need a session: a browser without one (or whose session ended) is sent to the sign-in page in
 * its language; everything else, and every other caller, gets the API's problem+json.
 */
@Catch()
export class PageSignInFilter extends ProblemDetailsFilter {
  override catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    if (!(exception instanceof UnauthorizedException) || !wantsPage(request.headers.accept))
      return super.catch(exception, host);
    const lang = (request.query as Record<string, unknown> | undefined)?.lang;
    host
      .switchToHttp()
      .getResponse<FastifyReply>()
      .status(303)
      .header(
        'Location',
        siteHref(SIGN_IN_PATH, { lang: typeof lang === 'string' && /^[a-z]{2}$/.test(lang) ? lang : null }),
      )
      .header('Cache-Control', 'no-store')
      .send();
  }
}
