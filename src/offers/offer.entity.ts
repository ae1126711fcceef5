import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn, JsonColumn, TimestampColumn, UpdatedAtColumn } from '../database/engine';
import { CategoryEntity } from '../partners/categories/category.entity';
import { PartnerEntity } from '../partners/partner.entity';
import type { OfferAudience, OfferBenefit } from './offer-benefit';
import type { OfferLimits } from './offer-limits';
import type { OfferSchedule, OfferStatus } from './offer-schedule';

/** Title, description and terms of an offer in one language. */
export interface OfferText {
  title: string;
  description?: string;
  terms?: string;
}

/**
 * A partner's discount. `windowStart`/`windowEnd` hold the schedule's current or next window as instants, so the
 * catalogue asks "active now" and "upcoming" with an indexed comparison; the `offers.windows` job moves them
 * on when a window has passed.
 */
@Entity('offers')
@Index('ix_offers_partner', ['partnerId', 'createdAt'])
// A till's check lists one partner's published offers in their window: without it, SQLite's planner may walk
// every published offer of the programme by ix_offers_catalogue.
@Index('ix_offers_partner_status', ['partnerId', 'status', 'windowStart'])
@Index('ix_offers_catalogue', ['status', 'windowStart'])
@Index('ix_offers_category', ['categoryId', 'status'])
@Index('ix_offers_published', ['status', 'publishedAt'])
@Index('uq_offers_ref', ['partnerId', 'ref'], { unique: true })
export class OfferEntity {
  /** UUIDv7: time-ordered. */
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  programmeId: string;

  @Column({ type: 'uuid' })
  partnerId: string;

  @ManyToOne(() => PartnerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'partner_id' })
  partner?: PartnerEntity;

  /** The partner's own short name for the offer, unique per partner: how imports find it again. */
  @Column({ type: 'varchar', length: 64 })
  ref: string;

  @Column({ type: 'uuid' })
  categoryId: string;

  @ManyToOne(() => CategoryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'category_id' })
  category?: CategoryEntity;

  @Column({ type: 'varchar', length: 20 })
  status: OfferStatus;

  /** Why staff sent it back, or why it ended: shown to the partner. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  statusReason: string | null;

  /** By language code; the programme's default language is always present. */
  @JsonColumn()
  texts: Record<string, OfferText>;

  /** Titles and descriptions in every language and the partner's name, folded for search. */
  @Column({ type: 'text' })
  searchText: string;

  @Column({ type: 'varchar', length: 16 })
  benefitType: OfferBenefit['type'];

  @JsonColumn()
  benefit: OfferBenefit;

  @Column({ type: 'varchar', length: 12 })
  kind: OfferSchedule['kind'];

  @JsonColumn()
  schedule: OfferSchedule;

  /** Start of the current or next window; null when no window is left. */
  @TimestampColumn({ nullable: true })
  windowStart: Date | null;

  /** End (exclusive) of that window; null for a permanent offer. */
  @TimestampColumn({ nullable: true })
  windowEnd: Date | null;

  @JsonColumn()
  audience: OfferAudience;

  @Column({ type: 'integer', nullable: true })
  minFamilySize: number | null;

  @JsonColumn()
  limits: OfferLimits;

  /** Holds at one of the partner's online shops. */
  @Column({ type: 'boolean', default: false })
  online: boolean;

  /** First publication: the order of the feed of new offers. */
  @TimestampColumn({ nullable: true })
  publishedAt: Date | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
