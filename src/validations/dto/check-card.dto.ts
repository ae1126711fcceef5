import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import type { MemberRole } from '../../programmes/eligibility/eligibility.types';
import { VALIDATION_RESULTS, ValidationResult } from '../validation-result';

export class CheckCardDto {
  /** The scanned QR text (`https://…/C/…`) or a card number typed by hand. */
  @MaxLength(1000)
  @MinLength(1)
  @IsString()
  code: string;

  /** With a typed card number: the holder's last name, as on the card (case and accents do not matter). */
  @IsOptional()
  @MaxLength(100)
  @MinLength(1)
  @IsString()
  lastName?: string;

  /** Where the card is shown: one of the partner's outlets. */
  @IsOptional()
  @IsUUID('all', { message: 'outletId must be a UUID' })
  outletId?: string;
}

export class ApplicableOfferDto {
  id: string;
  title: string;
  benefitLabel: string;
  /** Uses left now under the offer's limits for this card (and family); null when unlimited. */
  remainingUses: number | null;
}

export class CheckHolderDto {
  /** As printed on the card. */
  name: string;
  role: MemberRole;
}

export class CheckOutcomeDto {
  /** The check's id: a redemption refers to it. */
  id: string;
  @ApiProperty({ enum: VALIDATION_RESULTS })
  result: ValidationResult;
  checkedAt: Date;
  /** The card's holder, when the card was found in the register. */
  holder: CheckHolderDto | null;
  /** Formatted card number, when found. */
  cardNumber: string | null;
  /** Null for a card valid for life (or when no card was found). */
  validUntil: string | null;
  /** This partner's offers that apply to this holder now (only for a valid card). */
  offers: ApplicableOfferDto[];
}
