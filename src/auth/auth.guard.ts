import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { looksLikeApiKey } from '../api-keys/api-key-format';
import { ApiKeysService } from '../api-keys/api-keys.service';
import { AUTH_KEY, AuthRequirement, PUBLIC_KEY } from '../common/decorators/auth.decorator';
import type { AuthenticatedRequest } from '../common/decorators/current-actor.decorator';
import { SessionEntity } from './session.entity';
import { TokensService, UserTokenKind } from './tokens.service';
import {
  CSRF_FIELD,
  CSRF_HEADER,
  csrfMatches,
  needsCsrf,
  presentedCsrf,
  readSessionCookie,
} from './web-session';

/** `Authorization: Bearer <jwt | API key>` or `X-API-Key: <API key>`. */
export function extractCredential(headers: Record<string, string | string[] | undefined>): string | null {
  const apiKey = headers['x-api-key'];
  if (typeof apiKey === 'string' && apiKey) return apiKey.trim();
  const authorization = headers.authorization;
  if (typeof authorization !== 'string') return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  return m ? m[1] : null;
}

/**
 * Global guard: every route needs credentials unless marked @Public(). Users are checked against their
 * session on each request, so logout, disabling and re-roling act immediately; API keys need the route's scope.
 * Without an Authorization or X-API-Key header, the web session cookie is tried (web-session.ts).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokensService,
    private readonly apiKeys: ApiKeysService,
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const requirement = this.reflector.getAllAndOverride<AuthRequirement>(AUTH_KEY, targets) ?? { roles: [] };
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const credential = extractCredential(request.headers);
    if (credential)
      return looksLikeApiKey(credential)
        ? this.admitApiKey(request, credential, requirement)
        : this.admitUser(request, credential, requirement, 'access');
    const cookie = readSessionCookie(request.headers.cookie);
    if (!cookie)
      throw new UnauthorizedException('Sign in (Bearer access token or session cookie) or send an API key.');
    await this.admitUser(request, cookie, requirement, 'web');
    // Only a cookie is sent by the browser on its own, so only a cookie-authenticated change needs the token.
    if (
      needsCsrf(request.method) &&
      !csrfMatches(
        this.tokens.csrfToken(request.actor!.sessionId!),
        presentedCsrf(request.headers, request.body, request.query),
      )
    )
      throw new ForbiddenException(
        `A change made with the session cookie needs its CSRF token (the ${CSRF_HEADER} header or the ${CSRF_FIELD} field).`,
      );
    // The form field has done its work; the route's own input is validated without it.
    if (request.body !== null && typeof request.body === 'object')
      delete (request.body as Record<string, unknown>)[CSRF_FIELD];
    return true;
  }

  private async admitApiKey(
    request: AuthenticatedRequest,
    presented: string,
    requirement: AuthRequirement,
  ): Promise<boolean> {
    const key = await this.apiKeys.authenticate(presented);
    if (!key) throw new UnauthorizedException('Invalid, expired or revoked API key.');
    request.actor = {
      type: 'api_key',
      id: key.id,
      label: key.name,
      partnerId: key.partnerId,
      scopes: key.scopes,
      requestId: String(request.id),
      ip: request.ip,
    };
    if (!requirement.scope || !key.scopes.includes(requirement.scope)) {
      throw new ForbiddenException(
        requirement.scope
          ? `This API key lacks the scope ${requirement.scope}.`
          : 'This route is not open to API keys.',
      );
    }
    return true;
  }

  private async admitUser(
    request: AuthenticatedRequest,
    token: string,
    requirement: AuthRequirement,
    kind: UserTokenKind,
  ): Promise<boolean> {
    const claims = await this.tokens.verifyAccess(token, kind);
    if (!claims)
      throw new UnauthorizedException(
        kind === 'web'
          ? 'The session cookie is invalid or expired; sign in again.'
          : 'Invalid or expired access token.',
      );
    const session = await this.sessions.findOne({ where: { id: claims.sid }, relations: { user: true } });
    const user = session?.user;
    if (
      !session ||
      !user ||
      session.userId !== claims.sub ||
      session.revokedAt ||
      session.expiresAt <= new Date() ||
      user.disabled
    ) {
      throw new UnauthorizedException('This session has ended; sign in again.');
    }
    request.actor = {
      type: 'user',
      id: user.id,
      label: user.email,
      role: user.role,
      sessionId: session.id,
      partnerId: user.partnerId,
      familyId: user.familyId,
      requestId: String(request.id),
      ip: request.ip,
    };
    if (requirement.roles.length > 0 && !requirement.roles.includes(user.role)) {
      throw new ForbiddenException(`This needs one of the roles: ${requirement.roles.join(', ')}.`);
    }
    return true;
  }
}
