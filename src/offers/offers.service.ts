import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager, In, Not } from 'typeorm';
import { v7 as timeOrderedUuid } from 'uuid';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import type { FieldError } from '../common/problem/problem';
import { ProblemException } from '../common/problem/problem.exception';
import { isUniqueViolation } from '../database/db-errors';
import { refreshCatalogue } from '../catalogue/catalogue-index';
import { TransactionService } from '../database/transaction.service';
import { CategoryEntity } from '../partners/categories/category.entity';
import { OutletEntity } from '../partners/outlet.entity';
import { requirePartnerAccess } from '../partners/partner-access';
import { fieldProblem } from '../partners/partner-problems';
import { PartnerEntity } from '../partners/partner.entity';
import type { ProgrammeEntity } from '../programmes/programme.entity';
import { ProgrammesService } from '../programmes/programmes.service';
import { CreateOfferDto, UpdateOfferDto } from './dto/offer-input.dto';
import { OfferQueryDto, OfferView } from './dto/offer.dto';
import {
  cleanTexts,
  defaultRef,
  derivedColumns,
  DerivedColumns,
  editSummary,
  OfferInput,
  offerInputProblems,
  OfferSnapshot,
  windowColumns,
} from './offer-input';
import { OfferOutletEntity } from './offer-outlet.entity';
import { changedMeanwhile, illegalOfferTransition, partnerNotApproved, refTaken } from './offer-problems';
import { OFFER_ACTIONS, OfferAction, OfferActor, nextOfferStatus, statusAfterEdit } from './offer-state';
import { OfferEntity } from './offer.entity';

/** What a write stores besides the status: the partner's fields and the columns derived from them. */
type OfferColumns = OfferInput & DerivedColumns & { ref: string; categoryId: string };

/** A partner's fields as sent (create) or merged with the stored offer (edit), before the checks. */
type Draft = OfferInput & { ref?: string; category?: string; outletIds: string[] };

interface Context {
  partner: PartnerEntity;
  programme: ProgrammeEntity;
  /** The stored offer, for an edit. */
  offer: OfferEntity | null;
}

/** Actions whose reason stays on the offer for the partner to read. */
const REASON_SHOWN: OfferAction[] = ['reject', 'pause', 'end'];

/** Partners' offers: drafts, edits, the moderation queue and each step of an offer's life, all audited. */
@Injectable()
export class OffersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
    private readonly programmes: ProgrammesService,
  ) {}

  /** One partner's offers, newest first. */
  async list(
    actor: Actor,
    partnerId: string,
    q: OfferQueryDto,
  ): Promise<{ items: OfferView[]; total: number }> {
    requirePartnerAccess(actor, partnerId, 'read');
    const em = this.dataSource.manager;
    await this.partner(em, partnerId);
    const qb = em
      .createQueryBuilder(OfferEntity, 'o')
      .where('o.partnerId = :partnerId', { partnerId })
      .orderBy('o.createdAt', 'DESC')
      .addOrderBy('o.id', 'DESC')
      .skip(q.offset)
      .take(q.limit);
    if (q.status) qb.andWhere('o.status = :status', { status: q.status });
    const [offers, total] = await qb.getManyAndCount();
    return { items: await this.views(em, offers), total };
  }

  /** Staff's queue across partners, oldest first; pending approval unless another status is asked for. */
  async queue(q: OfferQueryDto): Promise<{ items: OfferView[]; total: number }> {
    const em = this.dataSource.manager;
    const [offers, total] = await em
      .createQueryBuilder(OfferEntity, 'o')
      .where('o.status = :status', { status: q.status ?? 'pending_approval' })
      .orderBy('o.createdAt', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .skip(q.offset)
      .take(q.limit)
      .getManyAndCount();
    return { items: await this.views(em, offers), total };
  }

  async get(actor: Actor, partnerId: string, offerId: string): Promise<OfferView> {
    requirePartnerAccess(actor, partnerId, 'read');
    const em = this.dataSource.manager;
    return this.view(em, await this.find(em, partnerId, offerId));
  }

  /** A new draft; nothing is written unless every field is right. */
  async create(actor: Actor, partnerId: string, dto: CreateOfferDto): Promise<OfferView> {
    requirePartnerAccess(actor, partnerId, 'write');
    return this.refUnique(() =>
      this.tx.run(async (em) => {
        const context = { ...(await this.context(em, partnerId)), offer: null };
        const { columns, outletIds } = await this.prepare(em, context, {
          ref: dto.ref,
          category: dto.category,
          outletIds: dto.outletIds,
          texts: dto.texts,
          benefit: dto.benefit,
          schedule: dto.schedule,
          audience: dto.audience ?? { kind: 'all' },
          minFamilySize: dto.minFamilySize ?? null,
          limits: dto.limits ?? {},
        });
        const offer = await em.save(
          em.create(OfferEntity, {
            id: timeOrderedUuid(),
            programmeId: context.programme.id,
            partnerId,
            status: 'draft',
            statusReason: null,
            publishedAt: null,
            ...columns,
          }),
        );
        await em.insert(
          OfferOutletEntity,
          outletIds.map((outletId) => ({ offerId: offer.id, outletId })),
        );
        await this.audit.record(em, actor, {
          action: 'offer.create',
          entityType: 'offer',
          entityId: offer.id,
          summary: {
            partnerId,
            ref: offer.ref,
            title: offer.texts[context.programme.languages[0]]?.title,
            benefit: offer.benefit,
            schedule: offer.schedule,
            outlets: outletIds.length,
          },
        });
        return this.view(em, await em.findOneByOrFail(OfferEntity, { id: offer.id }));
      }),
    );
  }

  /**
   * Changes the given fields. A merchant's edit of a published or paused offer goes back to staff when the
   * programme says so; an ended offer cannot be edited. An edit that changes nothing writes nothing.
   */
  async update(actor: Actor, partnerId: string, offerId: string, dto: UpdateOfferDto): Promise<OfferView> {
    const who = requirePartnerAccess(actor, partnerId, 'write');
    return this.refUnique(() =>
      this.tx.run(async (em) => {
        const offer = await this.find(em, partnerId, offerId);
        const context = { ...(await this.context(em, partnerId)), offer };
        const status = statusAfterEdit(offer.status, who, context.programme.offerEditsNeedApproval);
        if (!status) throw illegalOfferTransition(`Offer ${offer.ref} has ended; it cannot be edited`);
        const outletIds = await this.outletIdsOf(em, offer.id);
        const keep = <K extends keyof OfferInput>(key: K): OfferInput[K] =>
          dto[key] === undefined ? offer[key] : (dto[key] as OfferInput[K]);
        const nulls: FieldError[] = (['ref', 'category', 'outletIds'] as const)
          .filter((field) => dto[field] === null)
          .map((field) => ({ field, message: `${field} cannot be null` }));
        const prepared = await this.prepare(
          em,
          context,
          {
            ref: dto.ref ?? offer.ref,
            category: dto.category ?? undefined,
            outletIds: dto.outletIds ?? outletIds,
            texts: keep('texts'),
            benefit: keep('benefit'),
            schedule: keep('schedule'),
            audience: keep('audience'),
            minFamilySize: keep('minFamilySize'),
            limits: keep('limits'),
          },
          nulls,
        );
        const changes = editSummary(snapshot(offer, outletIds), {
          ...prepared.columns,
          outletIds: prepared.outletIds,
        });
        if (Object.keys(changes).length === 0) return this.view(em, offer, outletIds);
        if (status !== offer.status) changes.status = { from: offer.status, to: status };
        const moved = await em.update(
          OfferEntity,
          { id: offer.id, status: offer.status },
          { ...prepared.columns, status, statusReason: status === offer.status ? offer.statusReason : null },
        );
        if (!moved.affected) throw changedMeanwhile(offer);
        if (changes.outletIds) await this.replaceOutlets(em, offer.id, prepared.outletIds);
        await refreshCatalogue(em, { offerIds: [offer.id] });
        await this.audit.record(em, actor, {
          action: 'offer.update',
          entityType: 'offer',
          entityId: offer.id,
          summary: changes,
        });
        return this.view(em, await em.findOneByOrFail(OfferEntity, { id: offer.id }));
      }),
    );
  }

  /**
   * One step of the offer's life (offer-state.ts). Publishing needs an approved partner. The UPDATE is guarded
   * by the status it was read in, so of two requests racing only one moves the offer.
   */
  async act(
    actor: Actor,
    partnerId: string,
    offerId: string,
    action: OfferAction,
    reason?: string,
  ): Promise<OfferView> {
    const who = requirePartnerAccess(actor, partnerId, 'write');
    if (!(OFFER_ACTIONS[action].by as readonly OfferActor[]).includes(who))
      throw new ForbiddenException(`Only programme staff may ${action} an offer`);
    if (action === 'reject' && !reason?.trim())
      throw fieldProblem('reason', 'reason is required to reject an offer: the partner reads it');
    return this.tx.run(async (em) => {
      const offer = await this.find(em, partnerId, offerId);
      const to = nextOfferStatus(offer.status, action, who);
      if (!to) throw illegalOfferTransition(`Offer ${offer.ref} is ${offer.status}; it cannot ${action}`);
      const { partner, programme } = await this.context(em, partnerId);
      if (to === 'published' && partner.status !== 'approved') throw partnerNotApproved(partner);
      const now = new Date();
      const set: Partial<OfferEntity> = {
        status: to,
        statusReason: REASON_SHOWN.includes(action) ? (reason ?? null) : null,
        ...windowColumns(offer.schedule, now, programme.timeZone),
      };
      if (to === 'published' && !offer.publishedAt) set.publishedAt = now;
      const moved = await em.update(OfferEntity, { id: offer.id, status: offer.status }, set);
      if (!moved.affected) throw changedMeanwhile(offer);
      await refreshCatalogue(em, { offerIds: [offer.id] });
      await this.audit.record(em, actor, {
        action: `offer.${action}`,
        entityType: 'offer',
        entityId: offer.id,
        summary: { from: offer.status, to, ...(reason ? { reason } : {}) },
      });
      return this.view(em, await em.findOneByOrFail(OfferEntity, { id: offer.id }));
    });
  }

  /** Checks every field (all problems in one 400) and works out the columns to store. */
  private async prepare(
    em: EntityManager,
    { partner, programme, offer }: Context,
    draft: Draft,
    errors: FieldError[] = [],
  ): Promise<{ columns: OfferColumns; outletIds: string[] }> {
    errors.push(...offerInputProblems(draft, programme.languages));
    let categoryId = offer?.categoryId ?? partner.categoryId;
    if (draft.category !== undefined) {
      const category = await em.findOneBy(CategoryEntity, {
        programmeId: programme.id,
        slug: draft.category,
      });
      if (category) categoryId = category.id;
      else errors.push({ field: 'category', message: `category ${draft.category} does not exist` });
    }
    const outlets = await em.find(OutletEntity, {
      select: { id: true, kind: true, city: true },
      where: { partnerId: partner.id, id: In(draft.outletIds) },
    });
    const found = new Set(outlets.map((o) => o.id));
    draft.outletIds.forEach((id, i) => {
      if (!found.has(id))
        errors.push({
          field: `outletIds[${i}]`,
          message: `outletIds[${i}] is not an outlet of this partner`,
        });
    });
    if (errors.length) throw ProblemException.validation(errors);

    const texts = cleanTexts(draft.texts);
    const ref = draft.ref ?? defaultRef(texts[programme.languages[0]].title);
    if (
      await em.existsBy(OfferEntity, { partnerId: partner.id, ref, ...(offer ? { id: Not(offer.id) } : {}) })
    )
      throw refTaken(ref);
    const { benefit, schedule, audience, minFamilySize, limits } = draft;
    return {
      columns: {
        ref,
        categoryId,
        texts,
        benefit,
        schedule,
        audience,
        minFamilySize,
        limits,
        ...derivedColumns(
          { texts, benefit, schedule },
          { partnerName: partner.name, outlets, now: new Date(), timeZone: programme.timeZone },
        ),
      },
      outletIds: draft.outletIds,
    };
  }

  private async replaceOutlets(em: EntityManager, offerId: string, outletIds: string[]): Promise<void> {
    await em.delete(OfferOutletEntity, { offerId });
    await em.insert(
      OfferOutletEntity,
      outletIds.map((outletId) => ({ offerId, outletId })),
    );
  }

  private async outletIdsOf(em: EntityManager, offerId: string): Promise<string[]> {
    const links = await em.find(OfferOutletEntity, { where: { offerId }, order: { outletId: 'ASC' } });
    return links.map((l) => l.outletId);
  }

  private async view(em: EntityManager, offer: OfferEntity, outletIds?: string[]): Promise<OfferView> {
    const [view] = await this.views(em, [offer]);
    return outletIds ? { ...view, outletIds } : view;
  }

  /** Offers with their outlets (one query for the page) and their programme's currency and language. */
  private async views(em: EntityManager, offers: OfferEntity[]): Promise<OfferView[]> {
    if (offers.length === 0) return [];
    const links = await em.find(OfferOutletEntity, {
      where: { offerId: In(offers.map((o) => o.id)) },
      order: { outletId: 'ASC' },
    });
    const outletsOf = new Map<string, string[]>();
    for (const { offerId, outletId } of links)
      outletsOf.set(offerId, [...(outletsOf.get(offerId) ?? []), outletId]);
    const programmes = new Map<string, ProgrammeEntity>();
    for (const id of new Set(offers.map((o) => o.programmeId)))
      programmes.set(id, await this.programmes.get(id, em));
    return offers.map((offer) => {
      const programme = programmes.get(offer.programmeId)!;
      return {
        offer,
        outletIds: outletsOf.get(offer.id) ?? [],
        currency: programme.currency,
        language: programme.languages[0],
      };
    });
  }

  private async context(em: EntityManager, partnerId: string): Promise<Omit<Context, 'offer'>> {
    const partner = await this.partner(em, partnerId);
    return { partner, programme: await this.programmes.get(partner.programmeId, em) };
  }

  private async partner(em: EntityManager, id: string): Promise<PartnerEntity> {
    const partner = await em.findOneBy(PartnerEntity, { id });
    if (!partner) throw new NotFoundException(`No partner with id ${id}`);
    return partner;
  }

  /** Another partner's offer answers 404 like a missing one. */
  private async find(em: EntityManager, partnerId: string, id: string): Promise<OfferEntity> {
    const offer = await em.findOneBy(OfferEntity, { id, partnerId });
    if (!offer) throw new NotFoundException(`No offer with id ${id}`);
    return offer;
  }

  /** Runs `work`; two writes taking the same ref at once meet the unique index, which is the same 409. */
  private async refUnique<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error) && /ref/i.test(String((error as Error).message))) throw refTaken(null);
      throw error;
    }
  }
}

const snapshot = (o: OfferEntity, outletIds: string[]): OfferSnapshot => ({
  ref: o.ref,
  categoryId: o.categoryId,
  texts: o.texts,
  benefit: o.benefit,
  schedule: o.schedule,
  audience: o.audience,
  minFamilySize: o.minFamilySize,
  limits: o.limits,
  outletIds,
});
