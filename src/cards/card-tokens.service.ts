import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../config/app.config';
import type { CardsConfig } from '../config/cards.config';
import { addDays, startOfDayIn } from '../programmes/eligibility/civil-date';
import type { ProgrammeEntity } from '../programmes/programme.entity';
import { ProgrammesService } from '../programmes/programmes.service';
import type { CardEntity } from './card.entity';
import { SigningKeysService } from './keys/signing-keys.service';
import { CardClaims, qrTextFor, signCardToken } from './token/card-token';
import { liveClaims } from './token/live-token';

/** Signs a card's token from its row: the same card always gives the same QR text (Ed25519 is deterministic). */
@Injectable()
export class CardTokensService {
  private readonly publicUrl: string;
  private readonly liveSeconds: number;

  constructor(
    private readonly keys: SigningKeysService,
    private readonly programmes: ProgrammesService,
    config: ConfigService,
  ) {
    this.publicUrl = config.getOrThrow<AppConfig>('app').publicUrl;
    this.liveSeconds = config.getOrThrow<CardsConfig>('cards').liveTokenSeconds;
  }

  async qrText(card: CardEntity, programme?: ProgrammeEntity): Promise<string> {
    const claims = this.claims(card, programme ?? (await this.programmes.get(card.programmeId)));
    return qrTextFor(this.publicUrl, signCardToken(claims, await this.keys.signer(card.signingKeyId)));
  }

  /**
   * The phone wallet's live QR text for a card: valid for minutes (CARD_LIVE_TOKEN_SECONDS), signed with the
   * active key, so a screenshot soon stops checking (live-token.ts). Null when the card has run out.
   */
  async liveQrText(
    card: CardEntity,
    programme: ProgrammeEntity,
    now: Date,
  ): Promise<{ qrText: string; notBefore: Date; expiresAt: Date } | null> {
    const claims = liveClaims(
      this.claims(card, programme),
      Math.floor(now.getTime() / 1000),
      this.liveSeconds,
    );
    if (!claims) return null;
    const token = signCardToken(claims, await this.keys.signer((await this.keys.active()).id));
    return {
      qrText: qrTextFor(this.publicUrl, token),
      notBefore: new Date(claims.notBefore * 1000),
      expiresAt: new Date(claims.expires! * 1000),
    };
  }

  /** What a card's printed token says: signed when the card was, through its valid-until day. */
  private claims(card: CardEntity, { code, timeZone }: ProgrammeEntity): CardClaims {
    return {
      programme: code,
      cardNumber: card.number,
      name: card.holderName,
      role: card.role,
      notBefore: Math.floor(card.signedAt.getTime() / 1000),
      // The card holds through its valid-until day in the programme's time zone.
      expires:
        card.validUntil === null
          ? null
          : Math.floor(startOfDayIn(addDays(card.validUntil, 1), timeZone).getTime() / 1000),
    };
  }
}
