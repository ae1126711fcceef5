import { CURSOR_MESSAGE } from '../../common/keyset-cursor';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { OUTBOX_STATUSES, type OutboxStatus } from '../outbox-status';

export class ListNotificationsDto {
  @ApiProperty({ enum: OUTBOX_STATUSES, required: false })
  @IsOptional()
  @IsIn(OUTBOX_STATUSES, { message: `status must be one of: ${OUTBOX_STATUSES.join(', ')}` })
  status?: OutboxStatus;

  /** Only messages about this application. */
  @IsOptional()
  @IsUUID('all')
  applicationId?: string;

  /** Only messages about this family. */
  @IsOptional()
  @IsUUID('all')
  familyId?: string;

  /** `nextCursor` from the previous page. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,100}$/, { message: CURSOR_MESSAGE })
  cursor?: string;

  @IsOptional()
  @Type(() => Number)
  @Min(1)
  @Max(200)
  @IsInt()
  limit: number = 50;
}
