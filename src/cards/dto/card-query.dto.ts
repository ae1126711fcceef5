import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { CURSOR_MESSAGE } from '../../common/keyset-cursor';
import { CARD_STATUSES, type CardStatus } from '../card-status';

export class CardQueryDto {
  /** A card number (spaces and dashes ignored) or part of the holder's name (case and diacritics ignored). */
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  q?: string;

  @IsOptional()
  @IsUUID('all')
  familyId?: string;

  @ApiProperty({ enum: CARD_STATUSES, required: false })
  @IsOptional()
  @IsIn(CARD_STATUSES, { message: `status must be one of: ${CARD_STATUSES.join(', ')}` })
  status?: CardStatus;

  /** `nextCursor` from the previous page. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,100}$/, { message: CURSOR_MESSAGE })
  cursor?: string;

  @IsOptional()
  @Type(() => Number)
  @Min(1)
  @Max(200)
  @IsInt({ message: 'limit must be an integer' })
  limit: number = 50;
}
