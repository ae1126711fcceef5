import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, EntityManager, IsNull, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { hashPassword } from '../auth/password-hasher';
import { passwordProblems } from '../auth/password-policy';
import { kindOf, Role } from '../auth/roles';
import { SessionEntity } from '../auth/session.entity';
import { randomToken } from '../common/crypto';
import { containsPattern } from '../common/text';
import { ProblemException } from '../common/problem/problem.exception';
import { isUniqueViolation } from '../database/db-errors';
import { TransactionService } from '../database/transaction.service';
import { CreateUserDto } from './dto/create-user.dto';
import { ListUsersDto } from './dto/list-users.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { UserEntity } from './user.entity';

export interface NewAccount {
  email: string;
  displayName: string;
  role: Role;
  password: string;
  partnerId?: string | null;
  familyId?: string | null;
}

export interface PreparedAccount extends Omit<NewAccount, 'password'> {
  passwordHash: string;
}

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

/** Throws the 400 problem for a password the policy refuses, naming the field it came from. */
export function assertPasswordAcceptable(password: string, field: string, userInputs: string[]): void {
  const problems = passwordProblems(password, userInputs);
  if (problems.length)
    throw ProblemException.validation(problems.map((m) => ({ field, message: `${field} ${m}` })));
}

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
  ) {}

  async list(q: ListUsersDto): Promise<{ items: UserEntity[]; total: number }> {
    const qb = this.users.createQueryBuilder('u').orderBy('u.email', 'ASC').skip(q.offset).take(q.limit);
    if (q.kind) qb.andWhere('u.kind = :kind', { kind: q.kind });
    if (q.role) qb.andWhere('u.role = :role', { role: q.role });
    if (q.disabled !== undefined) qb.andWhere('u.disabled = :disabled', { disabled: q.disabled });
    if (q.q) {
      const like = containsPattern(q.q.toLowerCase());
      qb.andWhere(
        new Brackets((w) =>
          w
            .where("u.email LIKE :like ESCAPE '\\'", { like })
            .orWhere("LOWER(u.displayName) LIKE :like ESCAPE '\\'", { like }),
        ),
      );
    }
    const [items, total] = await qb.getManyAndCount();
    return { items, total };
  }

  async get(id: string): Promise<UserEntity> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw new NotFoundException(`No user with id ${id}`);
    return user;
  }

  /** Creates a staff account; the password is checked against the policy, or generated and returned once. */
  async createStaff(
    actor: Actor,
    dto: CreateUserDto,
  ): Promise<{ user: UserEntity; initialPassword?: string }> {
    const initialPassword = dto.password === undefined ? randomToken(18) : undefined;
    const user = await this.createAccount(actor, {
      email: dto.email,
      displayName: dto.displayName,
      role: dto.role,
      password: dto.password ?? initialPassword!,
    });
    return { user, initialPassword };
  }

  /** Any kind of account (staff, merchant, family); later modules call this inside their own workflows. */
  async createAccount(actor: Actor, account: NewAccount, em?: EntityManager): Promise<UserEntity> {
    const prepared = await this.prepareAccount(account);
    const write = (m: EntityManager) => this.insertAccount(m, actor, prepared);
    try {
      return await (em ? write(em) : this.tx.run(write));
    } catch (error) {
      if (isUniqueViolation(error)) throw emailTaken(prepared.email);
      throw error;
    }
  }

  /**
   * Checks the password against the policy and hashes it: slow work that callers do before their transaction,
   * then pass the result to insertAccount inside it.
   */
  async prepareAccount(account: NewAccount): Promise<PreparedAccount> {
    const email = normalizeEmail(account.email);
    assertPasswordAcceptable(account.password, 'password', [email, account.displayName]);
    const { password, ...rest } = account;
    return { ...rest, email, passwordHash: await hashPassword(password) };
  }

  /** Inserts a prepared account (409 email-taken when the e-mail is in use) and audits it. */
  async insertAccount(m: EntityManager, actor: Actor, account: PreparedAccount): Promise<UserEntity> {
    const { email, passwordHash } = account;
    if (await m.existsBy(UserEntity, { email })) throw emailTaken(email);
    const user = await m.save(
      m.create(UserEntity, {
        email,
        displayName: account.displayName,
        kind: kindOf(account.role),
        role: account.role,
        partnerId: account.partnerId ?? null,
        familyId: account.familyId ?? null,
        passwordHash,
        passwordChangedAt: new Date(),
      }),
    );
    await this.audit.record(m, actor, {
      action: 'user.create',
      entityType: 'user',
      entityId: user.id,
      summary: { email, role: user.role, partnerId: user.partnerId, familyId: user.familyId },
    });
    return user;
  }

  async update(actor: Actor, id: string, dto: UpdateUserDto): Promise<UserEntity> {
    return this.tx.run(async (em) => {
      const user = await em.findOneBy(UserEntity, { id });
      if (!user) throw new NotFoundException(`No user with id ${id}`);
      if (user.kind !== 'staff' && dto.role !== undefined) {
        throw ProblemException.validation([
          { field: 'role', message: 'only staff accounts can be given a staff role' },
        ]);
      }
      const changes: Record<string, unknown> = {};
      if (dto.displayName !== undefined && dto.displayName !== user.displayName)
        changes.displayName = dto.displayName;
      if (dto.role !== undefined && dto.role !== user.role) changes.role = { from: user.role, to: dto.role };
      if (dto.disabled !== undefined && dto.disabled !== user.disabled) changes.disabled = dto.disabled;
      if (dto.locked === false && user.lockedUntil) changes.unlocked = true;
      if (Object.keys(changes).length === 0) return user;

      const losesAdmin =
        user.role === 'admin' && !user.disabled && (changes.role !== undefined || dto.disabled === true);
      if (losesAdmin && (await this.countActiveAdmins(em)) <= 1) {
        throw ProblemException.conflict(
          'last-admin',
          'This is the last active admin; appoint another admin first.',
        );
      }
      if (dto.displayName !== undefined) user.displayName = dto.displayName;
      if (dto.role !== undefined) user.role = dto.role;
      if (dto.disabled !== undefined) user.disabled = dto.disabled;
      if (changes.unlocked) {
        user.lockedUntil = null;
        user.failedLogins = 0;
      }
      await em.save(user);
      // A disabled or re-roled user must sign in again: their tokens name the old state.
      if (changes.disabled === true || changes.role) {
        await em.update(SessionEntity, { userId: user.id, revokedAt: IsNull() }, { revokedAt: new Date() });
      }
      await this.audit.record(em, actor, {
        action: 'user.update',
        entityType: 'user',
        entityId: user.id,
        summary: changes,
      });
      return user;
    });
  }

  /**
   * Inside a transaction on PostgreSQL the active admins' rows are locked, so two concurrent demotions cannot
   * both see "another admin is left". (SQLite transactions already run one at a time.)
   */
  async countActiveAdmins(em: EntityManager = this.users.manager): Promise<number> {
    const where = { role: 'admin' as const, disabled: false };
    if (em.queryRunner?.isTransactionActive && em.connection.options.type === 'postgres') {
      return (await em.find(UserEntity, { where, select: { id: true }, lock: { mode: 'pessimistic_write' } }))
        .length;
    }
    return em.countBy(UserEntity, where);
  }
}

export function emailTaken(email: string, field = 'email'): ProblemException {
  return new ProblemException({
    ...ProblemException.conflict('email-taken', `An account with the e-mail ${email} already exists.`)
      .problem,
    errors: [{ field, message: `${field} is already in use` }],
  });
}
