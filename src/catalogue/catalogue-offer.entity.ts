import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { TimestampColumn } from '../database/engine';
import { OfferEntity } from '../offers/offer.entity';

/**
 * The catalogue's search table: one narrow row per offer families can see (published, of an approved partner),
 * with what a search filters and sorts on. It is derived from offers and partners and rewritten in the same
 * transaction as every change to them (catalogue-index.ts), so a search reads a few small rows instead of wide
 * offer rows with their texts and rules. The indexes end with the window so counting reads only the index.
 */
@Entity('catalogue_offers')
@Index('ix_catalogue_offers_published', ['programmeId', 'publishedAt', 'windowStart', 'windowEnd'])
@Index('ix_catalogue_offers_category', [
  'programmeId',
  'categoryId',
  'publishedAt',
  'windowStart',
  'windowEnd',
])
@Index('ix_catalogue_offers_online', ['programmeId', 'online', 'publishedAt', 'windowStart', 'windowEnd'])
/** PostgreSQL only: a trigram index for the words (CatalogueSearch migration). */
@Index('ix_catalogue_offers_search_trgm', { synchronize: false })
export class CatalogueOfferEntity {
  @PrimaryColumn({ type: 'uuid' })
  offerId: string;

  @ManyToOne(() => OfferEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'offer_id' })
  offer?: OfferEntity;

  @Column({ type: 'uuid' })
  programmeId: string;

  @Column({ type: 'uuid' })
  categoryId: string;

  @Column({ type: 'boolean' })
  online: boolean;

  @TimestampColumn({ nullable: true })
  windowStart: Date | null;

  @TimestampColumn({ nullable: true })
  windowEnd: Date | null;

  @TimestampColumn({ nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'text' })
  searchText: string;
}
