import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import type { Role } from '../../src/auth/roles';
import { UNPREFIXED_ROUTES } from '../../src/bootstrap';
import { AUTH_KEY, AuthRequirement, PUBLIC_KEY } from '../../src/common/decorators/auth.decorator';
import type { TestApp } from './test-app';

/** Who may call an operation, keyed as the OpenAPI document names it: `post /api/v1/users/{id}`. */
export interface Access {
  isPublic: boolean;
  /** Empty: any signed-in user. */
  roles: Role[];
  /** The handler takes the whole query string as one DTO, so unknown parameters are refused (forbidNonWhitelisted). */
  queryDto: boolean;
}

/** Reads `@Auth({ roles })` / `@Public()` from every controller handler (as test/routes.e2e-spec.ts does). */
export function accessByOperation(t: TestApp): Map<string, Access> {
  const out = new Map<string, Access>();
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const cls = wrapper.metatype as { prototype: Record<string, unknown> } & (new () => unknown);
      const base = String(Reflect.getMetadata(PATH_METADATA, cls) ?? '');
      for (const name of Object.getOwnPropertyNames(cls.prototype)) {
        const fn = cls.prototype[name] as object;
        const method = Reflect.getMetadata(METHOD_METADATA, fn) as RequestMethod | undefined;
        if (method === undefined || typeof fn !== 'function') continue;
        for (const sub of [Reflect.getMetadata(PATH_METADATA, fn) ?? ''].flat().map(String)) {
          const path = [base, sub].filter((s) => s && s !== '/').join('/');
          const unprefixed = UNPREFIXED_ROUTES.some((route) => route.replace(/^\//, '') === path);
          const url = `${unprefixed ? '' : '/api/v1'}/${path}`
            .replace(/(.)\/+$/, '$1')
            .replace(/:([A-Za-z]+)/g, '{$1}');
          const auth = (Reflect.getMetadata(AUTH_KEY, fn) ?? Reflect.getMetadata(AUTH_KEY, cls)) as
            AuthRequirement | undefined;
          out.set(`${RequestMethod[method].toLowerCase()} ${url}`, {
            isPublic: Boolean(Reflect.getMetadata(PUBLIC_KEY, fn) ?? Reflect.getMetadata(PUBLIC_KEY, cls)),
            roles: auth?.roles ?? [],
            queryDto: takesQueryDto(cls, name),
          });
        }
      }
    }
  }
  return out;
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
