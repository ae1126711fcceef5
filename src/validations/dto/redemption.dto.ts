import { IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import type { RedemptionEntity, RedemptionStatus } from '../redemption.entity';

export class RedeemDto {
  /** The check (`POST /api/v1/validations`) this use follows; it must be valid and recent. */
  @IsUUID('all', { message: 'validationId must be a UUID' })
  validationId: string;

  @IsUUID('all', { message: 'offerId must be a UUID' })
  offerId: string;

  /** Chosen by the till, unique per use: sending the same key again records nothing more. */
  @Matches(/^[A-Za-z0-9._:-]{8,100}$/, {
    message: 'idempotencyKey must be 8-100 letters, digits, dots, colons, dashes or underscores',
  })
  @MaxLength(100)
  @IsString()
  idempotencyKey: string;
}

export class CancelRedemptionDto {
  /** Why, for the audit log: e.g. the wrong offer was chosen. */
  @IsOptional()
  @MaxLength(500)
  @IsString()
  reason?: string;
}

export class RedemptionDto {
  id: string;
  offerId: string;
  outletId: string | null;
  validationId: string;
  status: RedemptionStatus;
  createdAt: Date;
  cancelledAt: Date | null;
  /** Uses of this offer left for the card after this one; null when unlimited. */
  remainingUses?: number | null;
}

export const mapRedemption = (r: RedemptionEntity): RedemptionDto => ({
  id: r.id,
  offerId: r.offerId,
  outletId: r.outletId,
  validationId: r.validationId,
  status: r.status,
  createdAt: r.createdAt,
  cancelledAt: r.cancelledAt,
});
