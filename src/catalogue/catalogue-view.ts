import { textIn } from '../common/language';
import { formatBenefit } from '../offers/offer-benefit';
import type { OfferEntity } from '../offers/offer.entity';
import { mapOutlet } from '../partners/dto/outlet.dto';
import type { OutletEntity } from '../partners/outlet.entity';
import type { PartnerEntity } from '../partners/partner.entity';
import type { ProgrammeEntity } from '../programmes/programme.entity';
import type { CatalogueOfferDto, CatalogueOutletDto, CataloguePartnerDto } from './dto/catalogue.dto';

/** Catalogue entries in one language at one moment: what the public sees of partners, outlets and offers. */
export class CatalogueView {
  constructor(
    private readonly programme: ProgrammeEntity,
    readonly language: string,
    readonly now: Date,
  ) {}

  /** `offer` with its partner and category loaded. */
  offer(offer: OfferEntity): CatalogueOfferDto {
    const text = textIn(offer.texts, this.language, this.programme.languages);
    return {
      id: offer.id,
      partner: { id: offer.partnerId, name: offer.partner!.name, logoUrl: logoUrl(offer.partner!) },
      category: offer.category!.slug,
      language: this.language,
      title: text?.title ?? '',
      description: text?.description ?? null,
      terms: text?.terms ?? null,
      benefit: offer.benefit,
      benefitLabel: formatBenefit(offer.benefit, this.programme.currency, this.language),
      schedule: offer.schedule,
      availability: offer.windowStart && offer.windowStart > this.now ? 'upcoming' : 'active',
      windowStart: offer.windowStart,
      windowEnd: offer.windowEnd,
      audience: offer.audience,
      minFamilySize: offer.minFamilySize,
      online: offer.online,
      publishedAt: offer.publishedAt,
    };
  }

  outlet(o: OutletEntity): CatalogueOutletDto {
    const {
      partnerId: _partner,
      ref: _ref,
      createdAt: _created,
      updatedAt: _updated,
      ...shown
    } = mapOutlet(o);
    return shown;
  }

  /** `partner` with its category loaded; outlets and offers are the caller's. */
  partner(partner: PartnerEntity): Omit<CataloguePartnerDto, 'outlets' | 'offers'> {
    return {
      id: partner.id,
      name: partner.name,
      category: partner.category!.slug,
      language: this.language,
      description: textIn(partner.description, this.language, this.programme.languages) ?? null,
      website: partner.website,
      logoUrl: logoUrl(partner),
    };
  }
}

const logoUrl = (p: PartnerEntity): string | null =>
  p.logoHash ? `/api/v1/catalogue/partners/${p.id}/logo` : null;
