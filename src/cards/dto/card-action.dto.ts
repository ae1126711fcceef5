import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { LOSS_REASONS, REVOKE_REASONS } from '../card-status';

export class SuspendCardDto {
  /** Why, for the history (not shown on the card). */
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class RevokeCardDto {
  @ApiProperty({ enum: REVOKE_REASONS })
  @IsIn(REVOKE_REASONS, { message: `reason must be one of: ${REVOKE_REASONS.join(', ')}` })
  reason: (typeof REVOKE_REASONS)[number];

  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class ReportLostDto {
  @ApiProperty({ enum: LOSS_REASONS })
  @IsIn(LOSS_REASONS, { message: `reason must be one of: ${LOSS_REASONS.join(', ')}` })
  reason: (typeof LOSS_REASONS)[number];

  /** Records the programme's duplicate fee as waived instead of due. */
  @IsOptional()
  @IsBoolean()
  waiveFee?: boolean;
}
