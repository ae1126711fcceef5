import { registerAs } from '@nestjs/config';
import { IsOptional, Matches } from 'class-validator';
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
}

export const cardsConfig = registerAs('cards', () => {
  const env = validateEnv(CardsEnv);
  return { signingKek: env.CARD_SIGNING_KEK };
});
export type CardsConfig = ReturnType<typeof cardsConfig>;
