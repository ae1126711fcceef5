import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { looksLikeApiKey } from '../api-keys/api-key-format';
import { ApiKeysService } from '../api-keys/api-keys.service';
import { AUTH_KEY, AuthRequirement, PUBLIC_KEY } from '../common/decorators/auth.decorator';
import type { AuthenticatedRequest } from '../common/decorators/current-actor.decorator';
import { RawSql, readDateTime, sql } from '../database/raw-sql';
import type { Role } from './roles';
import { TokensService, UserTokenKind } from './tokens.service';
import {
  CSRF_FIELD,
  CSRF_HEADER,
  csrfMatches,
  needsCsrf,
  presentedCsrf,
  readSessionCookie,
} from './web-session';

// Every signed-in request reads its session and user: one prepared statement, not TypeORM's findOne with a
// relation (which ran two queries and built two entities, and cost more than a whole card check).
const SESSION = sql(
  'auth_session',
  `SELECT s.user_id, s.expires_at, s.revoked_at, u.email, u.role, u.partner_id, u.family_id, u.disabled
     FROM sessions s JOIN users u ON u.id = s.user_id
    WHERE s.id = $1`,
);

interface SessionRow {
  user_id: string;
  expires_at: Date | string;
  revoked_at: Date | string | null;
  email: string;
  role: Role;
  partner_id: string | null;
  family_id: string | null;
  disabled: boolean | number;
}

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
    private readonly db: RawSql,
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
    const row = await this.db.row<SessionRow>(null, SESSION, [claims.sid]);
    if (
      !row ||
      row.user_id !== claims.sub ||
      row.revoked_at !== null ||
      readDateTime(row.expires_at) <= new Date() ||
      Boolean(row.disabled)
    ) {
      throw new UnauthorizedException('This session has ended; sign in again.');
    }
    request.actor = {
      type: 'user',
      id: row.user_id,
      label: row.email,
      role: row.role,
      sessionId: claims.sid,
      partnerId: row.partner_id,
      familyId: row.family_id,
      requestId: String(request.id),
      ip: request.ip,
    };
    if (requirement.roles.length > 0 && !requirement.roles.includes(row.role)) {
      throw new ForbiddenException(`This needs one of the roles: ${requirement.roles.join(', ')}.`);
    }
    return true;
  }
}
