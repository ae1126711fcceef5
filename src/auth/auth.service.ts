import { randomUUID } from 'node:crypto';
import { ForbiddenException, HttpException, Injectable, UnauthorizedException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Not, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { sameDigest } from '../common/crypto';
import { problemFor } from '../common/problem/problem';
import { ProblemException } from '../common/problem/problem.exception';
import type { AuthConfig } from '../config/auth.config';
import { TransactionService } from '../database/transaction.service';
import { UserEntity } from '../users/user.entity';
import { assertPasswordAcceptable, normalizeEmail } from '../users/users.service';
import type { Actor } from './actor';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password-hasher';
import { SessionEntity } from './session.entity';
import { TokensService } from './tokens.service';

export interface IssuedTokens {
  sessionId: string;
  sessionExpiresAt: Date;
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  refreshExpiresIn: number;
  user: UserEntity;
}

const INVALID_LOGIN = 'Invalid e-mail or password.';

/** The lock-out decision, kept pure: after `max` consecutive failures the account locks for `minutes`. */
export function lockoutAfterFailure(failures: number, max: number, minutes: number, now: Date): Date | null {
  return failures >= max ? new Date(now.getTime() + minutes * 60_000) : null;
}

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
    private readonly tokens: TokensService,
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
    private readonly config: ConfigService,
  ) {}

  private get settings(): AuthConfig {
    return this.config.getOrThrow<AuthConfig>('auth');
  }

  async login(actor: Actor, email: string, password: string): Promise<IssuedTokens> {
    const user = await this.users.findOneBy({ email: normalizeEmail(email) });
    if (!user) {
      await verifyPassword(await dummyPasswordHash(), password); // same time as a real check
      throw new UnauthorizedException(INVALID_LOGIN);
    }
    const now = new Date();
    if (user.lockedUntil && user.lockedUntil > now) throw locked(user.lockedUntil, now);
    if (!(await verifyPassword(user.passwordHash, password))) {
      await this.recordFailure(actor, user.id, now);
      throw new UnauthorizedException(INVALID_LOGIN);
    }
    if (user.disabled) throw new ForbiddenException('This account is disabled.');
    return this.tx.run(async (em) => {
      await em.update(UserEntity, { id: user.id }, { failedLogins: 0, lockedUntil: null, lastLoginAt: now });
      const issued = await this.openSession(em, user, now);
      await this.audit.record(
        em,
        { ...actor, type: 'user', id: user.id, label: user.email },
        {
          action: 'auth.login',
          entityType: 'session',
          entityId: issued.sessionId,
        },
      );
      return issued.tokens;
    });
  }

  private async recordFailure(actor: Actor, userId: string, now: Date): Promise<void> {
    const { maxFailures, lockMinutes } = this.settings;
    await this.tx.run(async (em) => {
      // Incremented in SQL so concurrent failures on several instances all count.
      await em.increment(UserEntity, { id: userId }, 'failedLogins', 1);
      const { failedLogins, email } = await em.findOneByOrFail(UserEntity, { id: userId });
      const lockedUntil = lockoutAfterFailure(failedLogins, maxFailures, lockMinutes, now);
      if (lockedUntil) await em.update(UserEntity, { id: userId }, { lockedUntil, failedLogins: 0 });
      await this.audit.record(
        em,
        { ...actor, label: email },
        {
          action: lockedUntil ? 'auth.locked' : 'auth.login_failed',
          entityType: 'user',
          entityId: userId,
          summary: { failures: failedLogins, ...(lockedUntil ? { lockedUntil } : {}) },
        },
      );
    });
  }

  async refresh(actor: Actor, refreshToken: string): Promise<IssuedTokens> {
    const parsed = this.tokens.parseRefresh(refreshToken);
    if (!parsed) throw new UnauthorizedException('Invalid refresh token.');
    const now = new Date();
    return this.tx
      .run(async (em) => {
        const session = await em.findOne(SessionEntity, {
          where: { id: parsed.sessionId },
          relations: { user: true },
        });
        if (!session?.user || session.revokedAt || session.expiresAt <= now || session.user.disabled) {
          throw new UnauthorizedException('Invalid refresh token.');
        }
        const userActor: Actor = {
          ...actor,
          type: 'user',
          id: session.userId,
          label: session.user.email,
          sessionId: session.id,
        };
        if (!sameDigest(session.refreshHash, parsed.hash)) {
          // An old refresh token came back: it was copied. End the session so neither copy works.
          await em.update(SessionEntity, { id: session.id }, { revokedAt: now });
          await this.audit.record(em, userActor, {
            action: 'auth.refresh_reused',
            entityType: 'session',
            entityId: session.id,
          });
          return null; // not a throw: the revocation and its audit row must commit
        }
        const next = this.tokens.newRefresh(session.id);
        await em.update(SessionEntity, { id: session.id }, { refreshHash: next.hash, lastRefreshedAt: now });
        await this.audit.record(em, userActor, {
          action: 'auth.refresh',
          entityType: 'session',
          entityId: session.id,
        });
        return {
          sessionId: session.id,
          sessionExpiresAt: session.expiresAt,
          accessToken: await this.tokens.signAccess(session.userId, session.id),
          refreshToken: next.token,
          expiresIn: this.tokens.ttl.access,
          refreshExpiresIn: Math.floor((session.expiresAt.getTime() - now.getTime()) / 1000),
          user: session.user,
        };
      })
      .then((issued) => {
        if (!issued)
          throw new UnauthorizedException('This refresh token was already used; the session has been ended.');
        return issued;
      });
  }

  /** The signed-in user and when their session ends. */
  async session(actor: Actor): Promise<{ user: UserEntity; expiresAt: Date }> {
    const session = await this.sessions.findOneOrFail({
      where: { id: actor.sessionId },
      relations: { user: true },
    });
    return { user: session.user!, expiresAt: session.expiresAt };
  }

  async logout(actor: Actor): Promise<void> {
    await this.tx.run(async (em) => {
      await em.update(SessionEntity, { id: actor.sessionId, revokedAt: IsNull() }, { revokedAt: new Date() });
      await this.audit.record(em, actor, {
        action: 'auth.logout',
        entityType: 'session',
        entityId: actor.sessionId,
      });
    });
  }

  /** Changes the password and ends every other session of the user. */
  async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.users.findOneByOrFail({ id: actor.id! });
    if (!(await verifyPassword(user.passwordHash, currentPassword))) {
      throw ProblemException.validation([
        { field: 'currentPassword', message: 'currentPassword is not correct' },
      ]);
    }
    assertPasswordAcceptable(newPassword, 'newPassword', [user.email, user.displayName]);
    const passwordHash = await hashPassword(newPassword);
    await this.tx.run(async (em) => {
      await em.update(UserEntity, { id: user.id }, { passwordHash, passwordChangedAt: new Date() });
      await em.update(
        SessionEntity,
        { userId: user.id, revokedAt: IsNull(), id: Not(actor.sessionId!) },
        { revokedAt: new Date() },
      );
      await this.audit.record(em, actor, {
        action: 'user.password_change',
        entityType: 'user',
        entityId: user.id,
      });
    });
  }

  private async openSession(
    em: EntityManager,
    user: UserEntity,
    now: Date,
  ): Promise<{ sessionId: string; tokens: IssuedTokens }> {
    const { access, refresh } = this.tokens.ttl;
    const sessionId = randomUUID();
    const next = this.tokens.newRefresh(sessionId);
    const expiresAt = new Date(now.getTime() + refresh * 1000);
    await em.insert(SessionEntity, { id: sessionId, userId: user.id, refreshHash: next.hash, expiresAt });
    return {
      sessionId,
      tokens: {
        sessionId,
        sessionExpiresAt: expiresAt,
        accessToken: await this.tokens.signAccess(user.id, sessionId),
        refreshToken: next.token,
        expiresIn: access,
        refreshExpiresIn: refresh,
        user,
      },
    };
  }
}

function locked(until: Date, now: Date): HttpException {
  const retryAfter = Math.ceil((until.getTime() - now.getTime()) / 1000);
  return new ProblemException(
    problemFor(429, 'Too many failed sign-in attempts; this account is locked for a while.', {
      type: '/problems/account-locked',
      retryAfter,
    }),
  );
}
