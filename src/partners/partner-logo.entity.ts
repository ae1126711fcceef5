import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { isPostgres } from '../database/engine';
import { PartnerEntity } from './partner.entity';

/** A partner's logo, apart from the partner row so that lists never read image bytes. */
@Entity('partner_logos')
export class PartnerLogoEntity {
  @PrimaryColumn({ type: 'uuid' })
  partnerId: string;

  @OneToOne(() => PartnerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'partner_id' })
  partner?: PartnerEntity;

  /** image/png or image/jpeg, decided from the bytes. */
  @Column({ type: 'varchar', length: 16 })
  mediaType: string;

  @Column({ type: 'integer' })
  width: number;

  @Column({ type: 'integer' })
  height: number;

  @Column({ type: isPostgres() ? 'bytea' : 'blob' })
  bytes: Buffer;
}
