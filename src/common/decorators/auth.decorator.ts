import { applyDecorators, SetMetadata } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiSecurity,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { ApiScope, Role } from '../../auth/roles';
import { ProblemDto } from '../problem/problem.dto';

export const AUTH_KEY = 'familyCard:auth';
export const PUBLIC_KEY = 'familyCard:public';
export const RATE_LIMIT_KEY = 'familyCard:rateLimit';

export interface AuthRequirement {
  /** Roles allowed; empty means any signed-in user. */
  roles: Role[];
  /** Scope an API key needs to call this route; without it API keys are refused. */
  scope?: ApiScope;
}

/** Auth + permission + their OpenAPI description in one line (ghostfolio's composed decorators). */
export function Auth(options: { roles?: Role[]; scope?: ApiScope } = {}) {
  const requirement: AuthRequirement = { roles: options.roles ?? [], scope: options.scope };
  return applyDecorators(
    SetMetadata(AUTH_KEY, requirement),
    ApiBearerAuth('bearer'),
    ApiSecurity('session-cookie'),
    ...(options.scope ? [ApiSecurity('api-key')] : []),
    ApiUnauthorizedResponse({ description: 'Missing or invalid credentials', type: ProblemDto }),
    ApiForbiddenResponse({ description: 'Signed in, but not allowed', type: ProblemDto }),
  );
}

/** Marks a route as reachable without credentials. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

export type RateLimitGroup = 'login' | 'selfService' | 'validation' | 'publicCheck';

/** Puts a route under a stricter named rate limit in addition to the global one. */
export const RateLimit = (group: RateLimitGroup) =>
  applyDecorators(
    SetMetadata(RATE_LIMIT_KEY, group),
    ApiTooManyRequestsResponse({ description: 'Rate limit or lock-out', type: ProblemDto }),
  );
