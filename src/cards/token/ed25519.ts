import { createHash, createPrivateKey, createPublicKey, KeyObject } from 'node:crypto';

// Key handling for the card token: raw Ed25519 keys (RFC 8032), the 6-byte key id and the JWK form.

/** The published form of a public key, one entry of /.well-known/jwks.json. */
export interface Ed25519Jwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  kid: string;
  alg: 'EdDSA';
  use: 'sig';
}

export interface SigningKey {
  kid: Uint8Array;
  privateKey: KeyObject;
}

export const KID_BYTES = 6;

// PKCS #8 DER for an Ed25519 private key is this fixed prefix followed by the 32-byte seed (RFC 8410).
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** Key id: the first 6 bytes of SHA-256 over the raw 32-byte public key. */
export function kidOf(publicKeyRaw: Uint8Array): Uint8Array {
  if (publicKeyRaw.length !== 32) throw new Error('An Ed25519 public key has 32 bytes');
  return new Uint8Array(createHash('sha256').update(publicKeyRaw).digest().subarray(0, KID_BYTES));
}

/** The kid as text (base64url, 8 characters), as published in the JWKS. */
export function kidText(kid: Uint8Array): string {
  return Buffer.from(kid).toString('base64url');
}

/** The raw 32-byte public key of an Ed25519 public or private key. */
export function ed25519PublicKeyRaw(key: KeyObject): Uint8Array {
  const jwk = (key.type === 'private' ? createPublicKey(key) : key).export({ format: 'jwk' });
  if (key.asymmetricKeyType !== 'ed25519' || typeof jwk.x !== 'string') throw new Error('Not an Ed25519 key');
  return new Uint8Array(Buffer.from(jwk.x, 'base64url'));
}

/** The private key for a 32-byte RFC 8032 seed (test vectors, key import). */
export function ed25519PrivateKeyFromSeed(seed: Uint8Array): KeyObject {
  if (seed.length !== 32) throw new Error('An Ed25519 seed has 32 bytes');
  return createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}

export function signingKeyFor(privateKey: KeyObject): SigningKey {
  return { kid: kidOf(ed25519PublicKeyRaw(privateKey)), privateKey };
}

export function publicJwk(key: KeyObject): Ed25519Jwk {
  const raw = ed25519PublicKeyRaw(key);
  const x = Buffer.from(raw).toString('base64url');
  return { kty: 'OKP', crv: 'Ed25519', x, kid: kidText(kidOf(raw)), alg: 'EdDSA', use: 'sig' };
}
