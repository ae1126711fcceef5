import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { OutletEntity } from '../partners/outlet.entity';
import { OfferEntity } from './offer.entity';

/** Where an offer holds: one row per outlet (a place or an online shop) of the offer's partner. */
@Entity('offer_outlets')
@Index('ix_offer_outlets_outlet', ['outletId'])
export class OfferOutletEntity {
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
}
