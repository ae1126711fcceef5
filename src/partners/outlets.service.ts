import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { v7 as timeOrderedUuid } from 'uuid';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { changedFields, stripUndefined } from '../common/changes';
import { ProblemException } from '../common/problem/problem.exception';
import { isUniqueViolation } from '../database/db-errors';
import { refreshOfferSearch } from '../offers/offer-search-refresh';
import { refreshCatalogue } from '../catalogue/catalogue-index';
import { TransactionService } from '../database/transaction.service';
import { OutletInputDto, UpdateOutletDto } from './dto/outlet.dto';
import { outletColumns, OutletInput } from './outlet-columns';
import { OutletEntity } from './outlet.entity';
import { requirePartnerAccess } from './partner-access';
import { PartnerEntity } from './partner.entity';

/** A partner's places and online shops. */
@Injectable()
export class OutletsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionService,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, partnerId: string): Promise<OutletEntity[]> {
    requirePartnerAccess(actor, partnerId, 'read');
    await this.partnerExists(this.dataSource.manager, partnerId);
    return this.dataSource.manager.find(OutletEntity, {
      where: { partnerId },
      order: { name: 'ASC', id: 'ASC' },
    });
  }

  async get(actor: Actor, partnerId: string, id: string): Promise<OutletEntity> {
    requirePartnerAccess(actor, partnerId, 'read');
    return this.find(this.dataSource.manager, partnerId, id);
  }

  async create(actor: Actor, partnerId: string, dto: OutletInputDto): Promise<OutletEntity> {
    requirePartnerAccess(actor, partnerId, 'write');
    const columns = checked(outletColumns(dto));
    return this.uniqueRef(columns.ref, () =>
      this.tx.run(async (em) => {
        await this.partnerExists(em, partnerId);
        const outlet = await em.save(
          em.create(OutletEntity, { id: timeOrderedUuid(), partnerId, ...columns }),
        );
        await this.audit.record(em, actor, {
          action: 'outlet.create',
          entityType: 'outlet',
          entityId: outlet.id,
          summary: { partnerId, ref: outlet.ref, kind: outlet.kind, name: outlet.name, city: outlet.city },
        });
        return outlet;
      }),
    );
  }

  async update(actor: Actor, partnerId: string, id: string, dto: UpdateOutletDto): Promise<OutletEntity> {
    requirePartnerAccess(actor, partnerId, 'write');
    return this.uniqueRef(dto.ref ?? '', () =>
      this.tx.run(async (em) => {
        const outlet = await this.find(em, partnerId, id);
        const merged: OutletInput = { ...outlet, ...stripUndefined(dto) };
        const columns = checked(outletColumns(merged));
        const changes = changedFields(outlet, columns, ['searchText']);
        if (Object.keys(changes).length === 0) return outlet;
        Object.assign(outlet, columns);
        await em.save(outlet);
        if (changes.city) await refreshOfferSearch(em, partnerId);
        await refreshCatalogue(em, { outletIds: [id] });
        await this.audit.record(em, actor, {
          action: 'outlet.update',
          entityType: 'outlet',
          entityId: id,
          summary: { partnerId, ...changes },
        });
        return outlet;
      }),
    );
  }

  /** Removes the outlet; offers that held only there no longer name a place until the partner adds one. */
  async remove(actor: Actor, partnerId: string, id: string): Promise<void> {
    requirePartnerAccess(actor, partnerId, 'write');
    await this.tx.run(async (em) => {
      const outlet = await this.find(em, partnerId, id);
      await em.delete(OutletEntity, { id });
      await refreshOfferSearch(em, partnerId);
      await this.audit.record(em, actor, {
        action: 'outlet.delete',
        entityType: 'outlet',
        entityId: id,
        summary: { partnerId, ref: outlet.ref, name: outlet.name },
      });
    });
  }

  private async find(em: EntityManager, partnerId: string, id: string): Promise<OutletEntity> {
    const outlet = await em.findOneBy(OutletEntity, { id, partnerId });
    if (!outlet) throw new NotFoundException(`No outlet with id ${id}`);
    return outlet;
  }

  private async partnerExists(em: EntityManager, id: string): Promise<void> {
    if (!(await em.existsBy(PartnerEntity, { id }))) throw new NotFoundException(`No partner with id ${id}`);
  }

  private async uniqueRef<T>(ref: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw new ProblemException({
        ...ProblemException.conflict('outlet-ref-taken', `The partner already has an outlet ${ref}`).problem,
        errors: [{ field: 'ref', message: 'ref is already used by another outlet of this partner' }],
      });
    }
  }
}

function checked<T extends object>(result: T | { field: string; message: string }[]): T {
  if (Array.isArray(result)) throw ProblemException.validation(result);
  return result;
}
