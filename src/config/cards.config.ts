import { registerAs } from '@nestjs/config';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { ToInt } from './env-transforms';
import { validateEnv } from './validate-env';

class CardsEnv {
  /**
   * Encrypts the card-signing private keys at rest: 32 bytes as 64 hex digits or base64. Unset: generated into
   * DATA_DIR/secrets/card-signing.kek. Every instance must use the same one.
   */
  @IsOptional()
  @Matches(/^(?:[0-9a-fA-F]{64}|[A-Za-z0-9+/_-]{43}=?)$/, {
    message: 'must be 32 bytes as 64 hex digits or base64 (or unset to generate one)',
  })
  CARD_SIGNING_KEK?: string;

  /** How long the phone wallet's live QR code checks, in seconds (default 300). At most an hour: see live-token.ts. */
  @IsOptional()
  @ToInt()
  @IsInt()
  @Min(30)
  @Max(3600)
  CARD_LIVE_TOKEN_SECONDS: number = 300;
}

export const cardsConfig = registerAs('cards', () => {
  const env = validateEnv(CardsEnv);
  return { signingKek: env.CARD_SIGNING_KEK, liveTokenSeconds: env.CARD_LIVE_TOKEN_SECONDS };
});
export type CardsConfig = ReturnType<typeof cardsConfig>;
