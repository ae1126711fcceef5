import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { TimestampColumn } from '../database/engine';
import { OfferEntity } from '../offers/offer.entity';
import { OutletEntity } from '../partners/outlet.entity';

/**
 * The catalogue's near-me table: one row per visible offer and each of its outlets that has a position, with the
 * offer's category, window and words beside the coordinates. A search near a point, in a category, for a word,
 * reads one index range (category, latitude) and only the rows inside the box; a search near a point alone
 * reads the position index without touching rows. Kept in step by catalogue-index.ts, like catalogue_offers.
 */
@Entity('catalogue_places')
/**
 * Category, box and window, then the words and ids: written by hand in the CatalogueSearch migration because it
 * differs by engine. On SQLite it covers the whole combined search; on PostgreSQL the words stay out of the key
 * (a B-tree entry must fit in a third of a page, and an offer's words in all its languages may not) and the
 * index includes only the ids.
 */
@Index('ix_catalogue_places_category', { synchronize: false })
@Index('ix_catalogue_places_position', [
  'programmeId',
  'latitude',
  'longitude',
  'windowStart',
  'windowEnd',
  'offerId',
  'outletId',
])
@Index('ix_catalogue_places_outlet', ['outletId'])
export class CataloguePlaceEntity {
  @PrimaryColumn({ type: 'uuid' })
  offerId: string;

  @PrimaryColumn({ type: 'uuid' })
  outletId: string;

  @ManyToOne(() => OfferEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'offer_id' })
  offer?: OfferEntity;

  @ManyToOne(() => OutletEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'outlet_id' })
  outlet?: OutletEntity;

  @Column({ type: 'uuid' })
  programmeId: string;

  @Column({ type: 'uuid' })
  categoryId: string;

  @Column({ type: 'double precision' })
  latitude: number;

  @Column({ type: 'double precision' })
  longitude: number;

  @TimestampColumn({ nullable: true })
  windowStart: Date | null;

  @TimestampColumn({ nullable: true })
  windowEnd: Date | null;

  @Column({ type: 'text' })
  searchText: string;
}
