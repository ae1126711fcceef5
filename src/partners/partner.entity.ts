import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn, JsonColumn, TimestampColumn, UpdatedAtColumn } from '../database/engine';
import { ProgrammeEntity } from '../programmes/programme.entity';
import { CategoryEntity } from './categories/category.entity';
import type { PartnerStatus } from './partner-status';

/** A business that honours the card. Only `approved` partners appear in the public catalogue. */
@Entity('partners')
@Index('uq_partners_tax_number', ['programmeId', 'taxNumber'], { unique: true })
@Index('ix_partners_status', ['status', 'createdAt'])
@Index('ix_partners_category', ['categoryId'])
export class PartnerEntity {
  /** UUIDv7: time-ordered, the keyset order of the staff list. */
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => ProgrammeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'programme_id' })
  programme?: ProgrammeEntity;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** name folded for search (lower case, no diacritics). */
  @Column({ type: 'varchar', length: 200 })
  searchName: string;

  /** Normalised by the programme's tax-number format (src/partners/tax-number). */
  @Column({ type: 'varchar', length: 32 })
  taxNumber: string;

  @Column({ type: 'uuid' })
  categoryId: string;

  @ManyToOne(() => CategoryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'category_id' })
  category?: CategoryEntity;

  /** By language code. */
  @JsonColumn()
  description: Record<string, string>;

  @Column({ type: 'varchar', length: 300, nullable: true })
  website: string | null;

  @Column({ type: 'varchar', length: 200 })
  contactName: string;

  @Column({ type: 'varchar', length: 254 })
  contactEmail: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  contactPhone: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: PartnerStatus;

  /** Why it was rejected, suspended or ended: shown to the partner. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  statusReason: string | null;

  /** The partner agreement version accepted at registration, and when. */
  @Column({ type: 'varchar', length: 32 })
  agreementVersion: string;

  @TimestampColumn()
  agreementAcceptedAt: Date;

  @TimestampColumn({ nullable: true })
  approvedAt: Date | null;

  /** Set when a logo is uploaded; the bytes live in partner_logos. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  logoType: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  logoHash: string | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
