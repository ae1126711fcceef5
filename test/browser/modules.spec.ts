import { generateKeyPairSync, KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCardNumber } from '../../src/cards/card-number';
import { qrTextFor, signCardToken, tokenFromQrText, CardClaims } from '../../src/cards/token/card-token';
import { Ed25519Jwk, kidText, publicJwk, signingKeyFor } from '../../src/cards/token/ed25519';
import { MEMBER_ROLES } from '../../src/programmes/eligibility/eligibility.types';
import { parseCheckCode } from '../../src/validations/check-code';
import { RevocationPayload, signRevocationList } from '../../src/validations/revocation-list';
import { VENDOR_FILES } from '../../src/web/static-assets';

// The checker's browser modules (public/merchant/) against the server's own code and docs/card-token.md's test
// vectors, in Node's WebCrypto, with the very cbor-x file the page loads. test/browser/checker.e2e-spec.ts then
// runs them in Chromium.

type Keys = Map<string, unknown>;
type Verification = { status: string; claims?: CardClaims; kid?: string; reason?: string };
interface CardTokenModule {
  base32Decode(text: string): Uint8Array | null;
  tokenFromQrText(text: string): { status: 'ok'; token: Uint8Array } | { status: 'malformed' };
  importJwks(jwks: unknown): Promise<Keys>;
  verifyCardToken(token: Uint8Array, keys: Keys): Promise<Verification>;
  verifyQrText(text: string, keys: Keys): Promise<Verification>;
  timeStatus(claims: CardClaims, now: number): string;
}
type Copy = { programme: string; issuedAt: string; entries: Record<string, { status: string; at: string }> };
interface RevocationsModule {
  verifyRevocationList(list: unknown, keys: Keys): Promise<RevocationPayload | null>;
  applyRevocationList(copy: Copy | null, payload: RevocationPayload): Copy | null;
  refusal(copy: Copy | null, number: string): string | null;
  revocationsUrl(copy: Copy | null): string;
  listAge(
    issuedAt: string,
    now: number,
    language: string,
    justNow: string,
  ): { words: string; stale: boolean };
}
interface Outcome {
  result: string;
  holder?: { name: string; role: string };
  cardNumber?: string;
  validUntil?: Date | null;
}
interface OfflineCheckModule {
  readCode(code: string): { kind: string; number?: string };
  checkOffline(
    code: string,
    options: { keys: Keys; list: Copy | null; programme: string; now: number },
  ): Promise<Outcome>;
  offlineOffers(
    offers: object[],
    options: { outletId: string | null; role: string; now: number; languages: string[] },
  ): { id: string; title: string }[];
}

// cbor-x's UMD build defines globalThis.CBOR in a page; `exports`/`module` are hidden so it does here too.
new Function('exports', 'module', 'define', readFileSync(VENDOR_FILES['cbor-x.js'], 'utf8')).call(globalThis);
const token = jest.requireActual<CardTokenModule>('../../public/merchant/card-token.js');
const revocations = jest.requireActual<RevocationsModule>('../../public/merchant/revocations.js');
const offline = jest.requireActual<OfflineCheckModule>('../../public/merchant/offline-check.js');

interface Vector {
  vector: string;
  claims: { iss: string; sub: string; exp?: number; nbf: number; n: string; r: number };
  token: string;
  qr: string;
}
const doc = readFileSync(join(__dirname, '../../docs/card-token.md'), 'utf8');
const blocks = [...doc.matchAll(/^```json\n([\s\S]*?)^```$/gm)].map(
  (m) => JSON.parse(m[1]) as Record<string, unknown>,
);
const vectors = blocks.filter((b) => 'vector' in b) as unknown as Vector[];
const docJwks = blocks.find((b) => 'keys' in b) as { keys: Ed25519Jwk[] };
const checks = (
  blocks.find((b) => 'checks' in b) as {
    checks: { check: string; token: string; now: number; expect: string }[];
  }
).checks;

const fromHex = (text: string) => new Uint8Array(Buffer.from(text, 'hex'));
const base32 = (bytes: Uint8Array) => qrTextFor('http://x', bytes).split('/C/')[1];
const claimsOf = ({ iss, sub, exp, nbf, n, r }: Vector['claims']): CardClaims => ({
  programme: iss,
  cardNumber: sub,
  name: n,
  role: MEMBER_ROLES[r],
  notBefore: nbf,
  expires: exp ?? null,
});

function newKey(): { privateKey: KeyObject; jwk: Ed25519Jwk } {
  const { privateKey } = generateKeyPairSync('ed25519');
  return { privateKey, jwk: publicJwk(privateKey) };
}

describe('browser card token (public/merchant/card-token.js)', () => {
  it('decodes base32 exactly as the server does, refusing impossible lengths and non-zero filler bits', () => {
    for (let length = 0; length < 70; length++) {
      const bytes = new Uint8Array(length).map((_, i) => (i * 37 + length * 11) & 0xff);
      const text = base32(bytes);
      expect(token.base32Decode(text)).toEqual(bytes);
    }
    for (const text of ['A', 'ABC', 'ABCDEF', 'AB', 'AD', 'ABCE', 'ABCDEFGH', 'ZZ']) {
      const server = tokenFromQrText(`X/C/${text}`);
      const browser = token.tokenFromQrText(`X/C/${text}`);
      expect({ text, status: browser.status }).toEqual({ text, status: server.status });
    }
    expect(token.tokenFromQrText('http://x/c/mfrgg').status).toBe('ok'); // any case
    expect(token.tokenFromQrText('http://x/C/MFRGG=').status).toBe('malformed'); // no padding
    expect(token.tokenFromQrText('http://x/C/MFRG0').status).toBe('malformed'); // no look-alikes
  });

  it('verifies every test vector of docs/card-token.md against its JWK Set', async () => {
    const keys = await token.importJwks(docJwks);
    expect([...keys.keys()].sort()).toEqual(docJwks.keys.map((k) => k.kid).sort());
    expect(vectors.length).toBeGreaterThanOrEqual(3);
    for (const vector of vectors) {
      const verified = await token.verifyQrText(vector.qr, keys);
      expect({ vector: vector.vector, ...verified }).toEqual({
        vector: vector.vector,
        status: 'valid',
        claims: claimsOf(vector.claims),
        kid: expect.any(String),
      });
    }
  });

  it('answers every check of docs/card-token.md §9.5 as the document says', async () => {
    const keys = await token.importJwks(docJwks);
    expect(checks.length).toBeGreaterThan(10);
    for (const check of checks) {
      const verified = await token.verifyCardToken(fromHex(check.token), keys);
      const outcome =
        verified.status === 'valid' ? token.timeStatus(verified.claims!, check.now) : verified.status;
      expect({ check: check.check, outcome }).toEqual({ check: check.check, outcome: check.expect });
    }
  });

  it('ignores a JWK whose kid is not the hash of its key, and anything that is not Ed25519', async () => {
    const [first, second] = docJwks.keys;
    const keys = await token.importJwks({
      keys: [{ ...first, kid: second.kid }, { ...second, crv: 'X25519' }, { kty: 'RSA', kid: 'x' }, null],
    });
    expect(keys.size).toBe(0);
    expect((await token.verifyQrText(vectors[0].qr, keys)).status).toBe('unknown_key');
  });

  it('verifies tokens the server signs today, with names in several scripts and every role', async () => {
    const { privateKey, jwk } = newKey();
    const keys = await token.importJwks({ keys: [jwk] });
    const names = ['Łukasz Żółć', 'Zoë Ångström-Ødegård', 'Десислава Стоянова', 'Ana-Maria Ionescu'];
    for (const [i, role] of MEMBER_ROLES.entries()) {
      const claims: CardClaims = {
        programme: 'LUB3',
        cardNumber: generateCardNumber('LUB'),
        name: names[i % names.length],
        role,
        notBefore: 1_767_222_000 + i,
        expires: i % 2 ? 1_945_980_000 : null,
      };
      const qr = qrTextFor('https://karta.example.pl', signCardToken(claims, signingKeyFor(privateKey)));
      expect(await token.verifyQrText(qr, keys)).toEqual({ status: 'valid', claims, kid: jwk.kid });
      const at = qr.length - 30;
      const tampered = qr.slice(0, at) + (qr[at] === 'A' ? 'B' : 'A') + qr.slice(at + 1);
      expect(['invalid_signature', 'malformed']).toContain((await token.verifyQrText(tampered, keys)).status);
    }
  });
});

describe('browser revocation list (public/merchant/revocations.js)', () => {
  const payload = (over: Partial<RevocationPayload> = {}): RevocationPayload => ({
    v: 1,
    programme: 'KDR',
    issuedAt: '2026-11-23T10:00:00.000Z',
    since: null,
    entries: [{ number: 'KDR4821093755267', status: 'revoked', at: '2026-11-20T08:12:03.000Z' }],
    ...over,
  });

  it('accepts the server’s signature over the payload’s exact bytes and nothing else', async () => {
    const { privateKey, jwk } = newKey();
    const keys = await token.importJwks({ keys: [jwk] });
    const signed = signRevocationList(payload(), jwk.kid, privateKey);
    expect(await revocations.verifyRevocationList(signed, keys)).toEqual(payload());
    const doctored = { ...signed, payload: signed.payload.replace('revoked', 'active') };
    expect(await revocations.verifyRevocationList(doctored, keys)).toBeNull();
    expect(await revocations.verifyRevocationList({ ...signed, kid: 'AAAAAAAA' }, keys)).toBeNull();
    const other = newKey();
    const foreign = signRevocationList(payload(), jwk.kid, other.privateKey);
    expect(await revocations.verifyRevocationList(foreign, keys)).toBeNull();
    expect(await revocations.verifyRevocationList({ payload: 1 }, keys)).toBeNull();
    expect(kidText(Uint8Array.from(Buffer.from(jwk.kid, 'base64url')))).toBe(jwk.kid);
  });

  it('replaces the copy with a whole list and applies deltas: refused statuses add, active removes', () => {
    const whole = revocations.applyRevocationList(null, payload())!;
    expect(revocations.refusal(whole, 'KDR4821093755267')).toBe('revoked');
    expect(revocations.refusal(whole, 'KDR0519376284104')).toBeNull();
    expect(revocations.refusal(whole, 'constructor')).toBeNull();
    const delta = payload({
      issuedAt: '2026-11-23T11:00:00.000Z',
      since: '2026-11-23T09:59:00.000Z',
      entries: [
        { number: 'KDR4821093755267', status: 'active', at: '2026-11-23T10:30:00.000Z' },
        { number: 'KDR0519376284104', status: 'suspended', at: '2026-11-23T10:40:00.000Z' },
      ],
    });
    const after = revocations.applyRevocationList(whole, delta)!;
    expect(after.issuedAt).toBe('2026-11-23T11:00:00.000Z');
    expect(revocations.refusal(after, 'KDR4821093755267')).toBeNull();
    expect(revocations.refusal(after, 'KDR0519376284104')).toBe('suspended');
    // An older list, another programme's, or a delta with nothing under it change nothing.
    expect(revocations.applyRevocationList(after, payload())).toBe(after);
    expect(
      revocations.applyRevocationList(
        after,
        payload({ programme: 'LUB3', issuedAt: '2027-01-01T00:00:00Z' }),
      ),
    ).toBe(after);
    expect(revocations.applyRevocationList(null, delta)).toBeNull();
    expect(revocations.revocationsUrl(null)).toBe('/api/v1/revocations');
    expect(revocations.revocationsUrl(after)).toBe(
      `/api/v1/revocations?since=${encodeURIComponent('2026-11-23T10:59:00.000Z')}`,
    );
  });

  it('says how old the copy is in the page’s language and warns past 24 hours', () => {
    const issued = '2026-11-23T10:00:00.000Z';
    const at = (hours: number) => Date.parse(issued) + hours * 3_600_000;
    expect(revocations.listAge(issued, at(3), 'en', 'just now')).toEqual({
      words: '3 hours ago',
      stale: false,
    });
    expect(revocations.listAge(issued, at(3), 'pl', 'just now')).toEqual({
      words: '3 godziny temu',
      stale: false,
    });
    expect(revocations.listAge(issued, at(0.1), 'en', 'just now').words).toBe('6 minutes ago');
    expect(revocations.listAge(issued, at(23.9), 'en', 'just now').stale).toBe(false);
    expect(revocations.listAge(issued, at(24.1), 'en', 'just now')).toEqual({
      words: '24 hours ago',
      stale: true,
    });
    expect(revocations.listAge(issued, at(73), 'pl', 'just now')).toEqual({
      words: '3 dni temu',
      stale: true,
    });
    expect(revocations.listAge(issued, at(-1), 'en', 'just now')).toEqual({
      words: 'just now',
      stale: false,
    });
  });
});

describe('browser offline check (public/merchant/offline-check.js)', () => {
  it('reads codes as the server does: a QR text, a number with a valid check digit, or neither', () => {
    const codes = ['KDR 4821 0937 5526 7', 'kdr4821-0937-5526-7', 'KDR4821093755268', 'hello', 'X/c/ABC', ''];
    for (let i = 0; i < 50; i++) codes.push(generateCardNumber('LUB'));
    for (const code of codes) {
      const server = parseCheckCode(code);
      const browser = offline.readCode(code);
      expect({ code, kind: browser.kind }).toEqual({ code, kind: server.kind });
      if (server.kind === 'number') expect(browser.number).toBe(server.number);
    }
  });

  it('answers from the token and the copy of the list: valid, revoked, expired, forged, other programme', async () => {
    const { privateKey, jwk } = newKey();
    const keys = await token.importJwks({ keys: [jwk] });
    const now = Date.parse('2026-11-23T12:00:00Z');
    const claims: CardClaims = {
      programme: 'KDR',
      cardNumber: generateCardNumber('KDR'),
      name: 'Łukasz Żółć',
      role: 'parent',
      notBefore: now / 1000 - 86_400,
      expires: now / 1000 + 86_400,
    };
    const qr = (over: Partial<CardClaims> = {}, key = privateKey) =>
      qrTextFor('https://karta.example.pl', signCardToken({ ...claims, ...over }, signingKeyFor(key)));
    const list = revocations.applyRevocationList(null, {
      v: 1,
      programme: 'KDR',
      issuedAt: new Date(now - 3_600_000).toISOString(),
      since: null,
      entries: [
        { number: claims.cardNumber, status: 'revoked', at: new Date(now - 7_200_000).toISOString() },
      ],
    });
    const run = (code: string, copy = list) =>
      offline.checkOffline(code, { keys, list: copy, programme: 'KDR', now });
    expect(await run(qr(), null)).toMatchObject({
      result: 'valid',
      holder: { name: 'Łukasz Żółć', role: 'parent' },
      validUntil: new Date((now / 1000 + 86_399) * 1000),
    });
    expect(await run(qr())).toMatchObject({ result: 'revoked', holder: { name: 'Łukasz Żółć' } });
    expect((await run(qr({ expires: now / 1000 }), null)).result).toBe('expired');
    expect((await run(qr({ notBefore: now / 1000 + 1 }), null)).result).toBe('not_yet_valid');
    expect((await run(qr({ programme: 'LUB3' }), null)).result).toBe('wrong_programme');
    expect((await run(qr({}, newKey().privateKey), null)).result).toBe('invalid_signature');
    expect((await run('HTTPS://KARTA.EXAMPLE.PL/C/AAAA', null)).result).toBe('malformed');
    expect((await run('hello', null)).result).toBe('malformed');
    // A typed number: only the list can say anything.
    expect(await run(claims.cardNumber)).toMatchObject({ result: 'revoked' });
    expect(await run(generateCardNumber('KDR'))).toMatchObject({ result: 'unconfirmed' });
  });

  it('offers offline: published, in their window, at the outlet, for the holder’s role', () => {
    const now = Date.parse('2026-11-23T12:00:00Z');
    const offer = (id: string, over: object = {}) => ({
      id,
      status: 'published',
      texts: { pl: { title: `Tytuł ${id}` }, en: { title: `Title ${id}` } },
      benefitLabel: '−10%',
      audience: { kind: 'all' },
      outletIds: ['here'],
      windowStart: '2026-01-01T00:00:00Z',
      windowEnd: null,
      ...over,
    });
    const offers = [
      offer('all'),
      offer('children', { audience: { kind: 'children' } }),
      offer('parents', { audience: { kind: 'parents' } }),
      offer('ages', { audience: { kind: 'age_range', minAge: 60 } }),
      offer('elsewhere', { outletIds: ['there'] }),
      offer('paused', { status: 'paused' }),
      offer('later', { windowStart: '2026-12-01T00:00:00Z' }),
      offer('over', { windowEnd: '2026-11-23T11:59:59Z' }),
    ];
    const ids = (role: string, outletId: string | null = 'here') =>
      offline.offlineOffers(offers, { outletId, role, now, languages: ['pl', 'en'] }).map((o) => o.id);
    expect(ids('parent')).toEqual(['all', 'parents', 'ages']);
    expect(ids('foster_child')).toEqual(['all', 'children', 'ages']);
    expect(ids('parent', null)).toEqual(['all', 'parents', 'ages', 'elsewhere']);
    // Titles in the language the API answers in online: the programme's first that the offer has.
    const title = (languages: string[]) =>
      offline.offlineOffers(offers, { outletId: 'here', role: 'child', now, languages })[0].title;
    expect(title(['pl', 'en'])).toBe('Tytuł all');
    expect(title(['hu', 'en'])).toBe('Title all');
    expect(title(['hu'])).toBe('Tytuł all');
  });
});
