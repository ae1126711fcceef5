import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn } from '../database/engine';

/** Cards taken together for the print shop; its PDF can be downloaded again until the batch is printed. */
@Entity('card_print_batches')
export class PrintBatchEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  programmeId: string;

  @Column({ type: 'integer' })
  cards: number;

  @Column({ type: 'varchar', length: 200 })
  createdBy: string;

  @CreatedAtColumn()
  createdAt: Date;
}
