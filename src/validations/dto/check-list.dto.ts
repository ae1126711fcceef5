import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { VALIDATION_RESULTS, ValidationResult } from '../validation-result';

export class CheckListQueryDto {
  /** One of the partner's outlets; without it, every check of the partner that day. */
  @IsOptional()
  @IsUUID('all', { message: 'outletId must be a UUID' })
  outletId?: string;

  /** The day in the programme's time zone: `today` (the default) or a date `YYYY-MM-DD`. */
  @IsOptional()
  @Matches(/^(today|\d{4}-\d{2}-\d{2})$/, { message: 'date must be today or a date YYYY-MM-DD' })
  date?: string;

  /** At most this many checks, newest first. */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(500)
  limit: number = 100;
}

export class CheckListItemDto {
  id: string;
  checkedAt: Date;
  @ApiProperty({ enum: VALIDATION_RESULTS })
  result: ValidationResult;
  @ApiProperty({ enum: ['qr', 'number'] })
  method: 'qr' | 'number';
  outletId: string | null;
  /** The holder's name as on the card, when the check found a card. */
  holderName: string | null;
  /** The card number with all but its last four digits hidden (`KDR •••• •••• •526 7`), when found. */
  cardNumber: string | null;
  /** Redemptions recorded after this check and not cancelled. */
  redemptions: number;
}

export class CheckListDto {
  /** The day listed (programme time zone). */
  date: string;
  outletId: string | null;
  /** Every check of the day here, including those beyond `limit`. */
  total: number;
  /** How many of them were valid. */
  valid: number;
  /** Newest first, at most `limit`. */
  items: CheckListItemDto[];
}
