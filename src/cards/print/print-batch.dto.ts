import { IsOptional, IsUUID } from 'class-validator';
import type { PrintBatchEntity } from '../print-batch.entity';

export class CreatePrintBatchDto {
  /** Default: the first programme. */
  @IsOptional()
  @IsUUID('all')
  programmeId?: string;
}

export class PrintBatchDto {
  id: string;
  programmeId: string;
  /** Cards in the batch (every active card not printed before). */
  cards: number;
  createdBy: string;
  createdAt: Date;
}

export const mapBatch = (b: PrintBatchEntity): PrintBatchDto => ({
  id: b.id,
  programmeId: b.programmeId,
  cards: b.cards,
  createdBy: b.createdBy,
  createdAt: b.createdAt,
});
