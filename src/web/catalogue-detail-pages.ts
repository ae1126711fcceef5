import { Injectable, NotFoundException } from '@nestjs/common';
import { CatalogueService } from '../catalogue/catalogue.service';
import type { ProgrammeEntity } from '../programmes/programme.entity';
import { CATALOGUE_PATH, CataloguePage, RenderedPage } from './catalogue-page';
import {
  audienceText,
  CatalogueContext,
  familySizeText,
  offerItem,
  outletsView,
  webLink,
} from './catalogue-items';
import { pageTemplate } from './page-texts';
import { layoutView, siteHref } from './site-layout';

/**
 * The catalogue's offer and partner pages (templates/web/catalogue-offer.html.hbs, catalogue-partner.html.hbs).
 * An offer or partner that is not (or no longer) in the catalogue gets a page saying so, with status 404.
 */
@Injectable()
export class CatalogueDetailPages {
  private readonly offerTemplate = pageTemplate('catalogue-offer.html.hbs');
  private readonly partnerTemplate = pageTemplate('catalogue-partner.html.hbs');
  private readonly missingTemplate = pageTemplate('catalogue-missing.html.hbs');

  constructor(
    private readonly catalogue: CatalogueService,
    private readonly page: CataloguePage,
  ) {}

  offer(programme: ProgrammeEntity, id: string, language: string): Promise<RenderedPage> {
    return this.detail(programme, `/catalogue/offer/${id}`, language, async (c) => {
      const offer = await this.catalogue.offer(id, c.language);
      const item = offerItem(offer, c);
      return {
        template: this.offerTemplate,
        title: offer.title,
        data: {
          offer: item,
          description: offer.description,
          terms: offer.terms,
          audience: audienceText(offer.audience, c.t),
          familySize: familySizeText(offer.minFamilySize, c),
          ...outletsView(offer.outlets),
        },
      };
    });
  }

  partner(programme: ProgrammeEntity, id: string, language: string): Promise<RenderedPage> {
    return this.detail(programme, `/catalogue/partner/${id}`, language, async (c) => {
      const partner = await this.catalogue.partner(id, c.language);
      return {
        template: this.partnerTemplate,
        title: partner.name,
        data: {
          partner: {
            ...partner,
            category: c.categories.get(partner.category) ?? partner.category,
            website: webLink(partner.website),
          },
          offers: partner.offers.map((o) => offerItem(o, c)),
          ...outletsView(partner.outlets),
        },
      };
    });
  }

  private async detail(
    programme: ProgrammeEntity,
    path: string,
    language: string,
    view: (
      c: CatalogueContext,
    ) => Promise<{ template: ReturnType<typeof pageTemplate>; title: string; data: object }>,
  ): Promise<RenderedPage> {
    const c = await this.page.context(programme, language);
    const backHref = siteHref(CATALOGUE_PATH, { lang: c.language });
    const layout = (title: string) =>
      layoutView(this.page.texts, programme, {
        language: c.language,
        path,
        params: {},
        title,
        current: 'catalogue',
      });
    try {
      const { template, title, data } = await view(c);
      return { status: 200, html: template({ layout: layout(title), t: c.t, backHref, ...data }) };
    } catch (error) {
      if (!(error instanceof NotFoundException)) throw error;
      return {
        status: 404,
        html: this.missingTemplate({ layout: layout(c.t.notFoundTitle), t: c.t, backHref }),
      };
    }
  }
}
