import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn, TimestampColumn } from '../../database/engine';

export type SigningKeyStatus = 'active' | 'retired';

/** An Ed25519 key that signs card tokens. Exactly one is active; retired ones still verify the cards they signed. */
@Entity('signing_keys')
@Index('uq_signing_keys_active', ['status'], { unique: true, where: "status = 'active'" })
export class SigningKeyEntity {
  /** The kid: base64url of the first 6 bytes of SHA-256 over the raw public key (docs/card-token.md). */
  @PrimaryColumn({ type: 'varchar', length: 16 })
  id: string;

  /** The raw 32-byte public key, base64url. */
  @Column({ type: 'varchar', length: 64 })
  publicKey: string;

  /** The PKCS#8 private key, AES-256-GCM under the key-encryption key with the kid as associated data. */
  @Column({ type: 'text' })
  privateKeyCipher: string;

  @Column({ type: 'varchar', length: 16 })
  status: SigningKeyStatus;

  @CreatedAtColumn()
  createdAt: Date;

  @TimestampColumn({ nullable: true })
  retiredAt: Date | null;
}
