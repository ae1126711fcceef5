import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../config/app.config';
import { CatalogueService } from './catalogue.service';
import type { CatalogueOfferDto } from './dto/catalogue.dto';

/** How many offers the feed carries: the newest, active or starting soon. */
export const FEED_SIZE = 50;

export interface JsonFeed {
  version: 'https://jsonfeed.org/version/1.1';
  title: string;
  home_page_url: string;
  feed_url: string;
  language: string;
  items: Array<{
    id: string;
    url: string;
    title: string;
    content_text: string;
    date_published?: string;
    tags: string[];
  }>;
}

/** The feed of new offers, as JSON Feed 1.1. */
@Injectable()
export class CatalogueFeed {
  private readonly publicUrl: string;

  constructor(
    private readonly catalogue: CatalogueService,
    config: ConfigService,
  ) {
    this.publicUrl = config.getOrThrow<AppConfig>('app').publicUrl.replace(/\/$/, '');
  }

  async json(lang?: string): Promise<JsonFeed> {
    const { programme, items } = await this.catalogue.newest(FEED_SIZE, lang);
    const language = items[0]?.language ?? lang ?? programme.languages[0];
    return {
      version: 'https://jsonfeed.org/version/1.1',
      title: programme.name,
      home_page_url: this.publicUrl,
      feed_url: `${this.publicUrl}/api/v1/catalogue/feed.json${lang ? `?lang=${lang}` : ''}`,
      language,
      items: items.map((offer) => this.item(offer)),
    };
  }

  private item(offer: CatalogueOfferDto): JsonFeed['items'][number] {
    return {
      id: offer.id,
      url: `${this.publicUrl}/api/v1/catalogue/offers/${offer.id}?lang=${offer.language}`,
      title: `${offer.partner.name}: ${offer.title} (${offer.benefitLabel})`,
      content_text: offer.description ?? offer.title,
      ...(offer.publishedAt ? { date_published: new Date(offer.publishedAt).toISOString() } : {}),
      tags: [offer.category],
    };
  }
}
