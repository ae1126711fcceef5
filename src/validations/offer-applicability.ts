import type { MemberRole, IsoDate } from '../programmes/eligibility/eligibility.types';
import { ageOn } from '../programmes/eligibility/civil-date';
import type { OfferAudience } from '../offers/offer-benefit';

/**
 * Who holds the card, as far as an offer's conditions ask: read from the register together with the offers
 * (CheckStore.offersFor); null = not read (no offer came back to judge).
 */
export interface Holder {
  role: MemberRole;
  birthDate: IsoDate | null;
  /** Active members of the family. */
  familySize: number | null;
}

type OfferLike = { audience: OfferAudience; minFamilySize: number | null };

const read = <T>(value: T | null, what: string): T => {
  if (value === null) throw new Error(`The holder's ${what} was not read for an offer that asks for it`);
  return value;
};

const CHILD_ROLES: readonly MemberRole[] = ['child', 'foster_child'];

/** Why an offer does not apply to this holder, or null when it does. Dates and use limits are checked apart. */
export function audienceRefusal(offer: OfferLike, holder: Holder, today: IsoDate): string | null {
  const { audience } = offer;
  if (audience.kind === 'children' && !CHILD_ROLES.includes(holder.role)) return 'for children only';
  if (audience.kind === 'parents' && CHILD_ROLES.includes(holder.role)) return 'for parents only';
  if (audience.kind === 'age_range') {
    const age = ageOn(read(holder.birthDate, 'birth date'), today);
    if (audience.minAge !== undefined && age < audience.minAge) return `from age ${audience.minAge}`;
    if (audience.maxAge !== undefined && age > audience.maxAge) return `up to age ${audience.maxAge}`;
  }
  if (offer.minFamilySize !== null && read(holder.familySize, 'family size') < offer.minFamilySize)
    return `for families of ${offer.minFamilySize} or more`;
  return null;
}
