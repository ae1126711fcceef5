import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, isPostgres, JsonColumn, UpdatedAtColumn } from '../database/engine';
import type { ResidencyRule } from './eligibility/eligibility.types';

/** One benefit programme: its rules are settings, so nothing in the code is tied to one country. */
@Entity('programmes')
export class ProgrammeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Short upper-case code, e.g. "KDR"; card numbers will carry it. */
  @Index('uq_programmes_code', { unique: true })
  @Column({ type: 'varchar', length: 16 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** 2-6 upper-case letters that begin every card number of the programme; fixed once cards exist. */
  @Index('uq_programmes_card_prefix', { unique: true })
  @Column({ type: 'varchar', length: 6 })
  cardPrefix: string;

  /** Languages the programme speaks, the first being its default (e-mails, cards). */
  @Column({ type: 'simple-json' })
  languages: string[];

  @Column({ type: 'varchar', length: 64 })
  timeZone: string;

  @Column({ type: 'varchar', length: 16 })
  nationalIdFormat: string;

  @Column({ type: 'integer' })
  minChildren: number;

  @Column({ type: 'integer' })
  childAgeLimit: number;

  @Column({ type: 'integer' })
  educationAgeLimit: number;

  @Column({ type: 'varchar', length: 24 })
  educationEndRule: 'september30After' | 'endDate';

  @Column({ type: 'varchar', length: 24 })
  parentValidity: 'lifetime' | 'whileFamilyQualifies';

  @Column({ type: 'boolean' })
  formerLargeFamilyParentsQualify: boolean;

  @JsonColumn()
  residency: ResidencyRule;

  @Column({ type: 'integer' })
  decisionDeadlineDays: number;

  @Column({ type: 'integer' })
  reminderLeadDays: number;

  @Column({ type: 'integer' })
  retentionMonths: number;

  /** In minor units of `currency` (grosze for PLN); 0 means duplicates are free. */
  @Column({ type: 'integer' })
  duplicateCardFee: number;

  @Column({ type: 'varchar', length: 3 })
  currency: string;

  /** How partners' tax numbers are checked (src/partners/tax-number), e.g. NIP. */
  @Column({ type: 'varchar', length: 16 })
  taxNumberFormat: string;

  /** The partner agreement partners accept when they register; a new version is accepted by new partners. */
  @Column({ type: 'varchar', length: 32 })
  partnerAgreementVersion: string;

  /** Whether a merchant's edit of a published offer goes back to staff for approval. */
  @Column({ type: 'boolean' })
  offerEditsNeedApproval: boolean;

  /** How long card checks are kept for statistics, in days. */
  @Column({ type: 'integer' })
  validationRetentionDays: number;

  /** How long after a redemption the cashier may still cancel it, in minutes. */
  @Column({ type: 'integer' })
  redemptionCancelMinutes: number;

  /** The header and buttons' colour as `#rrggbb`; null wears the default (src/web/branding.ts). */
  @Column({ type: 'varchar', length: 7, nullable: true })
  brandColour: string | null;

  /** Text on `brandColour`, at least 4.5:1 against it (WCAG AA); set together with it. */
  @Column({ type: 'varchar', length: 7, nullable: true })
  brandTextColour: string | null;

  /** The logo's bytes (PNG or JPEG, checked by src/partners/logo-image.ts); never read with the settings. */
  @Column({ type: isPostgres() ? 'bytea' : 'blob', nullable: true, select: false })
  logo?: Buffer | null;

  /** image/png or image/jpeg, decided from the bytes; null when there is no logo. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  logoType: string | null;

  /** SHA-256 of the logo: its URL carries it, so browsers may keep the image for long. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  logoHash: string | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
