import { createPublicKey, JsonWebKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { MEMBER_ROLES } from '../../programmes/eligibility/eligibility.types';
import {
  CardClaims,
  encodeClaims,
  qrTextFor,
  roleCode,
  signCardToken,
  timeStatus,
  tokenFromQrText,
  verifyCardToken,
  verifyQrText,
} from './card-token';
import { sigStructure } from './cose-sign1';
import { ed25519PrivateKeyFromSeed, ed25519PublicKeyRaw, kidText, publicJwk, signingKeyFor } from './ed25519';

// docs/card-token.md is the specification others implement from: every vector, check and annotated dump
// in it must be what this code produces, so the document cannot drift from the code.

interface Vector {
  vector: string;
  seed: string;
  publicKey: string;
  jwk: JsonWebKey;
  kid: string;
  kidText: string;
  claims: { iss: string; sub: string; exp?: number; nbf: number; n: string; r: number };
  baseUrl: string;
  payload: string;
  sigStructure: string;
  signature: string;
  token: string;
  tokenBytes: number;
  qr: string;
  qrVersionM: number;
}

interface Check {
  check: string;
  about: string;
  token: string;
  now: number;
  expect: string;
}

const doc = readFileSync(join(__dirname, '../../../docs/card-token.md'), 'utf8');
const fenced = (language: string) =>
  [...doc.matchAll(new RegExp(`^\`\`\`${language}\\n([\\s\\S]*?)^\`\`\`$`, 'gm'))].map((match) => match[1]);
const json = fenced('json').map((text) => JSON.parse(text) as Record<string, unknown>);
const vectors = json.filter((block) => 'vector' in block) as unknown as Vector[];
const jwks = json.find((block) => 'keys' in block) as unknown as { keys: JsonWebKey[] };
const checks = (json.find((block) => 'checks' in block) as unknown as { checks: Check[] }).checks;

const fromHex = (text: string) => new Uint8Array(Buffer.from(text, 'hex'));
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const published = (kid: string) => {
  const jwk = jwks.keys.find((key) => key.kid === kid);
  return jwk ? createPublicKey({ key: jwk, format: 'jwk' }) : null;
};
const claimsOf = ({ iss, sub, exp, nbf, n, r }: Vector['claims']): CardClaims => ({
  programme: iss,
  cardNumber: sub,
  name: n,
  role: MEMBER_ROLES.find((role) => roleCode(role) === r)!,
  notBefore: nbf,
  expires: exp ?? null,
});

describe('docs/card-token.md', () => {
  it('has vectors for an indefinite parent card, a child card with an expiry and a Cyrillic name', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(3);
    expect(new Set(vectors.map((v) => v.vector)).size).toBe(vectors.length);
    expect(vectors.some((v) => v.claims.r === 0 && v.claims.exp === undefined)).toBe(true);
    expect(vectors.some((v) => v.claims.r === 2 && v.claims.exp !== undefined)).toBe(true);
    expect(vectors.some((v) => /\p{Script=Cyrillic}/u.test(v.claims.n))).toBe(true);
  });

  describe.each(vectors.map((v) => [v.vector, v] as const))('vector %s', (_name, v) => {
    const privateKey = ed25519PrivateKeyFromSeed(fromHex(v.seed));
    const key = signingKeyFor(privateKey);
    const claims = claimsOf(v.claims);

    it('lists only the claims of the format, under their CWT names', () => {
      expect(
        Object.keys(v.claims).every((name) => ['iss', 'sub', 'exp', 'nbf', 'n', 'r'].includes(name)),
      ).toBe(true);
      expect(claims.role).toBeDefined();
    });

    it('derives the public key, its JWK and the kid from the seed', () => {
      expect(hex(ed25519PublicKeyRaw(privateKey))).toBe(v.publicKey);
      expect(publicJwk(privateKey)).toEqual(v.jwk);
      expect(hex(key.kid)).toBe(v.kid);
      expect(kidText(key.kid)).toBe(v.kidText);
    });

    it('reproduces the payload, Sig_structure, signature, token and QR text byte for byte', () => {
      expect(hex(encodeClaims(claims))).toBe(v.payload);
      expect(hex(sigStructure(fromHex(v.payload)))).toBe(v.sigStructure);
      const token = signCardToken(claims, key);
      expect(hex(token)).toBe(v.token);
      expect(token).toHaveLength(v.tokenBytes);
      expect(hex(token.subarray(token.length - 64))).toBe(v.signature);
      expect(qrTextFor(v.baseUrl, token)).toBe(v.qr);
      const qr = QRCode.create(v.qr, { errorCorrectionLevel: 'M' });
      expect(qr.version).toBe(v.qrVersionM);
      expect(qr.segments.map((segment) => segment.mode.id)).toEqual(['Alphanumeric']);
    });

    it('verifies from its QR text with the published keys', () => {
      expect(tokenFromQrText(v.qr)).toEqual({ status: 'ok', token: fromHex(v.token) });
      expect(verifyQrText(v.qr, published)).toEqual({ status: 'valid', claims, kid: v.kidText });
    });
  });

  it('publishes exactly the vectors’ keys in its JWK Set, in the JWK form of section 6', () => {
    expect(jwks.keys).toEqual(vectors.map((v) => v.jwk));
    const form = json.find((block) => block.kty === 'OKP' && !('d' in block))!;
    expect(Object.keys(form)).toEqual(Object.keys(vectors[0].jwk));
  });

  it.each(checks.map((check) => [check.check, check] as const))('check %s', (_name, check) => {
    const result = verifyCardToken(fromHex(check.token), published);
    const outcome = result.status === 'valid' ? timeStatus(result.claims, check.now) : result.status;
    expect(outcome).toBe(check.expect);
  });

  it('annotates a vector’s token with exactly its bytes', () => {
    const dumps = fenced('text').filter((text) => text.startsWith('# token of vector'));
    expect(dumps.length).toBeGreaterThan(0);
    for (const dump of dumps) {
      const [title, ...lines] = dump.trimEnd().split('\n');
      const name = /^# token of vector "(.+)"$/.exec(title)![1];
      const bytes = lines.map((line) => line.split('#')[0].replace(/\s+/g, '')).join('');
      expect(bytes).toMatch(/^([0-9a-f]{2})+$/);
      expect(bytes).toBe(vectors.find((v) => v.vector === name)!.token);
    }
  });
});
