import type { CatalogueOfferDto, CatalogueOutletDto } from '../catalogue/dto/catalogue.dto';
import type { OfferAudience } from '../offers/offer-benefit';
import { distance, fill, longDate, plural, PluralForms } from './page-format';
import type { LayoutMessages } from './site-layout';
import { siteHref } from './site-layout';

/** The catalogue pages' texts: `catalogue` in templates/web/messages/<language>.json, with `layout`. */
export interface CatalogueMessages extends LayoutMessages {
  catalogue: Record<string, string> & {
    found: PluralForms;
    minFamilySize: PluralForms;
    audience: Record<OfferAudience['kind'] | 'ageFrom' | 'ageTo', string>;
    errors: Record<string, string>;
  };
}
type Texts = CatalogueMessages['catalogue'];

/** What the catalogue pages need to say things in one language. */
export interface CatalogueContext {
  t: Texts;
  language: string;
  timeZone: string;
  /** Category names by slug, in the page's language. */
  categories: Map<string, string>;
}

export const offerHref = (id: string, language: string) =>
  siteHref(`/catalogue/offer/${id}`, { lang: language });
export const partnerHref = (id: string, language: string) =>
  siteHref(`/catalogue/partner/${id}`, { lang: language });

/** A place's address on one line. */
export const addressOf = (o: CatalogueOutletDto): string =>
  [o.street, [o.postalCode, o.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');

/** When an upcoming offer starts or a running one ends, if it ends at all. */
function when(offer: CatalogueOfferDto, c: CatalogueContext): string | null {
  const day = (d: Date) => longDate(d, c.language, c.timeZone);
  if (offer.availability === 'upcoming' && offer.windowStart)
    return fill(c.t.from, { date: day(new Date(offer.windowStart)) });
  // The window's end is exclusive: the last day is the one before it.
  if (offer.windowEnd)
    return fill(c.t.until, { date: day(new Date(new Date(offer.windowEnd).getTime() - 1)) });
  return null;
}

/** One offer in a list: `marker` numbers it as on the map. */
export function offerItem(offer: CatalogueOfferDto, c: CatalogueContext, marker: string | null = null) {
  const place = offer.nearest;
  return {
    id: offer.id,
    href: offerHref(offer.id, c.language),
    title: offer.title,
    partnerName: offer.partner.name,
    partnerHref: partnerHref(offer.partner.id, c.language),
    benefitLabel: offer.benefitLabel,
    category: c.categories.get(offer.category) ?? offer.category,
    online: offer.online,
    when: when(offer, c),
    place: place
      ? {
          marker,
          name: place.name,
          address: addressOf(place),
          distance:
            place.distanceMetres === undefined
              ? null
              : fill(c.t.distance, { distance: distance(place.distanceMetres, c.language) }),
        }
      : null,
  };
}

/** Who an offer is for, in words. */
export function audienceText(a: OfferAudience, t: Texts): string {
  if (a.kind !== 'age_range') return t.audience[a.kind];
  if (a.minAge != null && a.maxAge != null)
    return fill(t.audience.age_range, { min: a.minAge, max: a.maxAge });
  return a.minAge != null
    ? fill(t.audience.ageFrom, { min: a.minAge })
    : fill(t.audience.ageTo, { max: a.maxAge! });
}

/** Links out only to web pages (the APIs check this too; an import or an old row might not have). */
export const webLink = (url: string | null): string | null => (url && /^https?:\/\//i.test(url) ? url : null);

/** An offer's or partner's outlets: places with their addresses, and online shops. */
export function outletsView(outlets: CatalogueOutletDto[]) {
  return {
    places: outlets.filter((o) => o.kind === 'place').map((o) => ({ name: o.name, address: addressOf(o) })),
    shops: outlets
      .filter((o) => o.kind === 'online')
      .map((o) => ({ name: o.name, url: webLink(o.url), discountCode: o.discountCode })),
  };
}

export const familySizeText = (n: number | null, c: CatalogueContext): string | null =>
  n === null ? null : plural(c.t.minFamilySize, n, c.language);
