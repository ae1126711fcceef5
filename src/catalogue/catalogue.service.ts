import { Injectable, NotFoundException } from '@nestjs/common';
import { Brackets, DataSource, In, SelectQueryBuilder } from 'typeorm';
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
    const qb = this.offers(programme.id, q.availability, view.now);
    if (q.category)
      qb.andWhere('o.categoryId = :categoryId', { categoryId: await this.categoryId(programme, q.category) });
    for (const [i, word] of foldForSearch(q.q ?? '')
      .split(' ')
      .filter(Boolean)
      .entries())
      qb.andWhere(`o.searchText LIKE :w${i} ESCAPE '\\'`, { [`w${i}`]: containsPattern(word) });
    if (q.online) qb.andWhere('o.online = :online', { online: true });

    let hits: Hit[];
    let total: number;
    if (q.near) {
      const all = await this.nearby(qb, parseNear(q.near), q.radius ?? DEFAULT_RADIUS_METRES);
      total = all.length;
      hits = all.slice(q.offset, q.offset + q.limit);
    } else {
      total = await qb.getCount();
      const rows = await qb
        .select('o.id', 'id')
        .orderBy('o.publishedAt', 'DESC')
        .addOrderBy('o.id', 'DESC')
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
    const found = await this.offers(programme.id, 'any', view.now).andWhere('o.id = :id', { id }).getOne();
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
    const offers = await this.offers(programme.id, 'any', view.now)
      .andWhere('o.partnerId = :id', { id })
      .orderBy('o.windowStart', 'ASC')
      .select('o.id', 'id')
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
    const rows = await this.offers(programme.id, 'any', view.now)
      .select('o.id', 'id')
      .orderBy('o.publishedAt', 'DESC')
      .addOrderBy('o.id', 'DESC')
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

  /** Published offers of approved partners of the programme, by availability at `now`. */
  private offers(
    programmeId: string,
    availability: Availability,
    now: Date,
  ): SelectQueryBuilder<OfferEntity> {
    const horizon = new Date(now.getTime() + UPCOMING_DAYS * 86_400_000);
    const qb = this.dataSource.manager
      .createQueryBuilder(OfferEntity, 'o')
      .innerJoin(PartnerEntity, 'p', "p.id = o.partnerId AND p.status = 'approved'")
      .where("o.status = 'published'")
      .andWhere('o.programmeId = :programmeId', { programmeId });
    const notOver = new Brackets((w) =>
      w.where('o.windowEnd IS NULL').orWhere('o.windowEnd > :now', { now }),
    );
    if (availability === 'active') qb.andWhere('o.windowStart <= :now', { now }).andWhere(notOver);
    else if (availability === 'upcoming')
      qb.andWhere('o.windowStart > :now', { now }).andWhere('o.windowStart <= :horizon', { horizon });
    else qb.andWhere('o.windowStart <= :horizon', { horizon }).andWhere(notOver);
    return qb;
  }

  /**
   * Offers with an outlet within `radius` of `centre`, nearest first, each once with its nearest outlet. The
   * bounding box lets the database use the position index; the exact distance is computed here.
   */
  private async nearby(qb: SelectQueryBuilder<OfferEntity>, centre: LatLon, radius: number): Promise<Hit[]> {
    const box = boundingBox(centre, radius);
    const rows = await qb
      .innerJoin(OfferOutletEntity, 'oo', 'oo.offerId = o.id')
      .innerJoin(OutletEntity, 'ot', 'ot.id = oo.outletId')
      .andWhere('ot.latitude BETWEEN :minLat AND :maxLat', box)
      .andWhere('ot.longitude BETWEEN :minLon AND :maxLon', box)
      .select(['o.id AS "offerId"', 'ot.id AS "outletId"', 'ot.latitude AS lat', 'ot.longitude AS lon'])
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

function parseNear(near: string): LatLon {
  const [lat, lon] = near.split(',').map(Number);
  const point = { lat, lon };
  if (!isValidCoordinate(point))
    throw fieldProblem('near', 'near must be a latitude from -90 to 90 and a longitude from -180 to 180');
  return point;
}
