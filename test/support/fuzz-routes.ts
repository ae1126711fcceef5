import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { Role } from '../../src/auth/roles';
import { routeHandlers } from './route-handlers';
import type { TestApp } from './test-app';

/** Who may call an operation, keyed as the OpenAPI document names it: `post /api/v1/users/{id}`. */
export interface Access {
  isPublic: boolean;
  /** Empty: any signed-in user. */
  roles: Role[];
  /** The handler takes the whole query string as one DTO, so unknown parameters are refused (forbidNonWhitelisted). */
  queryDto: boolean;
}

/** Reads `@Auth({ roles })` / `@Public()` from every controller handler (test/support/route-handlers.ts). */
export function accessByOperation(t: TestApp): Map<string, Access> {
  return new Map(
    routeHandlers(t).map((r) => [
      `${r.method.toLowerCase()} ${r.url.replace(/:([A-Za-z]+)/g, '{$1}')}`,
      { isPublic: r.isPublic, roles: r.auth?.roles ?? [], queryDto: takesQueryDto(r.controller, r.handler) },
    ]),
  );
}

/** Whether a handler has `@Query()` without a key: the whole query string validated as one DTO. */
function takesQueryDto(cls: object, method: string): boolean {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, cls, method) ?? {}) as Record<
    string,
    { data?: unknown }
  >;
  return Object.entries(args).some(
    ([key, arg]) => key.startsWith(`${RouteParamtypes.QUERY}:`) && arg.data === undefined,
  );
}

/** The caller the fuzzer uses for an operation: the first allowed role in this order. */
export const ROLE_PREFERENCE: Role[] = [
  'admin',
  'partner_manager',
  'case_worker',
  'merchant_owner',
  'family',
  'auditor',
  'merchant_cashier',
];

export function callerRole(access: Access): Role | null {
  if (access.isPublic) return null;
  if (!access.roles.length) return 'admin';
  return ROLE_PREFERENCE.find((r) => access.roles.includes(r)) ?? access.roles[0];
}
