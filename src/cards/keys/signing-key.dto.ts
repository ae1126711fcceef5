import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { SigningKeyEntity } from './signing-key.entity';

export class SigningKeyDto {
  /** The kid in /.well-known/jwks.json. */
  id: string;
  status: string;
  /** Raw Ed25519 public key, base64url. */
  publicKey: string;
  createdAt: Date;
  retiredAt: Date | null;
  /** Active and suspended cards it signed: while there are any, it stays published. */
  liveCards?: number;
}

export class RotateKeyDto {
  /** Why, for the audit log (e.g. "yearly rotation", "suspected leak"). */
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

/** A public key as published in the JWKS (RFC 8037). */
export class JwkDto {
  kty: 'OKP';
  crv: 'Ed25519';
  /** The raw 32-byte public key, base64url. */
  x: string;
  kid: string;
  alg: 'EdDSA';
  use: 'sig';
}

export class JwksDto {
  keys: JwkDto[];
}

export const mapSigningKey = (key: SigningKeyEntity, liveCards?: number): SigningKeyDto => ({
  id: key.id,
  status: key.status,
  publicKey: key.publicKey,
  createdAt: key.createdAt,
  retiredAt: key.retiredAt,
  liveCards,
});

export const jwkOf = (key: SigningKeyEntity): JwkDto => ({
  kty: 'OKP',
  crv: 'Ed25519',
  x: key.publicKey,
  kid: key.id,
  alg: 'EdDSA',
  use: 'sig',
});
