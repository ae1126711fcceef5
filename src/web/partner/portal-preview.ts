import type { CatalogueOfferDto, CatalogueOutletDto } from '../../catalogue/dto/catalogue.dto';
import { textIn } from '../../common/language';
import type { CreateOfferDto } from '../../offers/dto/offer-input.dto';
import { formatBenefit } from '../../offers/offer-benefit';
import { windowColumns } from '../../offers/offer-input';
import { offerAvailability } from '../../offers/offer-schedule';
import type { OutletEntity } from '../../partners/outlet.entity';
import type { PartnerEntity } from '../../partners/partner.entity';
import type { ProgrammeEntity } from '../../programmes/programme.entity';
import { audienceText, CatalogueContext, familySizeText, offerItem, outletsView } from '../catalogue-items';

/** The preview's anchor: its links stay on the editor, as the offer is not in the catalogue yet. */
export const PREVIEW_ANCHOR = '#offer-preview';

const publicOutlet = (o: OutletEntity): CatalogueOutletDto => ({
  id: o.id,
  kind: o.kind,
  name: o.name,
  street: o.street,
  postalCode: o.postalCode,
  city: o.city,
  latitude: o.latitude,
  longitude: o.longitude,
  openingHours: o.openingHours,
  url: o.url,
  discountCode: o.discountCode,
});

/**
 * An offer as families will see it, from the editor's checked input: the catalogue's own list item
 * (templates/web/partials/offer-item.hbs, filled by catalogue-items.ts) and the facts of its page.
 */
export function offerPreview(
  input: CreateOfferDto,
  context: {
    c: CatalogueContext;
    programme: ProgrammeEntity;
    partner: PartnerEntity;
    categorySlug: string;
    outlets: OutletEntity[];
    id: string | null;
  },
  now = new Date(),
) {
  const { c, programme, partner, outlets } = context;
  const text = textIn(input.texts, c.language, programme.languages)!;
  const chosen = outlets.filter((o) => input.outletIds.includes(o.id)).map(publicOutlet);
  const window = windowColumns(input.schedule, now, programme.timeZone);
  const dto: CatalogueOfferDto = {
    id: context.id ?? 'new',
    partner: { id: partner.id, name: partner.name, logoUrl: null },
    category: context.categorySlug,
    language: c.language,
    title: text.title,
    description: text.description ?? null,
    terms: text.terms ?? null,
    benefit: input.benefit,
    benefitLabel: formatBenefit(input.benefit, programme.currency, c.language),
    schedule: input.schedule,
    // As if published now: running, or when it will start.
    availability:
      offerAvailability('published', input.schedule, now, programme.timeZone) === 'active'
        ? 'active'
        : 'upcoming',
    windowStart: window.windowStart,
    windowEnd: window.windowEnd,
    audience: input.audience ?? { kind: 'all' },
    minFamilySize: input.minFamilySize ?? null,
    online: chosen.some((o) => o.kind === 'online'),
    publishedAt: null,
  };
  const item = offerItem(dto, c);
  return {
    item: { ...item, id: 'draft', href: PREVIEW_ANCHOR, partnerHref: PREVIEW_ANCHOR },
    description: dto.description,
    terms: dto.terms,
    audience: audienceText(dto.audience, c.t),
    familySize: familySizeText(dto.minFamilySize, c),
    ...outletsView(chosen),
  };
}
