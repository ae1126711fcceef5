import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn, JsonColumn, UpdatedAtColumn } from '../database/engine';
import type { OpeningHours } from './opening-hours';
import { PartnerEntity } from './partner.entity';

export type OutletKind = 'place' | 'online';

/** Where a partner honours the card: a place with an address and coordinates, or an online shop. */
@Entity('outlets')
@Index('ix_outlets_partner', ['partnerId'])
@Index('ix_outlets_position', ['latitude', 'longitude'])
@Index('uq_outlets_ref', ['partnerId', 'ref'], { unique: true })
export class OutletEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  partnerId: string;

  @ManyToOne(() => PartnerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'partner_id' })
  partner?: PartnerEntity;

  /** The partner's own short name for the outlet, unique per partner: how imports find it again. */
  @Column({ type: 'varchar', length: 64 })
  ref: string;

  @Column({ type: 'varchar', length: 8 })
  kind: OutletKind;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  street: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  postalCode: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  city: string | null;

  /** WGS 84 degrees; null for online shops. */
  @Column({ type: 'double precision', nullable: true })
  latitude: number | null;

  @Column({ type: 'double precision', nullable: true })
  longitude: number | null;

  @JsonColumn({ nullable: true })
  openingHours: OpeningHours | null;

  /** Online shops: where to buy, and the code that gives the discount there. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  url: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  discountCode: string | null;

  /** name, street and city folded for search. */
  @Column({ type: 'varchar', length: 520 })
  searchText: string;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
