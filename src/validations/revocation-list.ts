import { KeyObject, sign, verify } from 'node:crypto';
import type { CardStatus } from '../cards/card-status';

/** A card an offline verifier must refuse (or, in a delta, may accept again: `active`). */
export interface RevocationEntry {
  /** Canonical card number, as in the token's `sub` claim. */
  number: string;
  status: Extract<CardStatus, 'suspended' | 'revoked' | 'replaced' | 'active'>;
  /** When the card took this status (ISO 8601). */
  at: string;
}

export interface RevocationPayload {
  v: 1;
  /** Programme code: the token's `iss` claim. */
  programme: string;
  issuedAt: string;
  /** Null for the whole list; else only cards whose status changed after this instant. */
  since: string | null;
  entries: RevocationEntry[];
}

/**
 * The signed revocation list as served: the payload as JSON text, and an Ed25519 signature over exactly its
 * UTF-8 bytes by the programme key `kid` (published in the JWKS). docs/offline-verification.md specifies it.
 */
export interface SignedRevocationList {
  payload: string;
  kid: string;
  signature: string;
}

export function signRevocationList(
  payload: RevocationPayload,
  kid: string,
  privateKey: KeyObject,
): SignedRevocationList {
  const text = JSON.stringify(payload);
  return {
    payload: text,
    kid,
    signature: sign(null, Buffer.from(text, 'utf8'), privateKey).toString('base64url'),
  };
}

/** What an offline verifier does: the parsed payload when the signature holds, null otherwise. */
export function verifyRevocationList(
  list: SignedRevocationList,
  publicKeyFor: (kid: string) => KeyObject | null,
): RevocationPayload | null {
  const key = publicKeyFor(list.kid);
  if (!key || typeof list.payload !== 'string' || typeof list.signature !== 'string') return null;
  const ok = verify(null, Buffer.from(list.payload, 'utf8'), key, Buffer.from(list.signature, 'base64url'));
  return ok ? (JSON.parse(list.payload) as RevocationPayload) : null;
}
