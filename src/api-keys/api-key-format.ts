import { randomBytes } from 'node:crypto';
import { randomToken, sha256Hex } from '../common/crypto';

const FORMAT = /^fck_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

export const looksLikeApiKey = (value: string): boolean => value.startsWith('fck_');

/** A new key: `fck_<12 hex lookup prefix>_<256-bit secret>`; only the prefix and the secret's hash are stored. */
export function newApiKey(): { key: string; prefix: string; secretHash: string } {
  const prefix = randomBytes(6).toString('hex');
  const secret = randomToken(32);
  return { key: `fck_${prefix}_${secret}`, prefix, secretHash: sha256Hex(secret) };
}

export function parseApiKey(key: string): { prefix: string; secretHash: string } | null {
  const m = FORMAT.exec(key);
  return m ? { prefix: m[1], secretHash: sha256Hex(m[2]) } : null;
}
