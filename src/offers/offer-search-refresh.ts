import type { EntityManager } from 'typeorm';
import { refreshCatalogue } from '../catalogue/catalogue-index';
import { OutletEntity } from '../partners/outlet.entity';
import { PartnerEntity } from '../partners/partner.entity';
import { OfferOutletEntity } from './offer-outlet.entity';
import { OfferEntity } from './offer.entity';
import { searchColumns } from './offer-input';

/**
 * Recomputes the search columns of a partner's offers after its name or its outlets changed, in the caller's
 * transaction: an offer must be found by the partner's new name and its outlets' cities, and leave the online
 * filter when its last online shop goes. The catalogue's search rows of those offers follow.
 */
export async function refreshOfferSearch(em: EntityManager, partnerId: string): Promise<void> {
  const partner = await em.findOneByOrFail(PartnerEntity, { id: partnerId });
  const offers = await em.find(OfferEntity, {
    where: { partnerId },
    select: { id: true, texts: true, searchText: true, online: true },
  });
  if (offers.length === 0) return;
  const links = await em
    .createQueryBuilder(OfferOutletEntity, 'oo')
    .innerJoin(OutletEntity, 'ot', 'ot.id = oo.outletId')
    .innerJoin(OfferEntity, 'o', 'o.id = oo.offerId')
    .where('o.partnerId = :partnerId', { partnerId })
    .select(['oo.offerId AS "offerId"', 'ot.kind AS kind', 'ot.city AS city'])
    .getRawMany<{ offerId: string; kind: OutletEntity['kind']; city: string | null }>();
  for (const offer of offers) {
    const next = searchColumns(
      offer.texts,
      partner.name,
      links.filter((l) => l.offerId === offer.id),
    );
    if (next.searchText !== offer.searchText || next.online !== Boolean(offer.online))
      await em.update(OfferEntity, { id: offer.id }, next);
  }
  await refreshCatalogue(em, { partnerIds: [partnerId] });
}
