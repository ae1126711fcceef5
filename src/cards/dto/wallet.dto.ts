import { ApiProperty } from '@nestjs/swagger';
import { CARD_STATUSES, type CardStatus } from '../card-status';
import { MEMBER_ROLES, type MemberRole } from '../../programmes/eligibility/eligibility.types';
import type { IsoDate } from '../../programmes/eligibility/eligibility.types';

/** A QR text valid for minutes, shown while the phone is online. */
export class LiveTokenDto {
  qrText: string;
  /** The same as a QR code: an SVG document, black on white with its quiet zone. */
  qrSvg: string;
  notBefore: Date;
  /** When it stops checking; the wallet fetches a new one before then. */
  expiresAt: Date;
}

export class WalletCardDto {
  id: string;
  holderName: string;
  @ApiProperty({ enum: MEMBER_ROLES })
  role: MemberRole;
  displayNumber: string;
  @ApiProperty({ enum: CARD_STATUSES })
  status: CardStatus;
  validFrom: IsoDate;
  /** null: indefinite. */
  validUntil: IsoDate | null;
  /** The printed card's QR text, which the wallet shows offline; null for a card that no longer checks. */
  qrText: string | null;
  /** The printed card's QR code as an SVG document; null with qrText. */
  qrSvg: string | null;
  /** A live QR text for an active card; null otherwise. */
  live: LiveTokenDto | null;
}

/** What the family's phone wallet shows, and keeps for when the phone is offline. */
export class WalletDto {
  programmeName: string;
  generatedAt: Date;
  cards: WalletCardDto[];
}
