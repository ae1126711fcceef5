// Reading and verifying a card's QR code in the browser, offline, exactly as docs/card-token.md specifies (the
// server's own verifier is src/cards/token/card-token.ts; test/web/card-token-browser.spec.ts holds this file
// to the same test vectors). CBOR comes from cbor-x's no-eval build, loaded before this module as
// globalThis.CBOR; Ed25519 from WebCrypto.

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const QR_MARKER = '/C/';
const COSE_SIGN1_TAG = 18;
const PROTECTED_EDDSA = Uint8Array.of(0xa1, 0x01, 0x27);
const KID_BYTES = 6;
const UINT32_MAX = 0xffffffff;
const ROLES = ['parent', 'spouse', 'child', 'foster_child', 'foster_parent'];
const CLAIM_KEYS = [1, 2, 4, 5, 'n', 'r'];

let codec = null;
/** cbor-x set up as the issuer's encoder: plain CBOR, maps as Maps, no records or extension tags. */
function cbor() {
  if (!codec) {
    const CBOR = globalThis.CBOR;
    if (!CBOR) throw new Error('cbor-x is not loaded');
    codec = {
      Tag: CBOR.Tag,
      encoder: new CBOR.Encoder({
        useRecords: false,
        mapsAsObjects: false,
        useTag259ForMaps: false,
        tagUint8Array: false,
        variableMapSize: true,
      }),
      decoder: new CBOR.Decoder({ useRecords: false, mapsAsObjects: false }),
    };
  }
  return codec;
}

const encode = (value) => Uint8Array.from(cbor().encoder.encode(value));

function decode(bytes, what) {
  try {
    return cbor().decoder.decode(bytes);
  } catch (error) {
    throw new Error(`${what} is not one well-formed CBOR item (${error.message})`);
  }
}

export function sameBytes(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const isBytes = (value) => value instanceof Uint8Array;
const isUint32 = (value) => Number.isInteger(value) && value >= 0 && value <= UINT32_MAX;

/**
 * RFC 4648 base32, upper case, no padding. Null for a length that is no whole number of bytes (1, 3 or 6
 * characters modulo 8) or non-zero filler bits: each token has exactly one spelling.
 */
export function base32Decode(text) {
  if (!/^[A-Z2-7]*$/.test(text) || [1, 3, 6].includes(text.length % 8)) return null;
  const out = new Uint8Array(Math.floor((text.length * 5) / 8));
  let bits = 0;
  let value = 0;
  let at = 0;
  for (const char of text) {
    value = (value << 5) | BASE32.indexOf(char);
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (value >> bits) & 0xff;
      value &= (1 << bits) - 1;
    }
  }
  return value === 0 ? out : null;
}

/** The token bytes of a scanned QR text (any base, any case, blanks around), or why it is malformed. */
export function tokenFromQrText(text) {
  const upper = String(text).trim().toUpperCase();
  const at = upper.lastIndexOf(QR_MARKER);
  if (at < 0) return { status: 'malformed', reason: 'no /C/ before the token' };
  const encoded = upper.slice(at + QR_MARKER.length);
  if (!/^[A-Z2-7]+$/.test(encoded)) return { status: 'malformed', reason: 'token is not unpadded base32' };
  const token = base32Decode(encoded);
  if (!token) return { status: 'malformed', reason: 'token is not canonical base32 (length or filler bits)' };
  return { status: 'ok', token };
}

/** base64url without padding, both ways. */
export function base64url(bytes) {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64url(text) {
  if (typeof text !== 'string' || !/^[A-Za-z0-9_-]*$/.test(text)) return null;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** Sig_structure (RFC 9052 §4.4) over the payload, external_aad empty. */
export function sigStructure(payload) {
  return encode(['Signature1', PROTECTED_EDDSA, new Uint8Array(0), payload]);
}

/** Splits a COSE_Sign1 token into kid, payload and signature; throws an Error saying what is wrong. */
export function parseSign1(token) {
  const { Tag } = cbor();
  const item = decode(token, 'token');
  if (!(item instanceof Tag) || item.tag !== COSE_SIGN1_TAG) throw new Error('not a COSE_Sign1 with tag 18');
  const parts = item.value;
  if (!Array.isArray(parts) || parts.length !== 4) throw new Error('COSE_Sign1 must be an array of 4 items');
  const [protectedHeader, unprotected, payload, signature] = parts;
  if (!isBytes(protectedHeader) || !sameBytes(protectedHeader, PROTECTED_EDDSA))
    throw new Error('protected header must be exactly {1: -8}, encoded a1 01 27');
  if (!(unprotected instanceof Map) || unprotected.size !== 1 || !unprotected.has(4))
    throw new Error('unprotected header must hold the kid (4) and nothing else');
  const kid = unprotected.get(4);
  if (!isBytes(kid) || kid.length !== KID_BYTES) throw new Error('kid must be a 6-byte byte string');
  if (!isBytes(payload)) throw new Error('payload must be a byte string');
  if (!isBytes(signature) || signature.length !== 64) throw new Error('signature must be 64 bytes');
  const sign1 = {
    kid: Uint8Array.from(kid),
    payload: Uint8Array.from(payload),
    signature: Uint8Array.from(signature),
  };
  const again = encode(
    new Tag([PROTECTED_EDDSA, new Map([[4, sign1.kid]]), sign1.payload, sign1.signature], 18),
  );
  if (!sameBytes(again, token)) throw new Error('token is not in deterministic CBOR encoding');
  return sign1;
}

/** The claims of a payload (section 4): exactly the six keys, each of its type, deterministically encoded. */
export function parseClaims(payload) {
  const map = decode(payload, 'claims');
  if (!(map instanceof Map)) throw new Error('claims must be a CBOR map');
  for (const key of map.keys())
    if (!CLAIM_KEYS.includes(key)) throw new Error(`unknown claim ${String(key)}`);
  const text = (key) => {
    const value = map.get(key);
    if (typeof value !== 'string' || value === '') throw new Error(`claim ${key} must be non-empty text`);
    return value;
  };
  const uint = (key) => {
    const value = map.get(key);
    if (!isUint32(value)) throw new Error(`claim ${key} must be an unsigned integer up to 2^32-1`);
    return value;
  };
  const roleCode = map.get('r');
  if (!Number.isInteger(roleCode) || roleCode < 0 || roleCode >= ROLES.length)
    throw new Error('r must be 0-4');
  const claims = {
    programme: text(1),
    cardNumber: text(2),
    name: text('n'),
    role: ROLES[roleCode],
    notBefore: uint(5),
    expires: map.has(4) ? uint(4) : null,
  };
  if (claims.expires !== null && claims.expires <= claims.notBefore) throw new Error('exp must be after nbf');
  if (claims.name !== claims.name.normalize('NFC')) throw new Error('n is not in Unicode NFC');
  const canonical = new Map([
    [1, claims.programme],
    [2, claims.cardNumber],
  ]);
  if (claims.expires !== null) canonical.set(4, claims.expires);
  canonical.set(5, claims.notBefore);
  canonical.set('n', claims.name);
  canonical.set('r', roleCode);
  if (!sameBytes(encode(canonical), payload))
    throw new Error('claims are not in deterministic CBOR encoding');
  return claims;
}

/**
 * The programme's public keys from a JWKS, by kid. A JWK whose kid is not the first 6 bytes of SHA-256 over its
 * key is ignored (section 6), as is anything that is not an Ed25519 OKP key.
 */
export async function importJwks(jwks) {
  const keys = new Map();
  for (const jwk of Array.isArray(jwks?.keys) ? jwks.keys : []) {
    if (jwk?.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.kid !== 'string') continue;
    const raw = fromBase64url(jwk.x);
    if (!raw || raw.length !== 32) continue;
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', raw));
    if (base64url(digest.slice(0, KID_BYTES)) !== jwk.kid) continue;
    try {
      const key = await crypto.subtle.importKey('raw', raw, { name: 'Ed25519' }, false, ['verify']);
      keys.set(jwk.kid, key);
    } catch {
      // A browser without Ed25519 in WebCrypto cannot verify offline; the page says so.
    }
  }
  return keys;
}

/** Section 7 steps 2-5: structure, key, signature, claims. Never throws for a bad token. */
export async function verifyCardToken(token, keys) {
  let parts;
  try {
    parts = parseSign1(token);
  } catch (error) {
    return { status: 'malformed', reason: error.message };
  }
  const kid = base64url(parts.kid);
  const key = keys.get(kid);
  if (!key) return { status: 'unknown_key', reason: `no public key with kid ${kid}` };
  const ok = await crypto.subtle.verify(
    { name: 'Ed25519' },
    key,
    parts.signature,
    sigStructure(parts.payload),
  );
  if (!ok) return { status: 'invalid_signature', reason: `signature does not verify with key ${kid}` };
  try {
    return { status: 'valid', claims: parseClaims(parts.payload), kid };
  } catch (error) {
    return { status: 'malformed', reason: error.message };
  }
}

/** Section 7 step 6: nbf is the first valid second, exp the first invalid one. */
export function timeStatus(claims, nowSeconds) {
  if (nowSeconds < claims.notBefore) return 'not_yet_valid';
  if (claims.expires !== null && nowSeconds >= claims.expires) return 'expired';
  return 'valid';
}

/** tokenFromQrText then verifyCardToken. */
export async function verifyQrText(text, keys) {
  const read = tokenFromQrText(text);
  return read.status === 'ok' ? verifyCardToken(read.token, keys) : read;
}
