import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { parse, serialize } from 'cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor';
import { TokensService } from '../auth/tokens.service';
import { csrfMatches, CSRF_FIELD, presentedCsrf } from '../auth/web-session';
import { randomToken } from '../common/crypto';
import type { AppConfig } from '../config/app.config';

/**
 * Forms of people not signed in yet (sign-in, registration) have no session to bind a CSRF token to, so they
 * get a random cookie of their own: without it, another site could post its own e-mail and password and sign
 * the browser into that account (login CSRF). A session's forms use the session's token, checked by AuthGuard.
 */
export const FORM_COOKIE = 'fc_form';
const FORM_COOKIE_SECONDS = 2 * 60 * 60;

export const readFormCookie = (header: string | undefined): string | null =>
  (header && parse(header)[FORM_COOKIE]) || null;

export { CSRF_FIELD };

@Injectable()
export class PageCsrf {
  private readonly secure: boolean;

  constructor(
    private readonly tokens: TokensService,
    config: ConfigService,
  ) {
    this.secure = config.getOrThrow<AppConfig>('app').publicUrl.startsWith('https://');
  }

  /** The hidden `_csrf` of a signed-in user's forms. */
  forSession(actor: Actor): string {
    return this.tokens.csrfToken(actor.sessionId!);
  }

  /** The hidden `_csrf` of an anonymous form; sets the form cookie when the browser has none. */
  anonymous(request: FastifyRequest, reply: FastifyReply): string {
    let value = readFormCookie(request.headers.cookie);
    if (!value || !/^[A-Za-z0-9_-]{20,64}$/.test(value)) {
      value = randomToken(24);
      reply.header(
        'Set-Cookie',
        serialize(FORM_COOKIE, value, {
          httpOnly: true,
          sameSite: 'lax',
          secure: this.secure,
          path: '/',
          maxAge: FORM_COOKIE_SECONDS,
        }),
      );
    }
    return this.tokens.csrfToken(`form:${value}`);
  }

  /** Whether an anonymous form came back with the token of this browser's form cookie. */
  anonymousMatches(request: FastifyRequest): boolean {
    const value = readFormCookie(request.headers.cookie);
    return (
      value !== null && csrfMatches(this.tokens.csrfToken(`form:${value}`), presentedCsrf({}, request.body))
    );
  }
}
