import { Injectable, NotFoundException } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Brackets, DataSource, EntityManager, In, IsNull } from 'typeorm';
import { v7 as timeOrderedUuid } from 'uuid';
import { ApiKeyEntity } from '../api-keys/api-key.entity';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { SessionEntity } from '../auth/session.entity';
import { changedFields } from '../common/changes';
import { ProblemException } from '../common/problem/problem.exception';
import { containsPattern, foldForSearch } from '../common/text';
import { isUniqueViolation } from '../database/db-errors';
import { refreshCatalogue } from '../catalogue/catalogue-index';
import { TransactionService } from '../database/transaction.service';
import { OfferEntity } from '../offers/offer.entity';
import { refreshOfferSearch } from '../offers/offer-search-refresh';
import type { ProgrammeEntity } from '../programmes/programme.entity';
import { ProgrammesService } from '../programmes/programmes.service';
import { UserEntity } from '../users/user.entity';
import { emailTaken, UsersService } from '../users/users.service';
import { CategoryEntity } from './categories/category.entity';
import { PartnerQueryDto } from './dto/partner.dto';
import { PartnerProfileDto, RegisterPartnerDto, UpdatePartnerDto } from './dto/partner-input.dto';
import { inspectLogo } from './logo-image';
import { requirePartnerAccess } from './partner-access';
import { PartnerLogoEntity } from './partner-logo.entity';
import { fieldProblem, languageProblems } from './partner-problems';
import { nextPartnerStatus, PARTNER_ACTIONS, PartnerAction } from './partner-status';
import { PartnerEntity } from './partner.entity';
import { taxNumberFormat } from './tax-number/tax-number-formats';

/** Partners: self-registration with the owner's account, staff decisions, profile edits, logos. */
@Injectable()
export class PartnersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
    private readonly programmes: ProgrammesService,
    private readonly users: UsersService,
  ) {}

  async register(
    actor: Actor,
    dto: RegisterPartnerDto,
  ): Promise<{ partner: PartnerEntity; owner: UserEntity }> {
    const programme = await this.programmes.default();
    if (dto.agreementVersion !== programme.partnerAgreementVersion)
      throw fieldProblem(
        'agreementVersion',
        `agreementVersion must be the current agreement, ${programme.partnerAgreementVersion}`,
      );
    const taxNumber = this.checkedTaxNumber(programme, dto.taxNumber);
    this.checkTexts(programme, dto.description);
    // Hashing the password is slow: done before the transaction takes the write lock.
    const owner = await this.users.prepareAccount({ ...dto.owner, role: 'merchant_owner' });
    return this.writeUnique(taxNumber, dto.owner.email, () =>
      this.tx.run(async (em) => {
        const category = await this.categoryBySlug(em, programme.id, dto.category);
        const partner = await em.save(
          em.create(PartnerEntity, {
            id: timeOrderedUuid(),
            programmeId: programme.id,
            ...profileColumns(dto),
            taxNumber,
            categoryId: category.id,
            status: 'pending',
            statusReason: null,
            agreementVersion: dto.agreementVersion,
            agreementAcceptedAt: new Date(),
            approvedAt: null,
          }),
        );
        await this.audit.record(em, actor, {
          action: 'partner.register',
          entityType: 'partner',
          entityId: partner.id,
          summary: { name: partner.name, taxNumber, agreementVersion: partner.agreementVersion },
        });
        const user = await this.users.insertAccount(em, actor, { ...owner, partnerId: partner.id });
        return { partner, owner: user };
      }),
    );
  }

  async list(q: PartnerQueryDto): Promise<{ items: PartnerEntity[]; total: number }> {
    const qb = this.dataSource.manager
      .createQueryBuilder(PartnerEntity, 'p')
      .orderBy('p.createdAt', 'DESC')
      .addOrderBy('p.id', 'DESC')
      .skip(q.offset)
      .take(q.limit);
    if (q.status) qb.andWhere('p.status = :status', { status: q.status });
    if (q.q) {
      const like = containsPattern(foldForSearch(q.q));
      const digits = q.q.replace(/[^0-9A-Za-z]/g, '').toUpperCase();
      qb.andWhere(
        new Brackets((w) => {
          w.where("p.searchName LIKE :like ESCAPE '\\'", { like });
          if (digits) w.orWhere('p.taxNumber = :digits', { digits });
        }),
      );
    }
    const [items, total] = await qb.getManyAndCount();
    return { items, total };
  }

  async get(actor: Actor, id: string): Promise<PartnerEntity> {
    requirePartnerAccess(actor, id, 'read');
    return this.find(this.dataSource.manager, id);
  }

  /** The merchant's own partner. */
  async mine(actor: Actor): Promise<PartnerEntity> {
    if (!actor.partnerId) throw new NotFoundException('This account belongs to no partner');
    return this.get(actor, actor.partnerId);
  }

  async update(actor: Actor, id: string, dto: UpdatePartnerDto): Promise<PartnerEntity> {
    const access = requirePartnerAccess(actor, id, 'write');
    const programme = await this.programmeOf(id);
    if (dto.taxNumber !== undefined && access !== 'staff')
      throw fieldProblem('taxNumber', 'taxNumber can be changed by programme staff only');
    const taxNumber =
      dto.taxNumber === undefined ? undefined : this.checkedTaxNumber(programme, dto.taxNumber);
    if (dto.description) this.checkTexts(programme, dto.description);
    return this.writeUnique(taxNumber ?? '', '', () =>
      this.tx.run(async (em) => {
        const partner = await this.find(em, id);
        const next: Partial<PartnerEntity> = { ...profileColumns({ ...partner, ...dto }) };
        if (taxNumber) next.taxNumber = taxNumber;
        if (dto.category)
          next.categoryId = (await this.categoryBySlug(em, partner.programmeId, dto.category)).id;
        const changes = changedFields(partner, next, ['searchName']);
        if (Object.keys(changes).length === 0) return partner;
        Object.assign(partner, next);
        await em.save(partner);
        if (changes.name) await refreshOfferSearch(em, id);
        await this.audit.record(em, actor, {
          action: 'partner.update',
          entityType: 'partner',
          entityId: id,
          summary: changes,
        });
        return partner;
      }),
    );
  }

  /**
   * A partner manager's decision. Ending a partnership ends its offers, revokes its till keys and disables its
   * accounts, in the same transaction: nothing of an ended partner keeps working.
   */
  async act(actor: Actor, id: string, action: PartnerAction, reason?: string): Promise<PartnerEntity> {
    if (PARTNER_ACTIONS[action].reason && !reason)
      throw fieldProblem('reason', `reason is required to ${action} a partner`);
    return this.tx.run(async (em) => {
      const partner = await this.find(em, id);
      const to = nextPartnerStatus(partner.status, action);
      if (!to)
        throw ProblemException.conflict(
          'illegal-partner-transition',
          `A partner in status ${partner.status} cannot be given the action ${action}`,
        );
      const from = partner.status;
      const now = new Date();
      const set: Partial<PartnerEntity> = { status: to, statusReason: reason ?? null };
      if (to === 'approved' && !partner.approvedAt) set.approvedAt = now;
      const moved = await em.update(PartnerEntity, { id, status: from }, set);
      if (!moved.affected)
        throw ProblemException.conflict('illegal-partner-transition', `Partner ${id} changed meanwhile`);
      if (to === 'ended') await this.endEverything(em, id, now);
      await refreshCatalogue(em, { partnerIds: [id] });
      await this.audit.record(em, actor, {
        action: `partner.${action}`,
        entityType: 'partner',
        entityId: id,
        summary: { from, to, ...(reason ? { reason } : {}) },
      });
      return Object.assign(partner, set);
    });
  }

  async setLogo(actor: Actor, id: string, bytes: Buffer): Promise<PartnerEntity> {
    requirePartnerAccess(actor, id, 'write');
    const logo = inspectLogo(bytes);
    if (!logo.ok) throw fieldProblem('logo', `logo: ${logo.reason}`);
    const hash = createHash('sha256').update(bytes).digest('hex');
    return this.tx.run(async (em) => {
      const partner = await this.find(em, id);
      const { mediaType, width, height } = logo;
      await em.upsert(PartnerLogoEntity, { partnerId: id, mediaType, width, height, bytes }, ['partnerId']);
      await em.update(PartnerEntity, { id }, { logoType: mediaType, logoHash: hash });
      await this.audit.record(em, actor, {
        action: 'partner.logo',
        entityType: 'partner',
        entityId: id,
        summary: { mediaType, width, height, bytes: bytes.length, sha256: hash },
      });
      return Object.assign(partner, { logoType: mediaType, logoHash: hash });
    });
  }

  /** The logo of a partner the actor may read (staff, its merchants), or of an approved partner for anyone. */
  async logo(actor: Actor | null, id: string): Promise<PartnerLogoEntity> {
    const em = this.dataSource.manager;
    if (actor) requirePartnerAccess(actor, id, 'read');
    else if (!(await em.existsBy(PartnerEntity, { id, status: 'approved' })))
      throw new NotFoundException(`No partner with id ${id}`);
    const logo = await em.findOneBy(PartnerLogoEntity, { partnerId: id });
    if (!logo) throw new NotFoundException('This partner has no logo');
    return logo;
  }

  private async endEverything(em: EntityManager, partnerId: string, now: Date): Promise<void> {
    await em.update(
      OfferEntity,
      { partnerId, status: In(['draft', 'pending_approval', 'published', 'paused']) },
      { status: 'ended', statusReason: 'The partnership ended' },
    );
    await em.update(ApiKeyEntity, { partnerId, revokedAt: IsNull() }, { revokedAt: now });
    const accounts = await em.find(UserEntity, { where: { partnerId }, select: { id: true } });
    if (accounts.length === 0) return;
    const ids = accounts.map((a) => a.id);
    await em.update(UserEntity, { id: In(ids) }, { disabled: true });
    await em.update(SessionEntity, { userId: In(ids), revokedAt: IsNull() }, { revokedAt: now });
  }

  private async find(em: EntityManager, id: string): Promise<PartnerEntity> {
    const partner = await em.findOneBy(PartnerEntity, { id });
    if (!partner) throw new NotFoundException(`No partner with id ${id}`);
    return partner;
  }

  private async programmeOf(partnerId: string): Promise<ProgrammeEntity> {
    return this.programmes.get((await this.find(this.dataSource.manager, partnerId)).programmeId);
  }

  private async categoryBySlug(
    em: EntityManager,
    programmeId: string,
    slug: string,
  ): Promise<CategoryEntity> {
    const category = await em.findOneBy(CategoryEntity, { programmeId, slug });
    if (!category) throw fieldProblem('category', `category ${slug} does not exist`);
    return category;
  }

  private checkedTaxNumber(programme: ProgrammeEntity, raw: string): string {
    const format = taxNumberFormat(programme.taxNumberFormat);
    if (!format) throw new Error(`Programme ${programme.code} names an unknown tax number format`);
    const normalized = format.normalize(raw);
    const verdict = format.validate(normalized);
    if (!verdict.ok)
      throw fieldProblem('taxNumber', `taxNumber is not a valid ${format.label}: ${verdict.reason}`);
    return normalized;
  }

  private checkTexts(programme: ProgrammeEntity, description: Record<string, string>): void {
    const errors = languageProblems('description', description, programme.languages);
    if (errors.length) throw ProblemException.validation(errors);
  }

  /** Runs `work`; a taken tax number or owner e-mail is a 409 naming the field. */
  private async writeUnique<T>(taxNumber: string, ownerEmail: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      // The owner's e-mail is in use: found by the check, or (two registrations at once) by the users index.
      if (
        ProblemException.is(error, 'email-taken') ||
        (isUniqueViolation(error) && /email/i.test(String(error)))
      )
        throw emailTaken(ownerEmail, 'owner.email');
      if (!isUniqueViolation(error)) throw error;
      throw new ProblemException({
        ...ProblemException.conflict(
          'partner-taken',
          `A partner with tax number ${taxNumber} is already registered`,
        ).problem,
        errors: [{ field: 'taxNumber', message: 'taxNumber is already registered' }],
      });
    }
  }
}

type ProfileColumns = Pick<
  PartnerEntity,
  'name' | 'searchName' | 'description' | 'website' | 'contactName' | 'contactEmail' | 'contactPhone'
>;

function profileColumns(p: Omit<PartnerProfileDto, 'taxNumber' | 'category'>): ProfileColumns {
  return {
    name: p.name.trim(),
    searchName: foldForSearch(p.name),
    description: p.description,
    website: p.website ?? null,
    contactName: p.contactName.trim(),
    contactEmail: p.contactEmail.trim().toLowerCase(),
    contactPhone: p.contactPhone ?? null,
  };
}
