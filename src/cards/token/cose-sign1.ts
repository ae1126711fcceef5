import { Decoder, Encoder, Tag } from 'cbor-x';
import { KID_BYTES } from './ed25519';

// COSE_Sign1 (RFC 9052 §4.2) as this profile uses it: EdDSA in the protected header, a 6-byte kid in the
// unprotected header, an attached payload. Parsing is strict: anything but the exact deterministic
// encoding the issuer produces is refused, so one token has one byte form.

// Plain CBOR only: Maps are CBOR maps keyed by their own keys, byte strings are untagged, and none of
// cbor-x's extensions (records, tag 259 maps, packing) are produced.
const encoder = new Encoder({
  useRecords: false,
  mapsAsObjects: false,
  useTag259ForMaps: false,
  tagUint8Array: false,
  variableMapSize: true,
  // In cbor-x's README but not in its type definitions.
} as ConstructorParameters<typeof Encoder>[0]);
const decoder = new Decoder({ useRecords: false, mapsAsObjects: false });

export const COSE_SIGN1_TAG = 18;
export const ALG_EDDSA = -8;
const HEADER_ALG = 1;
const HEADER_KID = 4;
/** The protected header `{1: -8}` (alg: EdDSA) as its only allowed encoding. */
export const PROTECTED_EDDSA = Uint8Array.of(0xa1, 0x01, 0x27);

export interface Sign1 {
  kid: Uint8Array;
  payload: Uint8Array;
  signature: Uint8Array;
}

/** Fresh bytes, not a view into cbor-x's reused output buffer. */
export function encodeCbor(value: unknown): Uint8Array {
  return new Uint8Array(encoder.encode(value));
}

export function decodeCbor(bytes: Uint8Array, what: string): unknown {
  try {
    return decoder.decode(bytes);
  } catch (error) {
    throw new Error(`${what} is not one well-formed CBOR item (${(error as Error).message})`);
  }
}

export const sameBytes = (a: Uint8Array, b: Uint8Array) => Buffer.compare(a, b) === 0;
const isBytes = (value: unknown): value is Uint8Array => value instanceof Uint8Array;

/** Sig_structure (RFC 9052 §4.4): the bytes the signature covers; external_aad is empty. */
export function sigStructure(payload: Uint8Array): Uint8Array {
  return encodeCbor(['Signature1', PROTECTED_EDDSA, new Uint8Array(0), payload]);
}

export function encodeSign1({ kid, payload, signature }: Sign1): Uint8Array {
  const unprotected = new Map([[HEADER_KID, kid]]);
  return encodeCbor(new Tag([PROTECTED_EDDSA, unprotected, payload, signature], COSE_SIGN1_TAG));
}

/** Splits a token into its parts; throws an Error saying what is wrong with it. */
export function parseSign1(token: Uint8Array): Sign1 {
  const item = decodeCbor(token, 'token');
  if (!(item instanceof Tag) || item.tag !== COSE_SIGN1_TAG) throw new Error('not a COSE_Sign1 with tag 18');
  const parts: unknown = item.value;
  if (!Array.isArray(parts) || parts.length !== 4) throw new Error('COSE_Sign1 must be an array of 4 items');
  const [protectedHeader, unprotected, payload, signature] = parts as unknown[];
  if (!isBytes(protectedHeader)) throw new Error('protected header must be a byte string');
  checkProtectedHeader(protectedHeader);
  if (!(unprotected instanceof Map)) throw new Error('unprotected header must be a map');
  if (unprotected.has(HEADER_ALG)) {
    throw new Error('alg must be in the protected header, not the unprotected');
  }
  if (unprotected.size !== 1 || !unprotected.has(HEADER_KID)) {
    throw new Error('unprotected header must hold the kid (4) and nothing else');
  }
  const kid: unknown = unprotected.get(HEADER_KID);
  if (!isBytes(kid) || kid.length !== KID_BYTES) throw new Error('kid must be a 6-byte byte string');
  if (!isBytes(payload)) throw new Error('payload must be a byte string (detached payloads are not used)');
  if (!isBytes(signature) || signature.length !== 64) {
    throw new Error('signature must be a 64-byte byte string');
  }
  const sign1 = {
    kid: Uint8Array.from(kid),
    payload: Uint8Array.from(payload),
    signature: Uint8Array.from(signature),
  };
  // Catches non-shortest lengths, tagged byte strings and the like, which decode to the same values.
  if (!sameBytes(encodeSign1(sign1), token)) throw new Error('token is not in deterministic CBOR encoding');
  return sign1;
}

function checkProtectedHeader(bytes: Uint8Array): void {
  if (sameBytes(bytes, PROTECTED_EDDSA)) return;
  // Only to say precisely what is wrong: every other protected header is refused.
  const header = bytes.length === 0 ? new Map() : decodeCbor(bytes, 'protected header');
  if (!(header instanceof Map)) throw new Error('protected header must encode a map');
  const alg: unknown = header.get(HEADER_ALG);
  if (alg === undefined) throw new Error('alg (1) is missing from the protected header');
  if (alg !== ALG_EDDSA) throw new Error(`alg ${describeValue(alg)} is not EdDSA (-8)`);
  throw new Error('protected header must be exactly {1: -8}, encoded a1 01 27');
}

/** A short, never-throwing description of a decoded value for error messages. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') {
    return String(value);
  }
  return value === null ? 'null' : typeof value;
}
