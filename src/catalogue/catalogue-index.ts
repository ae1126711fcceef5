import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { chunks } from '../database/insert-rows';
import { OfferOutletEntity } from '../offers/offer-outlet.entity';
import { OfferEntity } from '../offers/offer.entity';
import { OutletEntity } from '../partners/outlet.entity';
import { PartnerEntity } from '../partners/partner.entity';
import { CatalogueOfferEntity } from './catalogue-offer.entity';
import { CataloguePlaceEntity } from './catalogue-place.entity';

/** Which offers changed: by id, by partner, or through one of their outlets. */
export interface CatalogueScope {
  offerIds?: readonly string[];
  partnerIds?: readonly string[];
  outletIds?: readonly string[];
}

/** Ids per statement: well under SQLite's and PostgreSQL's parameter limits. */
const IDS_PER_STATEMENT = 500;

/**
 * Rewrites the catalogue's search rows (catalogue_offers, catalogue_places) of the offers in `scope` from the
 * offers, partners and outlets, in the caller's transaction. Every write that can change what the catalogue
 * shows calls it: an offer's edit or state, a partner's name or status, an outlet's position, the hourly window
 * job and the partner import. Rows of offers that are no longer visible are removed; deleted offers and
 * outlets take their rows with them (ON DELETE CASCADE).
 */
export async function refreshCatalogue(em: EntityManager, scope: CatalogueScope): Promise<void> {
  for (const ids of chunks([...new Set(scope.offerIds ?? [])], IDS_PER_STATEMENT))
    await rewrite(em, 'o.id IN (:...scopeIds)', ids);
  for (const ids of chunks([...new Set(scope.partnerIds ?? [])], IDS_PER_STATEMENT))
    await rewrite(em, 'o.partnerId IN (:...scopeIds)', ids);
  for (const ids of chunks([...new Set(scope.outletIds ?? [])], IDS_PER_STATEMENT)) {
    // An outlet that lost its position or its links keeps no row; the offers still linked to it get theirs back.
    await em
      .createQueryBuilder()
      .delete()
      .from(CataloguePlaceEntity)
      .where('outlet_id IN (:...ids)', { ids })
      .execute();
    await rewrite(
      em,
      'o.id IN (SELECT l.offer_id FROM offer_outlets l WHERE l.outlet_id IN (:...scopeIds))',
      ids,
    );
  }
}

/** Rebuilds the whole search table, e.g. after data was loaded by other means than the services. */
export async function rebuildCatalogue(em: EntityManager): Promise<void> {
  await em.createQueryBuilder().delete().from(CataloguePlaceEntity).execute();
  await em.createQueryBuilder().delete().from(CatalogueOfferEntity).execute();
  await insertSelect(em, CatalogueOfferEntity, visibleOffers(em));
  await insertSelect(em, CataloguePlaceEntity, visiblePlaces(em));
}

/** Deletes the rows of the offers matching `condition` (on alias `o`) and inserts those still visible. */
async function rewrite(em: EntityManager, condition: string, scopeIds: string[]): Promise<void> {
  const inScope = em.createQueryBuilder(OfferEntity, 'o').select('o.id').where(condition, { scopeIds });
  for (const table of [CataloguePlaceEntity, CatalogueOfferEntity])
    await em
      .createQueryBuilder()
      .delete()
      .from(table)
      .where(`offer_id IN (${inScope.getQuery()})`, inScope.getParameters())
      .execute();
  await insertSelect(em, CatalogueOfferEntity, visibleOffers(em).andWhere(condition, { scopeIds }));
  await insertSelect(em, CataloguePlaceEntity, visiblePlaces(em).andWhere(condition, { scopeIds }));
}

/** Offers families may see: published, of an approved partner. Columns as catalogue_offers has them. */
function visibleOffers(em: EntityManager): SelectQueryBuilder<OfferEntity> {
  const qb = em
    .createQueryBuilder(OfferEntity, 'o')
    .innerJoin(PartnerEntity, 'p', "p.id = o.partnerId AND p.status = 'approved'")
    .where("o.status = 'published'");
  return selectAs(qb, {
    offer_id: 'o.id',
    programme_id: 'o.programmeId',
    category_id: 'o.categoryId',
    online: 'o.online',
    window_start: 'o.windowStart',
    window_end: 'o.windowEnd',
    published_at: 'o.publishedAt',
    search_text: 'o.searchText',
  });
}

/** The same offers with each of their outlets that has a position. Columns as catalogue_places has them. */
function visiblePlaces(em: EntityManager): SelectQueryBuilder<OfferEntity> {
  const qb = em
    .createQueryBuilder(OfferEntity, 'o')
    .innerJoin(PartnerEntity, 'p', "p.id = o.partnerId AND p.status = 'approved'")
    .innerJoin(OfferOutletEntity, 'oo', 'oo.offerId = o.id')
    .innerJoin(OutletEntity, 'ot', 'ot.id = oo.outletId AND ot.latitude IS NOT NULL')
    .where("o.status = 'published'");
  return selectAs(qb, {
    offer_id: 'o.id',
    outlet_id: 'ot.id',
    programme_id: 'o.programmeId',
    category_id: 'o.categoryId',
    latitude: 'ot.latitude',
    longitude: 'ot.longitude',
    window_start: 'o.windowStart',
    window_end: 'o.windowEnd',
    search_text: 'o.searchText',
  });
}

/** Selects each expression under its target column's name. */
function selectAs<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  columns: Record<string, string>,
): SelectQueryBuilder<T> {
  qb.select([]);
  for (const [column, expression] of Object.entries(columns)) qb.addSelect(expression, column);
  return qb;
}

/**
 * INSERT INTO table (columns) SELECT columns FROM (select): TypeORM builds the select and the driver's parameters;
 * the outer SELECT names the columns, because TypeORM orders a select's columns as the entities declare them.
 */
async function insertSelect<T extends ObjectLiteral>(
  em: EntityManager,
  target: new () => ObjectLiteral,
  select: SelectQueryBuilder<T>,
): Promise<void> {
  const [sql, parameters] = select.getQueryAndParameters();
  const columns = select.expressionMap.selects.map((column) => `"${column.aliasName!}"`).join(', ');
  const table = em.connection.getMetadata(target).tableName;
  await em.query(`INSERT INTO "${table}" (${columns}) SELECT ${columns} FROM (${sql}) AS rows`, parameters);
}
