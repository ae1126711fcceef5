import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { ApiKeysService } from '../api-keys/api-keys.service';
import { ApiKeyEntity } from '../api-keys/api-key.entity';
import { CreateApiKeyDto } from '../api-keys/dto/create-api-key.dto';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { PARTNER_API_SCOPES } from '../auth/roles';
import { SessionEntity } from '../auth/session.entity';
import { randomToken } from '../common/crypto';
import { TransactionService } from '../database/transaction.service';
import { NotificationsService } from '../notifications/notifications.service';
import { ProgrammeEntity } from '../programmes/programme.entity';
import { UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { InviteMerchantDto } from './dto/partner-account.dto';
import { requirePartnerAccess } from './partner-access';
import { fieldProblem } from './partner-problems';
import { PartnerEntity } from './partner.entity';

/**
 * A partner's own accounts and till keys. Only the owner (and partner staff) manage them; a merchant reaches
 * only its own partner's.
 */
@Injectable()
export class PartnerAccountsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
    private readonly users: UsersService,
    private readonly apiKeys: ApiKeysService,
    private readonly notifications: NotificationsService,
  ) {}

  async accounts(actor: Actor, partnerId: string): Promise<UserEntity[]> {
    await this.manage(actor, partnerId, 'read');
    return this.dataSource.manager.find(UserEntity, { where: { partnerId }, order: { createdAt: 'ASC' } });
  }

  /**
   * Creates a merchant account with a first password, returned to whoever invited it once, and e-mails the new
   * user that the account exists (never the password). Owners invite cashiers; programme staff may also create
   * an owner, for a partner that has none (one brought in by the import).
   */
  async invite(
    actor: Actor,
    partnerId: string,
    { role = 'merchant_cashier', ...dto }: InviteMerchantDto,
  ): Promise<{ user: UserEntity; initialPassword: string }> {
    const partner = await this.manage(actor, partnerId, 'write');
    if (role === 'merchant_owner' && requirePartnerAccess(actor, partnerId, 'write') !== 'staff')
      throw new ForbiddenException('Only programme staff may create an owner account.');
    const initialPassword = randomToken(18);
    const prepared = await this.users.prepareAccount({
      ...dto,
      role,
      password: initialPassword,
      partnerId,
    });
    const user = await this.tx.run(async (em) => {
      const created = await this.users.insertAccount(em, actor, prepared);
      const programme = await em.findOneByOrFail(ProgrammeEntity, { id: partner.programmeId });
      await this.notifications.enqueue(em, {
        to: created.email,
        template: 'merchant_invited',
        language: programme.languages[0],
        vars: { programmeName: programme.name, partnerName: partner.name, email: created.email },
      });
      return created;
    });
    return { user, initialPassword };
  }

  /** Disables or re-enables a cashier; the owner's own account is not a cashier and is refused. */
  async setCashierDisabled(
    actor: Actor,
    partnerId: string,
    userId: string,
    disabled: boolean,
  ): Promise<UserEntity> {
    await this.manage(actor, partnerId, 'write');
    return this.tx.run(async (em) => {
      const user = await em.findOneBy(UserEntity, { id: userId, partnerId });
      if (!user) throw new NotFoundException(`No account with id ${userId}`);
      if (user.role !== 'merchant_cashier')
        throw new ForbiddenException('Only cashier accounts can be changed here.');
      if (user.disabled === disabled) return user;
      user.disabled = disabled;
      await em.update(UserEntity, { id: userId }, { disabled });
      if (disabled)
        await em.update(SessionEntity, { userId, revokedAt: IsNull() }, { revokedAt: new Date() });
      await this.audit.record(em, actor, {
        action: 'user.update',
        entityType: 'user',
        entityId: userId,
        summary: { partnerId, disabled },
      });
      return user;
    });
  }

  async keys(actor: Actor, partnerId: string): Promise<ApiKeyEntity[]> {
    await this.manage(actor, partnerId, 'read');
    return this.apiKeys.list(partnerId);
  }

  async createKey(actor: Actor, partnerId: string, dto: CreateApiKeyDto) {
    await this.manage(actor, partnerId, 'write');
    dto.scopes.forEach((scope, i) => {
      if (!PARTNER_API_SCOPES.includes(scope))
        throw fieldProblem(`scopes[${i}]`, `a till key's scopes may be: ${PARTNER_API_SCOPES.join(', ')}`);
    });
    return this.apiKeys.create(actor, dto, partnerId);
  }

  async revokeKey(actor: Actor, partnerId: string, keyId: string): Promise<void> {
    await this.manage(actor, partnerId, 'write');
    await this.apiKeys.revoke(actor, keyId, partnerId);
  }

  /**
   * Accounts and keys are the owner's business: a cashier may not even list them. Staff read them; partner
   * staff change them.
   */
  private async manage(actor: Actor, partnerId: string, need: 'read' | 'write'): Promise<PartnerEntity> {
    const merchant = actor.role === 'merchant_owner' || actor.role === 'merchant_cashier';
    requirePartnerAccess(actor, partnerId, merchant ? 'write' : need);
    const partner = await this.dataSource.manager.findOneBy(PartnerEntity, { id: partnerId });
    if (!partner) throw new NotFoundException(`No partner with id ${partnerId}`);
    return partner;
  }
}
