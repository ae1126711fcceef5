import type { DataSource, EntityManager } from 'typeorm';
import { rebuildCatalogue } from '../../src/catalogue/catalogue-index';
import { CatalogueOfferEntity } from '../../src/catalogue/catalogue-offer.entity';
import { CataloguePlaceEntity } from '../../src/catalogue/catalogue-place.entity';

/**
 * The catalogue's search rows, as the services kept them, equal the rows a rebuild from offers, partners and
 * outlets gives. The rebuild runs in a transaction that is rolled back, so the check changes nothing.
 */
export async function expectCatalogueInStep(dataSource: DataSource): Promise<void> {
  const read = async (em: EntityManager) => ({
    offers: await em.find(CatalogueOfferEntity, { order: { offerId: 'ASC' } }),
    places: await em.find(CataloguePlaceEntity, { order: { offerId: 'ASC', outletId: 'ASC' } }),
  });
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    try {
      const kept = await read(runner.manager);
      await rebuildCatalogue(runner.manager);
      expect(kept).toEqual(await read(runner.manager));
    } finally {
      await runner.rollbackTransaction();
    }
  } finally {
    await runner.release();
  }
}
