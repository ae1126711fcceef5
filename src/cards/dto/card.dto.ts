import { ApiProperty } from '@nestjs/swagger';
import type { IsoDate, MemberRole } from '../../programmes/eligibility/eligibility.types';
import { formatCardNumber } from '../card-number';
import type { CardEventEntity } from '../card-event.entity';
import type { CardEntity } from '../card.entity';
import { CARD_STATUSES, type CardStatus } from '../card-status';

export class CardDto {
  id: string;
  familyId: string;
  memberId: string;
  /** Canonical, e.g. KDR4821093755267. */
  number: string;
  /** As printed, e.g. "KDR 4821 0937 5526 7". */
  displayNumber: string;
  @ApiProperty({ enum: CARD_STATUSES })
  status: CardStatus;
  statusReason: string | null;
  holderName: string;
  role: MemberRole;
  validFrom: IsoDate;
  /** null: indefinite. */
  validUntil: IsoDate | null;
  replacedById: string | null;
  feeAmount: number | null;
  feeWaived: boolean | null;
  printedAt: Date | null;
  createdAt: Date;
}

export class CardEventDto {
  type: string;
  reason: string | null;
  actor: string | null;
  details: Record<string, unknown> | null;
  at: Date;
}

export class CardDetailDto extends CardDto {
  /** What the card's QR code holds: the URL of the public check page with the signed token (live cards only). */
  qrText: string | null;
  /** The key that signed the token (its kid in /.well-known/jwks.json). */
  signingKeyId: string;
  history: CardEventDto[];
}

export class CardPageDto {
  items: CardDto[];
  nextCursor: string | null;
}

export const mapCard = (c: CardEntity): CardDto => ({
  id: c.id,
  familyId: c.familyId,
  memberId: c.memberId,
  number: c.number,
  displayNumber: formatCardNumber(c.number),
  status: c.status,
  statusReason: c.statusReason,
  holderName: c.holderName,
  role: c.role,
  validFrom: c.validFrom,
  validUntil: c.validUntil,
  replacedById: c.replacedById,
  feeAmount: c.feeAmount,
  feeWaived: c.feeWaived,
  printedAt: c.printedAt,
  createdAt: c.createdAt,
});

export const mapCardEvent = (e: CardEventEntity): CardEventDto => ({
  type: e.type,
  reason: e.reason,
  actor: e.actorLabel,
  details: e.details,
  at: e.at,
});
