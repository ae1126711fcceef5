import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../config/app.config';
import { addDays, startOfDayIn } from '../programmes/eligibility/civil-date';
import type { ProgrammeEntity } from '../programmes/programme.entity';
import { ProgrammesService } from '../programmes/programmes.service';
import type { CardEntity } from './card.entity';
import { SigningKeysService } from './keys/signing-keys.service';
import { qrTextFor, signCardToken } from './token/card-token';

/** Signs a card's token from its row: the same card always gives the same QR text (Ed25519 is deterministic). */
@Injectable()
export class CardTokensService {
  private readonly publicUrl: string;

  constructor(
    private readonly keys: SigningKeysService,
    private readonly programmes: ProgrammesService,
    config: ConfigService,
  ) {
    this.publicUrl = config.getOrThrow<AppConfig>('app').publicUrl;
  }

  async qrText(card: CardEntity, programme?: ProgrammeEntity): Promise<string> {
    const { code, timeZone } = programme ?? (await this.programmes.get(card.programmeId));
    const token = signCardToken(
      {
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
      },
      await this.keys.signer(card.signingKeyId),
    );
    return qrTextFor(this.publicUrl, token);
  }
}
