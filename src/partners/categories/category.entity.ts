import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, JsonColumn, UpdatedAtColumn } from '../../database/engine';
import { ProgrammeEntity } from '../../programmes/programme.entity';

/** A kind of partner and offer (culture, sport, …), managed by the programme; names per language. */
@Entity('categories')
@Index('uq_categories_slug', ['programmeId', 'slug'], { unique: true })
export class CategoryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => ProgrammeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'programme_id' })
  programme?: ProgrammeEntity;

  /** Stable lower-case identifier used in URLs and imports, e.g. `culture`. */
  @Column({ type: 'varchar', length: 40 })
  slug: string;

  /** Display names by language code; the programme's default language is always present. */
  @JsonColumn()
  names: Record<string, string>;

  @Column({ type: 'integer', default: 0 })
  sortOrder: number;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
