import { KeyObject, sign, verify } from 'node:crypto';
import { promisify } from 'node:util';
import { base32 } from 'rfc4648';
import type { MemberRole } from '../../programmes/eligibility/eligibility.types';
import {
  decodeCbor,
  describeValue,
  encodeCbor,
  encodeSign1,
  parseSign1,
  sameBytes,
  Sign1,
  sigStructure,
} from './cose-sign1';
import { ed25519PublicKeyRaw, KID_BYTES, kidOf, kidText, SigningKey } from './ed25519';

// The card token: CWT claims (RFC 8392) in a COSE_Sign1 signed with Ed25519, carried in the QR code as
// `<BASE>/C/<base32 token>`. docs/card-token.md is the specification; its test vectors are checked
// against this file by card-token-doc.spec.ts.

export interface CardClaims {
  programme: string;
  cardNumber: string;
  name: string;
  role: MemberRole;
  /** Unix seconds; the card is valid from this second on. */
  notBefore: number;
  /** Unix seconds; the first second the card is no longer valid. null = indefinite. */
  expires: number | null;
}

export type Verification =
  | { status: 'valid'; claims: CardClaims; kid: string }
  | { status: 'invalid_signature' | 'unknown_key' | 'malformed'; reason: string };

export type TimeStatus = 'valid' | 'expired' | 'not_yet_valid';

export type QrToken = { status: 'ok'; token: Uint8Array } | { status: 'malformed'; reason: string };

const ROLE_CODES: Record<MemberRole, number> = {
  parent: 0,
  spouse: 1,
  child: 2,
  foster_child: 3,
  foster_parent: 4,
};
const ROLE_BY_CODE = new Map<unknown, MemberRole>(
  Object.entries(ROLE_CODES).map(([role, code]) => [code, role as MemberRole]),
);

// Claim keys: iss, sub, exp, nbf from the CWT registry, then the private claims "n" (name) and "r" (role).
// This is also their deterministic order (integer keys encode below text keys).
const ISS = 1;
const SUB = 2;
const EXP = 4;
const NBF = 5;
const NAME = 'n';
const ROLE = 'r';
const CLAIM_KEYS = new Set<unknown>([ISS, SUB, EXP, NBF, NAME, ROLE]);
const UINT32_MAX = 0xffffffff;

// QR alphanumeric mode holds only these 45 characters; the base URL must fit in them once upper-cased.
const QR_BASE = /^[0-9A-Z$%*+\-./:]+$/;
const QR_MARKER = '/C/';
const BASE32 = /^[A-Z2-7]+$/;

export function roleCode(role: MemberRole): number {
  return ROLE_CODES[role];
}

/** The claims map as signed: deterministic CBOR (RFC 8949 §4.2.1), the name in Unicode NFC. */
export function encodeClaims(claims: CardClaims): Uint8Array {
  const problem = claimsProblem(claims);
  if (problem) throw new Error(`Cannot encode card claims: ${problem}`);
  const map = new Map<number | string, string | number>([
    [ISS, claims.programme],
    [SUB, claims.cardNumber],
  ]);
  if (claims.expires !== null) map.set(EXP, claims.expires);
  map.set(NBF, claims.notBefore);
  map.set(NAME, claims.name.normalize('NFC'));
  map.set(ROLE, ROLE_CODES[claims.role]);
  return encodeCbor(map);
}

export function signCardToken(claims: CardClaims, key: SigningKey): Uint8Array {
  if (key.kid.length !== KID_BYTES || !sameBytes(key.kid, kidOf(ed25519PublicKeyRaw(key.privateKey)))) {
    throw new Error('The kid does not belong to the signing key');
  }
  const payload = encodeClaims(claims);
  const signature = new Uint8Array(sign(null, sigStructure(payload), key.privateKey));
  return encodeSign1({ kid: key.kid, payload, signature });
}

/**
 * Checks structure, key and signature; never throws for a bad token. Validity in time is timeStatus's
 * business, revocation the revocation list's.
 */
export function verifyCardToken(
  token: Uint8Array,
  publicKeyFor: (kid: string) => KeyObject | null,
): Verification {
  const opened = openCardToken(token, publicKeyFor);
  if ('status' in opened) return opened;
  return closeCardToken(opened, verify(null, opened.signed, opened.key, opened.signature));
}

/**
 * verifyCardToken with the signature checked on libuv's thread pool: the online check's way, so the event
 * loop goes on serving other requests (and another core does the curve arithmetic) meanwhile.
 */
export async function verifyCardTokenAsync(
  token: Uint8Array,
  publicKeyFor: (kid: string) => KeyObject | null,
): Promise<Verification> {
  const opened = openCardToken(token, publicKeyFor);
  if ('status' in opened) return opened;
  return closeCardToken(opened, await verifyOnPool(null, opened.signed, opened.key, opened.signature));
}

const verifyOnPool = promisify(verify);

interface OpenedToken {
  kid: string;
  key: KeyObject;
  /** The COSE Sig_structure the signature covers. */
  signed: Uint8Array;
  signature: Uint8Array;
  payload: Uint8Array;
}

/** The token's parts and its key, or the answer when it cannot be verified at all. */
function openCardToken(
  token: Uint8Array,
  publicKeyFor: (kid: string) => KeyObject | null,
): OpenedToken | Exclude<Verification, { status: 'valid' }> {
  let parts: Sign1;
  try {
    parts = parseSign1(token);
  } catch (error) {
    return { status: 'malformed', reason: (error as Error).message };
  }
  const kid = kidText(parts.kid);
  const key = publicKeyFor(kid);
  if (!key) return { status: 'unknown_key', reason: `no public key with kid ${kid}` };
  // A wrong key type is a configuration error, not a bad token.
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`The key for kid ${kid} is not an Ed25519 key`);
  return {
    kid,
    key,
    signed: sigStructure(parts.payload),
    signature: parts.signature,
    payload: parts.payload,
  };
}

function closeCardToken({ kid, payload }: OpenedToken, verified: boolean): Verification {
  if (!verified) return { status: 'invalid_signature', reason: `signature does not verify with key ${kid}` };
  try {
    return { status: 'valid', claims: parseClaims(payload), kid };
  } catch (error) {
    return { status: 'malformed', reason: (error as Error).message };
  }
}

/** nbf is the first valid second, exp the first invalid one (RFC 8392 / RFC 7519). */
export function timeStatus(
  claims: Pick<CardClaims, 'notBefore' | 'expires'>,
  nowSeconds: number,
): TimeStatus {
  if (nowSeconds < claims.notBefore) return 'not_yet_valid';
  if (claims.expires !== null && nowSeconds >= claims.expires) return 'expired';
  return 'valid';
}

/** `HTTPS://KARTA.EXAMPLE.PL/C/<base32>`: a URL to the check page that fits QR alphanumeric mode. */
export function qrTextFor(baseUrl: string, token: Uint8Array): string {
  return `${qrBase(baseUrl)}${QR_MARKER}${base32.stringify(token, { pad: false })}`;
}

/** The upper-cased base URL; throws when it cannot be part of an alphanumeric QR text. */
export function qrBase(baseUrl: string): string {
  const refuse = (why: string) =>
    new Error(
      `The public base URL "${baseUrl}" cannot go into a card QR code: ${why}. It must be an http(s) URL ` +
        'without trailing slash, query or fragment that, upper-cased, uses only 0-9 A-Z $ % * + - . / :',
    );
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw refuse('it is not an absolute URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw refuse('it is not http or https');
  if (url.username || url.password) throw refuse('it holds credentials');
  if (/[?#]/.test(baseUrl)) throw refuse('it has a query or fragment');
  if (baseUrl.endsWith('/')) throw refuse('it ends with a slash');
  const upper = baseUrl.toUpperCase();
  if (!QR_BASE.test(upper)) throw refuse('it has characters outside the QR alphanumeric set');
  return upper;
}

/** The token bytes from a scanned QR text; the base is ignored (any case, surrounding blanks allowed). */
export function tokenFromQrText(text: string): QrToken {
  const upper = text.trim().toUpperCase();
  const at = upper.lastIndexOf(QR_MARKER);
  if (at < 0) return { status: 'malformed', reason: 'no /C/ before the token' };
  const encoded = upper.slice(at + QR_MARKER.length);
  if (!BASE32.test(encoded)) {
    return { status: 'malformed', reason: 'token is not unpadded base32 (A-Z, 2-7)' };
  }
  try {
    // loose only allows the missing padding (the alphabet is checked above, so no typo correction); the
    // parser still refuses impossible lengths and non-zero trailing bits, so each token has one spelling.
    return { status: 'ok', token: base32.parse(encoded, { loose: true }) };
  } catch {
    return { status: 'malformed', reason: 'token is not canonical base32 (length or trailing bits)' };
  }
}

/** tokenFromQrText then verifyCardToken, for offline verifiers. */
export function verifyQrText(text: string, publicKeyFor: (kid: string) => KeyObject | null): Verification {
  const read = tokenFromQrText(text);
  return read.status === 'ok' ? verifyCardToken(read.token, publicKeyFor) : read;
}

/** tokenFromQrText then verifyCardTokenAsync, for the server's checks. */
export async function verifyQrTextAsync(
  text: string,
  publicKeyFor: (kid: string) => KeyObject | null,
): Promise<Verification> {
  const read = tokenFromQrText(text);
  return read.status === 'ok' ? verifyCardTokenAsync(read.token, publicKeyFor) : read;
}

function parseClaims(payload: Uint8Array): CardClaims {
  const map = decodeCbor(payload, 'claims');
  if (!(map instanceof Map)) throw new Error('claims must be a CBOR map');
  for (const key of map.keys()) {
    if (!CLAIM_KEYS.has(key)) throw new Error(`unknown claim ${describeValue(key)}`);
  }
  const text = (key: number | string, label: string): string => {
    const value: unknown = map.get(key);
    if (typeof value !== 'string') throw new Error(`${label} must be a text string`);
    return value;
  };
  const uint = (key: number, label: string): number => {
    const value: unknown = map.get(key);
    if (!isUint32(value)) throw new Error(`${label} must be an unsigned integer up to 2^32-1`);
    return value;
  };
  const role = ROLE_BY_CODE.get(map.get(ROLE));
  if (role === undefined) throw new Error(`r must be a role code 0-4, got ${describeValue(map.get(ROLE))}`);
  const claims: CardClaims = {
    programme: text(ISS, 'iss (1)'),
    cardNumber: text(SUB, 'sub (2)'),
    name: text(NAME, 'n'),
    role,
    notBefore: uint(NBF, 'nbf (5)'),
    expires: map.has(EXP) ? uint(EXP, 'exp (4)') : null,
  };
  const problem = claimsProblem(claims);
  if (problem) throw new Error(problem);
  if (claims.name !== claims.name.normalize('NFC')) throw new Error('n is not in Unicode NFC');
  if (!sameBytes(encodeClaims(claims), payload)) {
    throw new Error('claims are not in deterministic CBOR encoding');
  }
  return claims;
}

function claimsProblem(claims: CardClaims): string | null {
  for (const [label, value] of [
    ['programme', claims.programme],
    ['card number', claims.cardNumber],
    ['name', claims.name],
  ] as const) {
    if (typeof value !== 'string' || value === '') return `${label} must be non-empty text`;
    // Lone surrogates have no UTF-8 form.
    if (Buffer.from(value, 'utf8').toString('utf8') !== value) return `${label} is not well-formed Unicode`;
  }
  if (!Object.hasOwn(ROLE_CODES, claims.role)) return `unknown role ${describeValue(claims.role)}`;
  if (!isUint32(claims.notBefore)) return 'notBefore must be whole seconds between 0 and 2^32-1';
  if (claims.expires !== null) {
    if (!isUint32(claims.expires)) return 'expires must be whole seconds between 0 and 2^32-1, or null';
    if (claims.expires <= claims.notBefore) return 'expires (exp) must be after notBefore (nbf)';
  }
  return null;
}

function isUint32(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= UINT32_MAX;
}
