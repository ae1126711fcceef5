import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { UNPREFIXED_ROUTES } from '../../src/bootstrap';
import { AUTH_KEY, AuthRequirement, PUBLIC_KEY } from '../../src/common/decorators/auth.decorator';
import type { TestApp } from './test-app';

/** One route of a Nest controller, with the auth its handler (or class) declares. */
export interface RouteHandler {
  method: string;
  /** As served: `/api/v1/users/:id`, or `/console` for a page outside the prefix. */
  url: string;
  controller: object;
  handler: string;
  isPublic: boolean;
  auth?: AuthRequirement;
}

/** Every route of every controller in the app, read from the decorators' metadata. */
export function routeHandlers(t: TestApp): RouteHandler[] {
  const routes: RouteHandler[] = [];
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const cls = wrapper.metatype as { prototype: Record<string, unknown> } & (new () => unknown);
      const base = String(Reflect.getMetadata(PATH_METADATA, cls) ?? '');
      for (const name of Object.getOwnPropertyNames(cls.prototype)) {
        const fn = cls.prototype[name] as object;
        const method = Reflect.getMetadata(METHOD_METADATA, fn) as RequestMethod | undefined;
        if (method === undefined || typeof fn !== 'function') continue;
        for (const sub of [Reflect.getMetadata(PATH_METADATA, fn) ?? ''].flat().map(String)) {
          // Outside the /api/v1 prefix: health, the JWKS, the check page behind the QR code and the other pages.
          const path = [base, sub].filter((s) => s && s !== '/').join('/');
          const unprefixed = UNPREFIXED_ROUTES.some((route) => route.replace(/^\//, '') === path);
          routes.push({
            method: RequestMethod[method],
            url: `${unprefixed ? '' : '/api/v1'}/${path}`.replace(/(.)\/+$/, '$1'),
            controller: cls,
            handler: name,
            isPublic: Boolean(Reflect.getMetadata(PUBLIC_KEY, fn) ?? Reflect.getMetadata(PUBLIC_KEY, cls)),
            auth: Reflect.getMetadata(AUTH_KEY, fn) ?? Reflect.getMetadata(AUTH_KEY, cls),
          });
        }
      }
    }
  }
  return routes;
}
