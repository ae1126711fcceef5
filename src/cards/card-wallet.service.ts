import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { ProgrammesService } from '../programmes/programmes.service';
import { formatCardNumber } from './card-number';
import { isLive } from './card-status';
import { CardTokensService } from './card-tokens.service';
import { CardsService } from './cards.service';
import { qrSvg } from './pdf/qr-svg';
import type { WalletCardDto, WalletDto } from './dto/wallet.dto';

/**
 * The family's phone wallet: each member's card with the printed card's QR text, for showing offline, and a live
 * one valid for minutes for an active card. Expired cards are listed so the family sees what to renew;
 * revoked and replaced ones are not.
 */
@Injectable()
export class CardWalletService {
  constructor(
    private readonly cards: CardsService,
    private readonly tokens: CardTokensService,
    private readonly programmes: ProgrammesService,
  ) {}

  async forFamily(actor: Actor, familyId: string, now = new Date()): Promise<WalletDto> {
    const cards = await this.cards.familyCardsForActor(actor, familyId, ['active', 'suspended', 'expired']);
    const programme = cards.length
      ? await this.programmes.get(cards[0].programmeId)
      : await this.programmes.default();
    const items: WalletCardDto[] = [];
    for (const card of cards) {
      const qrText = isLive(card.status) ? await this.tokens.qrText(card, programme) : null;
      const live = card.status === 'active' ? await this.tokens.liveQrText(card, programme, now) : null;
      items.push({
        id: card.id,
        holderName: card.holderName,
        role: card.role,
        displayNumber: formatCardNumber(card.number),
        status: card.status,
        validFrom: card.validFrom,
        validUntil: card.validUntil,
        qrText,
        qrSvg: qrText && qrSvg(qrText),
        live: live && { ...live, qrSvg: qrSvg(live.qrText) },
      });
    }
    return { programmeName: programme.name, generatedAt: now, cards: items };
  }
}
