import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import type { AuthConfig } from '../config/auth.config';
import { randomToken, sha256Hex } from '../common/crypto';

export interface AccessClaims {
  sub: string;
  sid: string;
  typ: 'access';
}

/** Issues and reads the two token kinds: a short-lived signed access token and an opaque refresh token. */
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

  async verifyAccess(token: string): Promise<AccessClaims | null> {
    try {
      const claims = await this.jwt.verifyAsync<AccessClaims>(token);
      return claims.typ === 'access' && claims.sub && claims.sid ? claims : null;
    } catch {
      return null;
    }
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
