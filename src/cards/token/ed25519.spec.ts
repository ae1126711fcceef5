import { createHash, generateKeyPairSync, sign, verify } from 'node:crypto';
import {
  ed25519PrivateKeyFromSeed,
  ed25519PublicKeyRaw,
  kidOf,
  kidText,
  publicJwk,
  signingKeyFor,
} from './ed25519';

// RFC 8032 §7.1, TEST 1: seed, public key and the signature of the empty message.
const RFC8032_SEED = '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60';
const RFC8032_PUBLIC = 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a';
const RFC8032_SIGNATURE =
  'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const fromHex = (text: string) => new Uint8Array(Buffer.from(text, 'hex'));

describe('Ed25519 keys', () => {
  const privateKey = ed25519PrivateKeyFromSeed(fromHex(RFC8032_SEED));

  it('imports an RFC 8032 seed: same public key, same signature', () => {
    expect(hex(ed25519PublicKeyRaw(privateKey))).toBe(RFC8032_PUBLIC);
    expect(sign(null, Buffer.alloc(0), privateKey).toString('hex')).toBe(RFC8032_SIGNATURE);
  });

  it('kid is the first 6 bytes of SHA-256 over the raw public key, as 8 base64url characters', () => {
    const digest = createHash('sha256').update(fromHex(RFC8032_PUBLIC)).digest('hex');
    const kid = kidOf(fromHex(RFC8032_PUBLIC));
    expect(hex(kid)).toBe(digest.slice(0, 12));
    expect(kidText(kid)).toBe(Buffer.from(digest.slice(0, 12), 'hex').toString('base64url'));
    expect(kidText(kid)).toMatch(/^[A-Za-z0-9_-]{8}$/);
  });

  it('publishes the JWK form, which node reads back as the same key', () => {
    const jwk = publicJwk(privateKey);
    expect(jwk).toEqual({
      kty: 'OKP',
      crv: 'Ed25519',
      x: Buffer.from(RFC8032_PUBLIC, 'hex').toString('base64url'),
      kid: kidText(kidOf(fromHex(RFC8032_PUBLIC))),
      alg: 'EdDSA',
      use: 'sig',
    });
    const { publicKey } = generateKeyPairSync('ed25519');
    expect(publicJwk(publicKey).x).toBe(Buffer.from(ed25519PublicKeyRaw(publicKey)).toString('base64url'));
    expect(
      verify(null, Buffer.alloc(0), { key: { ...jwk }, format: 'jwk' }, fromHex(RFC8032_SIGNATURE)),
    ).toBe(true);
  });

  it('signingKeyFor derives the kid from the private key', () => {
    expect(hex(signingKeyFor(privateKey).kid)).toBe(hex(kidOf(fromHex(RFC8032_PUBLIC))));
  });

  it.each([
    ['a 31-byte seed', () => ed25519PrivateKeyFromSeed(new Uint8Array(31))],
    ['a 33-byte public key', () => kidOf(new Uint8Array(33))],
    ['an X25519 key', () => ed25519PublicKeyRaw(generateKeyPairSync('x25519').publicKey)],
    ['an EC key', () => ed25519PublicKeyRaw(generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey)],
  ])('refuses %s', (_label, call) => {
    expect(call).toThrow();
  });
});
