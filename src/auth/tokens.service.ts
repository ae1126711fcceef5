import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import type { AuthConfig } from '../config/auth.config';
import { randomToken, sha256Hex } from '../common/crypto';

/** `access`: a short-lived Bearer token; `web`: the session cookie's token, which lives as long as its session. */
export type UserTokenKind = 'access' | 'web';

export interface AccessClaims {
  sub: string;
  sid: string;
  typ: UserTokenKind;
}

/**
 * Issues and reads the token kinds: a short-lived signed access token, an opaque refresh token, the web session
 * cookie's signed token and the CSRF token bound to a session. Every user token names its session, which the
 * guard checks on each request, so a long-lived cookie token still ends the moment its session does.
 */
@Injectable()
export class TokensService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: ConfigService,
  ) {}

  get ttl(): { access: number; refresh: number } {
    const auth = this.config.getOrThrow<AuthConfig>('auth');
    return { access: auth.accessTokenTtlSeconds, refresh: auth.refreshTokenTtlSeconds };
  }

  signAccess(userId: string, sessionId: string): Promise<string> {
    const claims: AccessClaims = { sub: userId, sid: sessionId, typ: 'access' };
    return this.jwt.signAsync(claims, { expiresIn: this.ttl.access });
  }

  /** The session cookie's token: valid until the session expires. */
  signWeb(userId: string, sessionId: string, expiresAt: Date): Promise<string> {
    const claims: AccessClaims = { sub: userId, sid: sessionId, typ: 'web' };
    const seconds = Math.max(1, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
    return this.jwt.signAsync(claims, { expiresIn: seconds });
  }

  async verifyAccess(token: string, kind: UserTokenKind = 'access'): Promise<AccessClaims | null> {
    try {
      const claims = await this.jwt.verifyAsync<AccessClaims>(token);
      return claims.typ === kind && claims.sub && claims.sid ? claims : null;
    } catch {
      return null;
    }
  }

  /**
   * The CSRF token of a session: an HS256 signature over the session id with the token secret (no time in it,
   * so the same for the session's whole life), which a cross-site page can neither read nor compute.
   */
  csrfToken(sessionId: string): string {
    return this.jwt.sign({ sid: sessionId, typ: 'csrf' }, { noTimestamp: true }).split('.')[2];
  }

  /** `<sessionId>.<secret>`: the session id finds the row, the secret's hash must match its current value. */
  newRefresh(sessionId: string): { token: string; hash: string } {
    const secret = randomToken(32);
    return { token: `${sessionId}.${secret}`, hash: sha256Hex(secret) };
  }

  parseRefresh(token: string): { sessionId: string; hash: string } | null {
    const m = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(token);
    return m ? { sessionId: m[1], hash: sha256Hex(m[2]) } : null;
  }
}
