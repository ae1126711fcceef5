import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { OfferEntity } from '../../../offers/offer.entity';
import { PartnerEntity } from '../../../partners/partner.entity';

/**
 * Reads the moderation pages need besides the services' own: which partner an offer belongs to (its page's
 * address names the offer only; the offers service then checks access with that partner), and the names of
 * the partners in a page of the queue (one query, not one a row).
 */
@Injectable()
export class ConsoleOfferLookup {
  constructor(private readonly dataSource: DataSource) {}

  async partnerOf(offerId: string): Promise<string> {
    const offer = await this.dataSource.manager.findOne(OfferEntity, {
      where: { id: offerId },
      select: { id: true, partnerId: true },
    });
    if (!offer) throw new NotFoundException(`No offer with id ${offerId}`);
    return offer.partnerId;
  }

  async partnerNames(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const partners = await this.dataSource.manager.find(PartnerEntity, {
      where: { id: In([...new Set(ids)]) },
      select: { id: true, name: true },
    });
    return new Map(partners.map((p) => [p.id, p.name]));
  }
}
