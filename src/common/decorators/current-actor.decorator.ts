import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Actor, anonymousActor } from '../../auth/actor';

export type AuthenticatedRequest = FastifyRequest & { actor?: Actor };

/** The acting principal with the request id and client address, for services and the audit log. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const request = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  return request.actor ?? anonymousActor(String(request.id), request.ip);
});
