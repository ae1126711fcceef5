import { applyDecorators, Header, Post, UseFilters } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiExtraModels,
  ApiOkResponse,
  ApiResponse,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { ProblemDto } from '../../common/problem/problem.dto';
import { PageSignInFilter } from '../page-sign-in.filter';

const HTML = { 'text/html': { schema: { type: 'string' } } };

/**
 * A form whose answer shows a secret once (a first password, a new API key): unlike FormRoute's
 * post/redirect/get, it answers 200 with the page itself, so the secret is never in an address or stored to
 * be shown again; never cached. Auth and the CSRF check come from the route's own @Auth(). The handler says
 * @HttpCode(200) itself: the OpenAPI plugin reads that from the source.
 */
export const SecretFormRoute = (path: string, description: string, errorPages: Record<number, string>) =>
  applyDecorators(
    Post(path),
    UseFilters(PageSignInFilter),
    Header('Cache-Control', 'no-store'),
    Header('Referrer-Policy', 'no-referrer'),
    ApiConsumes('application/x-www-form-urlencoded'),
    ApiBody({ schema: { type: 'object', additionalProperties: { type: 'string' } } }),
    ApiOkResponse({ description, content: HTML }),
    ApiExtraModels(ProblemDto),
    ...Object.entries(errorPages).map(([status, text]) =>
      ApiResponse({ status: Number(status), description: text, content: HTML }),
    ),
    ApiTooManyRequestsResponse({ type: ProblemDto }),
  );
