import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CatalogueService } from '../catalogue/catalogue.service';
import type { CatalogueOfferDto } from '../catalogue/dto/catalogue.dto';
import { textIn } from '../common/language';
import type { AppConfig } from '../config/app.config';
import { CategoriesService } from '../partners/categories/categories.service';
import type { ProgrammeEntity } from '../programmes/programme.entity';
import {
  CatalogueForm,
  CatalogueFormErrors,
  CatalogueFormQuery,
  CatalogueSearch,
  PAGE_SIZE,
  pagesOf,
  RADII_KM,
  readCatalogueForm,
  searchParams,
} from './catalogue-form';
import { CatalogueContext, CatalogueMessages, offerItem } from './catalogue-items';
import { distance, fill, plural } from './page-format';
import { PageTexts, pageTemplate } from './page-texts';
import { layoutView, siteHref } from './site-layout';
import { staticMap } from './static-map';

export const CATALOGUE_PATH = '/catalogue';
/** The optional script that fills the point from the browser's location (public/catalogue/near-me.js). */
export const NEAR_ME_SCRIPT = '/static/catalogue/near-me.js';

/** A page and the status to send it with. */
export interface RenderedPage {
  status: number;
  html: string;
}

/**
 * The public catalogue page at /catalogue (templates/web/catalogue.html.hbs): a plain GET form the server
 * answers with the results, so it works without JavaScript; distances and a server-drawn map (when a tile server
 * is configured) with a point. A form the page cannot search with comes back with its errors at the fields (400).
 */
@Injectable()
export class CataloguePage {
  private readonly template = pageTemplate('catalogue.html.hbs');
  readonly texts = new PageTexts<CatalogueMessages>(['layout', 'catalogue']);
  private readonly map: AppConfig['map'];

  constructor(
    private readonly catalogue: CatalogueService,
    private readonly categories: CategoriesService,
    config: ConfigService,
  ) {
    this.map = config.getOrThrow<AppConfig>('app').map;
  }

  /** The tile server's origin, which the page's CSP must allow images from. */
  imageOrigins(): string[] {
    return this.map ? [new URL(this.map.tileUrl.replace(/\{[xyz]\}/g, '0')).origin] : [];
  }

  async context(programme: ProgrammeEntity, language: string): Promise<CatalogueContext> {
    const lang = this.texts.speaks(language);
    const categories = await this.categories.list(programme.id);
    return {
      t: this.texts.in(lang).catalogue,
      language: lang,
      timeZone: programme.timeZone,
      categories: new Map(
        categories.map((c) => [c.slug, textIn(c.names, lang, programme.languages) ?? c.slug]),
      ),
    };
  }

  async render(
    programme: ProgrammeEntity,
    query: CatalogueFormQuery,
    language: string,
  ): Promise<RenderedPage> {
    const c = await this.context(programme, language);
    const { form, errors, search } = readCatalogueForm(query, [...c.categories.keys()]);
    const found = search
      ? await this.catalogue.search({
          q: search.q || undefined,
          category: search.category || undefined,
          availability: search.availability,
          online: search.online || undefined,
          near: search.near ? `${search.near.lat},${search.near.lon}` : undefined,
          radius: search.near ? search.radiusKm * 1000 : undefined,
          lang: c.language,
          limit: PAGE_SIZE,
          offset: (search.page - 1) * PAGE_SIZE,
        })
      : null;
    const html = this.template({
      layout: layoutView(this.texts, programme, {
        language: c.language,
        path: CATALOGUE_PATH,
        params: search ? searchParams(search, search.page) : {},
        title: c.t.title,
        current: 'catalogue',
        scripts: [NEAR_ME_SCRIPT],
      }),
      t: c.t,
      language: c.language,
      ...this.formView(form, errors, c),
      resetHref: siteHref(CATALOGUE_PATH, { lang: c.language }),
      results: search && found ? this.resultsView(search, found, c) : null,
    });
    return { status: search ? 200 : 400, html };
  }

  private formView(form: CatalogueForm, errors: CatalogueFormErrors, c: CatalogueContext) {
    const fieldError = (field: keyof CatalogueFormErrors) => {
      const key = errors[field];
      return key ? c.t.errors[key] : null;
    };
    const describedBy = (field: 'lat' | 'lon') =>
      ['near-hint', errors[field] ? `${field}-error` : ''].join(' ').trim();
    return {
      form,
      categories: [...c.categories].map(([slug, name]) => ({ slug, name, selected: slug === form.category })),
      availabilities: (['active', 'upcoming'] as const).map((value) => ({
        value,
        label: c.t[value],
        checked: value === form.availability,
      })),
      radii: RADII_KM.map((km) => ({
        value: km,
        label: distance(Number(km) * 1000, c.language),
        selected: km === form.radius,
      })),
      errors: (['category', 'lat', 'lon'] as const).flatMap((field) =>
        errors[field] ? [{ field, message: fieldError(field) }] : [],
      ),
      fieldErrors: { category: fieldError('category'), lat: fieldError('lat'), lon: fieldError('lon') },
      describedBy: { lat: describedBy('lat'), lon: describedBy('lon') },
    };
  }

  private resultsView(
    search: CatalogueSearch,
    found: { items: CatalogueOfferDto[]; total: number },
    c: CatalogueContext,
  ) {
    const map = search.near && this.map ? this.map : null;
    let marker = 0;
    const items = found.items.map((offer) =>
      offerItem(offer, c, map && offer.nearest?.latitude != null ? String(++marker) : null),
    );
    const pages = pagesOf(found.total, search.page);
    const pageHref = (page: number | null) =>
      page === null ? null : siteHref(CATALOGUE_PATH, { ...searchParams(search, page), lang: c.language });
    const markers = found.items.flatMap((offer, i) =>
      items[i].place?.marker && offer.nearest
        ? [{ lat: offer.nearest.latitude!, lon: offer.nearest.longitude!, label: items[i].place!.marker! }]
        : [],
    );
    return {
      heading: plural(c.t.found, found.total, c.language),
      sortedByDistance: search.near !== null,
      items,
      map:
        map && search.near && markers.length > 0
          ? {
              ...staticMap(map.tileUrl, search.near, search.radiusKm * 1000, markers),
              attribution: map.attribution,
            }
          : null,
      pagination:
        pages.pages > 1
          ? {
              current: fill(c.t.pageOf, { page: search.page, pages: pages.pages }),
              previousHref: pageHref(pages.previous),
              nextHref: pageHref(pages.next),
            }
          : null,
    };
  }
}
