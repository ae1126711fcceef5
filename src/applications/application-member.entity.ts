import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PersonDetails } from '../families/person-details';
import { ApplicationEntity } from './application.entity';

/** A person as the application states them: a new member, or new facts about an existing one (memberId). */
@Entity('application_members')
@Index('ix_application_members_national_id_index', ['person.nationalIdIndex'])
export class ApplicationMemberEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_application_members_application')
  @Column({ type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => ApplicationEntity, (a) => a.members, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id' })
  application?: ApplicationEntity;

  @Column({ type: 'integer' })
  position: number;

  /** Extension applications restate an existing member. */
  @Column({ type: 'uuid', nullable: true })
  memberId: string | null;

  @Column(() => PersonDetails, { prefix: false })
  person: PersonDetails;
}
