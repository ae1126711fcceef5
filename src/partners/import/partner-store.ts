import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { AuditLogEntity } from '../../audit/audit-log.entity';
import { redactSummary } from '../../audit/redact';
import { chunks, insertRows } from '../../database/insert-rows';
import type { Actor } from '../../auth/actor';
import { OfferOutletEntity } from '../../offers/offer-outlet.entity';
import { refreshCatalogue } from '../../catalogue/catalogue-index';
import { refreshOfferSearch } from '../../offers/offer-search-refresh';
import { OfferEntity } from '../../offers/offer.entity';
import { OutletEntity } from '../outlet.entity';
import { PartnerEntity } from '../partner.entity';
import type { AuditEntry, Plan, Stored } from './partner-plan';

/** Bounds the IN lists well under either engine's parameter limit. */
const LOOKUP_CHUNK = 5000;

/**
 * What is stored for the partners a file names, in a few queries for the whole file: the partners by tax
 * number, then their outlets, offers and offers' outlets by partner id, in chunks. `lock` (PostgreSQL, in the
 * writing transaction) reads the partners, outlets and offers FOR UPDATE, so an edit through the API waits for
 * the import instead of being overwritten by a plan made before it.
 */
export async function loadStored(
  em: EntityManager,
  programmeId: string,
  taxNumbers: string[],
  lock = false,
): Promise<Stored> {
  const forUpdate = lock ? { lock: { mode: 'pessimistic_write' as const } } : {};
  const partners = new Map<string, PartnerEntity>();
  for (const chunk of chunks(taxNumbers, LOOKUP_CHUNK))
    for (const p of await em.find(PartnerEntity, {
      where: { programmeId, taxNumber: In(chunk) },
      ...forUpdate,
    }))
      partners.set(p.taxNumber, p);
  const partnerIds = [...partners.values()].map((p) => p.id);
  const outlets = new Map<string, Map<string, OutletEntity>>();
  const offers = new Map<string, Map<string, OfferEntity>>();
  const offerOutlets = new Map<string, string[]>();
  const add = <T extends { partnerId: string; ref: string }>(into: Map<string, Map<string, T>>, row: T) => {
    let byRef = into.get(row.partnerId);
    if (!byRef) into.set(row.partnerId, (byRef = new Map()));
    byRef.set(row.ref, row);
  };
  for (const chunk of chunks(partnerIds, LOOKUP_CHUNK)) {
    for (const o of await em.find(OutletEntity, { where: { partnerId: In(chunk) }, ...forUpdate }))
      add(outlets, o);
    for (const o of await em.find(OfferEntity, { where: { partnerId: In(chunk) }, ...forUpdate }))
      add(offers, o);
    const links = await em
      .createQueryBuilder(OfferOutletEntity, 'oo')
      .innerJoin(OfferEntity, 'o', 'o.id = oo.offerId')
      .where('o.partnerId IN (:...chunk)', { chunk })
      .select(['oo.offerId AS "offerId"', 'oo.outletId AS "outletId"'])
      .getRawMany<{ offerId: string; outletId: string }>();
    for (const { offerId, outletId } of links) {
      const ids = offerOutlets.get(offerId);
      if (ids) ids.push(outletId);
      else offerOutlets.set(offerId, [outletId]);
    }
  }
  for (const ids of offerOutlets.values()) ids.sort();
  return { partners, outlets, offers, offerOutlets };
}

/**
 * SQLite only: a number that changes whenever another connection commits a write to the database file (PRAGMA
 * data_version, asked on the import's own and only connection). The same number before a plan is made and
 * inside the transaction, once it holds the write lock, means nobody wrote in between.
 */
export async function sqliteDataVersion(em: EntityManager): Promise<number | null> {
  if (em.connection.options.type !== 'better-sqlite3') return null;
  const [row] = (await em.query('PRAGMA data_version')) as { data_version: number }[];
  return row.data_version;
}

/**
 * Writes a plan in the caller's transaction: multi-row INSERTs for new rows, one UPDATE per changed row, the
 * offers' outlets, the search columns of other offers of renamed partners (refreshOfferSearch, as the API's
 * edits do), the catalogue's search rows of everything touched, and one audit row per created or changed record.
 */
export async function writePlan(em: EntityManager, plan: Plan, actor: Actor, now: Date): Promise<void> {
  // updated_at is the import's instant, to the millisecond like created_at (SQLite's own default has seconds).
  await insertRows(em, PartnerEntity, plan.partners.create, now);
  for (const { id, set } of plan.partners.update)
    await em.update(PartnerEntity, { id }, { ...set, updatedAt: now });
  await insertRows(em, OutletEntity, plan.outlets.create, now);
  for (const { id, set } of plan.outlets.update)
    await em.update(OutletEntity, { id }, { ...set, updatedAt: now });
  await insertRows(em, OfferEntity, plan.offers.create, now);
  for (const { id, set } of plan.offers.update)
    await em.update(OfferEntity, { id }, { ...set, updatedAt: now });
  for (const chunk of chunks(plan.relinked, LOOKUP_CHUNK))
    await em.delete(OfferOutletEntity, { offerId: In(chunk) });
  await insertRows(
    em,
    OfferOutletEntity,
    [...plan.links].flatMap(([offerId, outletIds]) => outletIds.map((outletId) => ({ offerId, outletId }))),
    now,
  );
  for (const partnerId of plan.refreshSearch) await refreshOfferSearch(em, partnerId);
  await refreshCatalogue(em, {
    partnerIds: plan.partners.update.map((u) => u.id),
    outletIds: plan.outlets.update.map((u) => u.id),
    offerIds: [...plan.offers.create, ...plan.offers.update].map((o) => o.id),
  });
  await insertRows(
    em,
    AuditLogEntity,
    plan.audit.map((entry) => auditRow(actor, entry, now)),
    now,
  );
}

/** The row AuditService.record writes, for a multi-row INSERT. */
function auditRow(actor: Actor, entry: AuditEntry, at: Date): Partial<AuditLogEntity> {
  return {
    at,
    actorType: actor.type,
    actorId: actor.id,
    actorLabel: actor.label,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    summary: redactSummary(entry.summary) as AuditLogEntity['summary'],
    requestId: actor.requestId,
    ip: actor.ip,
  };
}
