import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomFillSync } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const INDEX_BYTES = 16;
/** IVs are cut from a buffer of CSPRNG output refilled every 1,024 IVs: one system call instead of one per IV. */
const IV_POOL_BYTES = IV_BYTES * 1024;

/** Turns the configured key (64 hex digits or base64 of 32 bytes) into bytes. */
export function parseMasterKey(raw: string): Buffer {
  const key = /^[0-9a-fA-F]{64}$/.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  if (key.length !== 32) throw new Error('the personal-data key must be 32 bytes');
  return key;
}

/** The two keys derived from the master key. */
export interface DerivedKeys {
  encryption: Uint8Array;
  index: Uint8Array;
}

/**
 * Encrypts national ID numbers at rest (AES-256-GCM, random 96-bit IV) and derives their blind index (HMAC-SHA256)
 * for duplicate checks. Both keys are derived from one master key with HKDF, so one secret is kept and the index
 * key can never decrypt anything. Ciphertexts are versioned ("v1.") so that a later key can be rolled in.
 */
export class PersonalDataCipher {
  private readonly encryptionKey: Uint8Array;
  private readonly indexKey: Uint8Array;
  private readonly ivPool = Buffer.alloc(IV_POOL_BYTES);
  private ivOffset = IV_POOL_BYTES;

  /** From the master key, or from keys another cipher of this process derived (see `derivedKeys`). */
  constructor(key: Buffer | DerivedKeys) {
    const derive = (info: string) =>
      new Uint8Array(hkdfSync('sha256', key as Buffer, new Uint8Array(0), info, 32));
    this.encryptionKey = 'encryption' in key ? key.encryption : derive('family-card pii aes');
    this.indexKey = 'index' in key ? key.index : derive('family-card pii index');
  }

  /**
   * For a worker thread of this process that encrypts on this cipher's behalf (import:families). The master
   * key itself is not kept, so it cannot be handed on.
   */
  derivedKeys(): DerivedKeys {
    return { encryption: this.encryptionKey, index: this.indexKey };
  }

  /** `context` (e.g. the ID format) is bound as associated data, so a ciphertext cannot be moved to another use. */
  encrypt(plaintext: string, context: string): string {
    const iv = this.nextIv();
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    cipher.setAAD(Buffer.from(context));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return `${VERSION}.${Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url')}`;
  }

  private nextIv(): Buffer {
    if (this.ivOffset === IV_POOL_BYTES) {
      randomFillSync(this.ivPool);
      this.ivOffset = 0;
    }
    // A copy: the pool is overwritten on the next refill.
    return Buffer.from(this.ivPool.subarray(this.ivOffset, (this.ivOffset += IV_BYTES)));
  }

  decrypt(ciphertext: string, context: string): string {
    const [version, payload] = ciphertext.split('.');
    if (version !== VERSION || !payload) throw new Error('unknown personal-data ciphertext version');
    const bytes = Buffer.from(payload, 'base64url');
    const iv = bytes.subarray(0, IV_BYTES);
    const tag = bytes.subarray(bytes.length - TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, iv);
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(tag);
    return Buffer.concat([
      decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  }

  /**
   * Same person, same index: a keyed hash of the format and the normalised number, cut to 128 bits (ample
   * against collisions in any register) and written as 22 base64url characters. Short matters: the index is
   * random by nature, so every insert lands on an arbitrary page of it, and half the length is half the pages
   * an import rewrites.
   */
  blindIndex(format: string, normalized: string): string {
    return createHmac('sha256', this.indexKey)
      .update(`${format}:${normalized}`)
      .digest()
      .subarray(0, INDEX_BYTES)
      .toString('base64url');
  }
}
