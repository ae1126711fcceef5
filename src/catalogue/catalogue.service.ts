import { Injectable, NotFoundException } from '@nestjs/common';
import { Brackets, DataSource, In, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { boundingBox, distanceMetres, isValidCoordinate, LatLon } from '../common/geo';
import { pickLanguage } from '../common/language';
import { containsPattern, foldForSearch } from '../common/text';
import { OfferOutletEntity } from '../offers/offer-outlet.entity';
import { OfferEntity } from '../offers/offer.entity';
import { UPCOMING_DAYS } from '../offers/offer-schedule';
import { CategoryEntity } from '../partners/categories/category.entity';
import { OutletEntity } from '../partners/outlet.entity';
import { fieldProblem } from '../partners/partner-problems';
import { PartnerEntity } from '../partners/partner.entity';
import type { ProgrammeEntity } from '../programmes/programme.entity';
import { ProgrammesService } from '../programmes/programmes.service';
import { CatalogueOfferEntity } from './catalogue-offer.entity';
import { CataloguePlaceEntity } from './catalogue-place.entity';
import { CatalogueView } from './catalogue-view';
import { Availability, CatalogueQueryDto, DEFAULT_RADIUS_METRES } from './dto/catalogue-query.dto';
import type { CatalogueOfferDetailDto, CatalogueOfferDto, CataloguePartnerDto } from './dto/catalogue.dto';

interface Hit {
  offerId: string;
  outletId?: string;
  distance?: number;
}

/**
 * The public catalogue: published offers of approved partners, active now or soon, found by words, category,
 * distance and online availability. Only what families need is shown: no tax numbers, no contact people.
 */
@Injectable()
export class CatalogueService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly programmes: ProgrammesService,
  ) {}

  async search(
    q: CatalogueQueryDto,
    acceptLanguage?: string,
  ): Promise<{ items: CatalogueOfferDto[]; total: number }> {
    const programme = await this.programmes.default();
    const view = this.view(programme, q.lang, acceptLanguage);
    const categoryId = q.category ? await this.categoryId(programme, q.category) : undefined;
    const words = foldForSearch(q.q ?? '')
      .split(' ')
      .filter(Boolean);

    let hits: Hit[];
    let total: number;
    if (q.near) {
      const places = this.visible(CataloguePlaceEntity, 'cp', programme.id, q.availability, view.now);
      filter(places, 'cp', categoryId, words);
      if (q.online)
        places.innerJoin(CatalogueOfferEntity, 'c', 'c.offerId = cp.offerId AND c.online = :online', {
          online: true,
        });
      const all = await this.nearby(places, parseNear(q.near), q.radius ?? DEFAULT_RADIUS_METRES);
      total = all.length;
      hits = all.slice(q.offset, q.offset + q.limit);
    } else {
      const qb = this.visible(CatalogueOfferEntity, 'c', programme.id, q.availability, view.now);
      filter(qb, 'c', categoryId, words);
      if (q.online) qb.andWhere('c.online = :online', { online: true });
      total = await qb.getCount();
      const rows = await qb
        .select('c.offerId', 'id')
        .orderBy('c.publishedAt', 'DESC')
        .addOrderBy('c.offerId', 'DESC')
        .offset(q.offset)
        .limit(q.limit)
        .getRawMany<{ id: string }>();
      hits = rows.map((r) => ({ offerId: r.id }));
    }
    return { items: await this.load(hits, view), total };
  }

  async offer(id: string, lang?: string, acceptLanguage?: string): Promise<CatalogueOfferDetailDto> {
    const programme = await this.programmes.default();
    const view = this.view(programme, lang, acceptLanguage);
    const found = await this.visible(CatalogueOfferEntity, 'c', programme.id, 'any', view.now)
      .andWhere('c.offerId = :id', { id })
      .getExists();
    if (!found) throw new NotFoundException(`No offer ${id} in the catalogue`);
    const [item] = await this.load([{ offerId: id }], view);
    const outlets = await this.outletsOf([id]);
    return { ...item, outlets: (outlets.get(id) ?? []).map((o) => view.outlet(o)) };
  }

  async partner(id: string, lang?: string, acceptLanguage?: string): Promise<CataloguePartnerDto> {
    const programme = await this.programmes.default();
    const view = this.view(programme, lang, acceptLanguage);
    const em = this.dataSource.manager;
    const partner = await em.findOne(PartnerEntity, {
      where: { id, status: 'approved', programmeId: programme.id },
      relations: { category: true },
    });
    if (!partner) throw new NotFoundException(`No partner ${id} in the catalogue`);
    const outlets = await em.find(OutletEntity, {
      where: { partnerId: id },
      order: { name: 'ASC', id: 'ASC' },
    });
    const offers = await this.visible(CatalogueOfferEntity, 'c', programme.id, 'any', view.now)
      .innerJoin(OfferEntity, 'o', 'o.id = c.offerId AND o.partnerId = :id', { id })
      .orderBy('c.windowStart', 'ASC')
      .addOrderBy('c.offerId', 'ASC')
      .select('c.offerId', 'id')
      .getRawMany<{ id: string }>();
    return {
      ...view.partner(partner),
      outlets: outlets.map((o) => view.outlet(o)),
      offers: await this.load(
        offers.map((o) => ({ offerId: o.id })),
        view,
      ),
    };
  }

  /** The newest published offers (active or upcoming), for the feed. */
  async newest(
    limit: number,
    lang?: string,
  ): Promise<{ programme: ProgrammeEntity; items: CatalogueOfferDto[] }> {
    const programme = await this.programmes.default();
    const view = this.view(programme, lang);
    const rows = await this.visible(CatalogueOfferEntity, 'c', programme.id, 'any', view.now)
      .select('c.offerId', 'id')
      .orderBy('c.publishedAt', 'DESC')
      .addOrderBy('c.offerId', 'DESC')
      .limit(limit)
      .getRawMany<{ id: string }>();
    return {
      programme,
      items: await this.load(
        rows.map((r) => ({ offerId: r.id })),
        view,
      ),
    };
  }

  private view(programme: ProgrammeEntity, lang?: string, acceptLanguage?: string): CatalogueView {
    return new CatalogueView(programme, pickLanguage(lang, acceptLanguage, programme.languages), new Date());
  }

  /**
   * The search rows (catalogue_offers or catalogue_places, which hold only published offers of approved partners)
   * of the programme, by availability at `now`.
   */
  private visible<T extends CatalogueOfferEntity | CataloguePlaceEntity>(
    entity: new () => T,
    alias: string,
    programmeId: string,
    availability: Availability,
    now: Date,
  ): SelectQueryBuilder<T> {
    const horizon = new Date(now.getTime() + UPCOMING_DAYS * 86_400_000);
    const qb = this.dataSource.manager
      .createQueryBuilder(entity, alias)
      .where(`${alias}.programmeId = :programmeId`, { programmeId });
    const notOver = new Brackets((w) =>
      w.where(`${alias}.windowEnd IS NULL`).orWhere(`${alias}.windowEnd > :now`, { now }),
    );
    if (availability === 'active') qb.andWhere(`${alias}.windowStart <= :now`, { now }).andWhere(notOver);
    else if (availability === 'upcoming')
      qb.andWhere(`${alias}.windowStart > :now`, { now }).andWhere(`${alias}.windowStart <= :horizon`, {
        horizon,
      });
    else qb.andWhere(`${alias}.windowStart <= :horizon`, { horizon }).andWhere(notOver);
    return qb;
  }

  /**
   * Offers with an outlet within `radius` of `centre`, nearest first, each once with its nearest outlet. The
   * bounding box lets the database use the position index; the exact distance is computed here.
   */
  private async nearby(
    qb: SelectQueryBuilder<CataloguePlaceEntity>,
    centre: LatLon,
    radius: number,
  ): Promise<Hit[]> {
    const box = boundingBox(centre, radius);
    const rows = await qb
      .andWhere('cp.latitude BETWEEN :minLat AND :maxLat', box)
      .andWhere('cp.longitude BETWEEN :minLon AND :maxLon', box)
      .select([
        'cp.offerId AS "offerId"',
        'cp.outletId AS "outletId"',
        'cp.latitude AS lat',
        'cp.longitude AS lon',
      ])
      .getRawMany<{ offerId: string; outletId: string; lat: number; lon: number }>();
    const nearest = new Map<string, Hit>();
    for (const row of rows) {
      const distance = distanceMetres(centre, { lat: Number(row.lat), lon: Number(row.lon) });
      if (distance > radius) continue;
      const best = nearest.get(row.offerId);
      if (!best || distance < best.distance!) nearest.set(row.offerId, { ...row, distance });
    }
    return [...nearest.values()].sort(
      (a, b) => a.distance! - b.distance! || a.offerId.localeCompare(b.offerId),
    );
  }

  /** The offers of `hits` with partner, category and nearest outlet, in the order of `hits`. */
  private async load(hits: Hit[], view: CatalogueView): Promise<CatalogueOfferDto[]> {
    if (hits.length === 0) return [];
    const em = this.dataSource.manager;
    const offers = await em.find(OfferEntity, {
      where: { id: In(hits.map((h) => h.offerId)) },
      relations: { partner: true, category: true },
    });
    const outletIds = hits.flatMap((h) => (h.outletId ? [h.outletId] : []));
    const outlets = outletIds.length ? await em.findBy(OutletEntity, { id: In(outletIds) }) : [];
    const byId = new Map(offers.map((o) => [o.id, o]));
    const outletById = new Map(outlets.map((o) => [o.id, o]));
    return hits.flatMap((hit) => {
      const offer = byId.get(hit.offerId);
      if (!offer) return [];
      const outlet = hit.outletId ? outletById.get(hit.outletId) : undefined;
      return [
        {
          ...view.offer(offer),
          ...(outlet
            ? { nearest: { ...view.outlet(outlet), distanceMetres: Math.round(hit.distance!) } }
            : {}),
        },
      ];
    });
  }

  private async outletsOf(offerIds: string[]): Promise<Map<string, OutletEntity[]>> {
    const links = await this.dataSource.manager.find(OfferOutletEntity, {
      where: { offerId: In(offerIds) },
      relations: { outlet: true },
    });
    const map = new Map<string, OutletEntity[]>();
    for (const link of links) map.set(link.offerId, [...(map.get(link.offerId) ?? []), link.outlet!]);
    for (const list of map.values()) list.sort((a, b) => a.name.localeCompare(b.name));
    return map;
  }

  private async categoryId(programme: ProgrammeEntity, slug: string): Promise<string> {
    const category = await this.dataSource.manager.findOneBy(CategoryEntity, {
      programmeId: programme.id,
      slug,
    });
    if (!category) throw fieldProblem('category', `category ${slug} does not exist`);
    return category.id;
  }
}

/** Category and words (each must occur, folded like the search text) on the search rows under `alias`. */
function filter<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  categoryId: string | undefined,
  words: string[],
): void {
  if (categoryId) qb.andWhere(`${alias}.categoryId = :categoryId`, { categoryId });
  for (const [i, word] of words.entries())
    qb.andWhere(`${alias}.searchText LIKE :w${i} ESCAPE '\\'`, { [`w${i}`]: containsPattern(word) });
}

function parseNear(near: string): LatLon {
  const [lat, lon] = near.split(',').map(Number);
  const point = { lat, lon };
  if (!isValidCoordinate(point))
    throw fieldProblem('near', 'near must be a latitude from -90 to 90 and a longitude from -180 to 180');
  return point;
}
