import { Tag } from 'cbor-x';
import { createPublicKey, generateKeyPairSync, KeyObject, sign, verify } from 'node:crypto';
import jsQR from 'jsqr';
import QRCode from 'qrcode';
import { MEMBER_ROLES, MemberRole } from '../../programmes/eligibility/eligibility.types';
import {
  CardClaims,
  encodeClaims,
  qrBase,
  qrTextFor,
  roleCode,
  signCardToken,
  timeStatus,
  tokenFromQrText,
  verifyCardToken,
  verifyCardTokenAsync,
  verifyQrText,
} from './card-token';
import { encodeCbor, encodeSign1, PROTECTED_EDDSA, sigStructure } from './cose-sign1';
import { ed25519PrivateKeyFromSeed, ed25519PublicKeyRaw, kidOf, kidText, signingKeyFor } from './ed25519';

const NBF = 1767222000; // 2026-01-01T00:00:00+01:00, 0x6955aaf0
const BASE_URL = 'https://karta.example.pl';

const fromHex = (text: string) => new Uint8Array(Buffer.from(text.replace(/\s+/g, ''), 'hex'));
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const concat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

const keyFromSeedByte = (byte: number) =>
  signingKeyFor(ed25519PrivateKeyFromSeed(new Uint8Array(32).fill(byte)));
const KEY = keyFromSeedByte(1);
const OTHER_KEY = keyFromSeedByte(2);
const publicOf = (key: { privateKey: KeyObject }) => createPublicKey(key.privateKey);
/** A key store that knows exactly these public keys, by their kid. */
const keyStore =
  (...keys: KeyObject[]) =>
  (kid: string) =>
    keys.find((key) => kidText(kidOf(ed25519PublicKeyRaw(key))) === kid) ?? null;
const KNOWN = keyStore(publicOf(KEY));

const claimsOf = (overrides: Partial<CardClaims> = {}): CardClaims => ({
  programme: 'KDR',
  cardNumber: 'KDR4821093755267',
  name: 'Jan Kowalski',
  role: 'parent',
  notBefore: NBF,
  expires: null,
  ...overrides,
});

// claimsOf() encoded by hand, item by item (RFC 8949 §4.2.1 deterministic encoding).
const PAYLOAD_HEX = [
  'a5', // map, 5 pairs
  '01 63 4b4452', // 1 (iss): "KDR"
  '02 70 4b445234383231303933373535323637', // 2 (sub): "KDR4821093755267"
  '05 1a 6955aaf0', // 5 (nbf): 1767222000
  '61 6e 6c 4a616e204b6f77616c736b69', // "n": "Jan Kowalski"
  '61 72 00', // "r": 0 (parent)
].join(' ');

describe('encodeClaims', () => {
  it('produces the deterministic encoding, byte for byte', () => {
    expect(hex(encodeClaims(claimsOf()))).toBe(hex(fromHex(PAYLOAD_HEX)));
  });

  it('puts exp between sub and nbf', () => {
    const payload = encodeClaims(claimsOf({ expires: 0x740686e0 }));
    expect(hex(payload)).toBe(
      hex(fromHex(PAYLOAD_HEX.replace('a5', 'a6').replace('05 1a', '04 1a 740686e0 05 1a'))),
    );
  });

  it.each([
    [0, '00'],
    [23, '17'],
    [24, '18 18'],
    [255, '18 ff'],
    [256, '19 0100'],
    [65535, '19 ffff'],
    [65536, '1a 00010000'],
    [0xffffffff, '1a ffffffff'],
  ])('encodes nbf %d in its shortest form %s', (nbf, encoded) => {
    expect(hex(encodeClaims(claimsOf({ notBefore: nbf })))).toContain(`05${encoded.replace(' ', '')}61`);
  });

  it.each([
    ['a'.repeat(23), '77'],
    ['a'.repeat(24), '7818'],
    ['ł'.repeat(12), '7818'], // 12 characters, 24 UTF-8 bytes
    ['ł'.repeat(128), '790100'],
  ])('gives a %p name the length header %s', (name, header) => {
    expect(hex(encodeClaims(claimsOf({ name })))).toContain(`616e${header}${hex(Buffer.from(name))}`);
  });

  it.each(MEMBER_ROLES.map((role, code) => [role, code] as const))('role %s has code %d', (role, code) => {
    expect(roleCode(role)).toBe(code);
    expect(hex(encodeClaims(claimsOf({ role })))).toMatch(
      new RegExp(`6172${code.toString(16).padStart(2, '0')}$`),
    );
  });

  it('signs the name in Unicode NFC', () => {
    const decomposed = 'Łukasz Żółć'.normalize('NFD');
    expect(hex(encodeClaims(claimsOf({ name: decomposed })))).toBe(
      hex(encodeClaims(claimsOf({ name: 'Łukasz Żółć' }))),
    );
  });

  it.each<[string, Partial<CardClaims>, RegExp]>([
    ['an empty programme', { programme: '' }, /programme must be non-empty/],
    ['an empty card number', { cardNumber: '' }, /card number must be non-empty/],
    ['an empty name', { name: '' }, /name must be non-empty/],
    ['a lone surrogate', { name: 'Jan \ud800' }, /not well-formed Unicode/],
    ['an unknown role', { role: 'grandparent' as MemberRole }, /unknown role/],
    ['an inherited property as role', { role: 'toString' as MemberRole }, /unknown role/],
    ['milliseconds', { notBefore: NBF + 0.5 }, /notBefore must be whole seconds/],
    ['a negative time', { notBefore: -1 }, /notBefore/],
    ['a time after 2106', { notBefore: 2 ** 32 }, /notBefore/],
    ['expiry not after start', { expires: NBF }, /must be after/],
    ['a fractional expiry', { expires: NBF + 1.5 }, /expires must be whole seconds/],
  ])('refuses %s', (_label, overrides, reason) => {
    expect(() => encodeClaims(claimsOf(overrides))).toThrow(reason);
    expect(() => signCardToken(claimsOf(overrides), KEY)).toThrow(reason);
  });
});

describe('signCardToken', () => {
  it('lays out the COSE_Sign1 as specified', () => {
    const token = signCardToken(claimsOf(), KEY);
    const payload = fromHex(PAYLOAD_HEX);
    const signature = token.subarray(token.length - 64);
    const expected = [
      'd2', // tag 18 (COSE_Sign1)
      '84', // array of 4
      '43 a10127', // protected: bstr {1: -8}
      `a1 04 46 ${hex(KEY.kid)}`, // unprotected: {4: kid}
      `58 30 ${PAYLOAD_HEX}`, // payload: bstr of 48 bytes
      `58 40 ${hex(signature)}`, // signature: bstr of 64 bytes
    ].join(' ');
    expect(hex(token)).toBe(hex(fromHex(expected)));
    // The signature covers ["Signature1", h'a10127', h'', payload], checked here without the codec.
    const sigStructureBytes = fromHex(`84 6a 5369676e617475726531 43 a10127 40 58 30 ${PAYLOAD_HEX}`);
    expect(hex(sigStructure(payload))).toBe(hex(sigStructureBytes));
    expect(verify(null, sigStructureBytes, publicOf(KEY), signature)).toBe(true);
  });

  it('is deterministic', () => {
    expect(hex(signCardToken(claimsOf(), KEY))).toBe(hex(signCardToken(claimsOf(), KEY)));
  });

  it('refuses a kid that does not belong to the key', () => {
    expect(() => signCardToken(claimsOf(), { ...KEY, kid: OTHER_KEY.kid })).toThrow(/kid/);
    expect(() => signCardToken(claimsOf(), { ...KEY, kid: KEY.kid.subarray(0, 5) })).toThrow(/kid/);
  });
});

describe('verifyCardToken', () => {
  it.each<[string, Partial<CardClaims>]>([
    ['an indefinite parent card', {}],
    ['a child card with an expiry', { role: 'child', expires: NBF + 86400 * 365 * 5 }],
    ['a Cyrillic name', { name: 'Десислава Стоянова', role: 'spouse' }],
    ['a Polish name', { name: 'Łukasz Żółć', role: 'foster_parent', programme: 'LUB3' }],
    ['a foster child', { role: 'foster_child', expires: NBF + 1 }],
    ['the earliest and latest times', { notBefore: 0, expires: 0xffffffff }],
  ])('round-trips %s', (_label, overrides) => {
    const claims = claimsOf(overrides);
    expect(verifyCardToken(signCardToken(claims, KEY), KNOWN)).toEqual({
      status: 'valid',
      claims,
      kid: kidText(KEY.kid),
    });
  });

  it('fails for every change of any single byte, saying why by where the byte is', () => {
    const token = signCardToken(claimsOf(), KEY);
    // d2 84 43a10127 a10446 <kid 9..14> 5830 <payload 17..64> 5840 <signature 67..130>
    const kidAt = 9;
    const payloadAt = 17;
    const signatureAt = token.length - 64;
    const expectedAt = (i: number) => {
      if (i >= kidAt && i < kidAt + 6) return 'unknown_key';
      if ((i >= payloadAt && i < payloadAt + 48) || i >= signatureAt) return 'invalid_signature';
      return 'malformed';
    };
    const unexpected: string[] = [];
    for (let i = 0; i < token.length; i++) {
      for (let value = 0; value < 256; value++) {
        if (value === token[i]) continue;
        const changed = Uint8Array.from(token);
        changed[i] = value;
        const { status } = verifyCardToken(changed, KNOWN);
        if (status !== expectedAt(i)) unexpected.push(`byte ${i} = ${value}: ${status}`);
      }
    }
    expect(unexpected).toEqual([]);
  });

  it('answers the same on the thread pool (verifyCardTokenAsync) as inline, for every kind of token', async () => {
    const token = signCardToken(claimsOf(), KEY);
    const flipped = (i: number) => {
      const changed = Uint8Array.from(token);
      changed[i] ^= 0x01;
      return changed;
    };
    const cases: [Uint8Array, (kid: string) => KeyObject | null][] = [
      [token, KNOWN],
      [flipped(token.length - 1), KNOWN], // signature
      [flipped(20), KNOWN], // payload
      [flipped(9), KNOWN], // kid
      [flipped(0), KNOWN], // structure
      [token, () => publicOf(OTHER_KEY)],
    ];
    for (const [bytes, keys] of cases)
      expect(await verifyCardTokenAsync(bytes, keys)).toEqual(verifyCardToken(bytes, keys));
    expect((await verifyCardTokenAsync(flipped(token.length - 1), KNOWN)).status).toBe('invalid_signature');
    expect((await verifyCardTokenAsync(token, KNOWN)).status).toBe('valid');
  });

  it('reports a key it does not know', () => {
    const result = verifyCardToken(signCardToken(claimsOf(), OTHER_KEY), KNOWN);
    expect(result).toEqual({
      status: 'unknown_key',
      reason: `no public key with kid ${kidText(OTHER_KEY.kid)}`,
    });
  });

  it('reports a bad signature when the kid matches but the key does not', () => {
    const token = signCardToken(claimsOf(), KEY);
    expect(verifyCardToken(token, () => publicOf(OTHER_KEY)).status).toBe('invalid_signature');
  });

  it('throws when the key store hands out a key that is not Ed25519 (a configuration error)', () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(() => verifyCardToken(signCardToken(claimsOf(), KEY), () => publicKey)).toThrow(/not an Ed25519/);
  });

  describe('refuses as malformed, without throwing', () => {
    const goodPayload = fromHex(PAYLOAD_HEX);
    const goodSignature = new Uint8Array(sign(null, sigStructure(goodPayload), KEY.privateKey));
    const kidHeader = () => new Map<unknown, unknown>([[4, KEY.kid]]);
    /** A tagged array with the given items in place of the good ones. */
    const sign1With = (items: Partial<Record<0 | 1 | 2 | 3, unknown>>, tag = 18) =>
      encodeCbor(
        new Tag(
          Object.values({ 0: PROTECTED_EDDSA, 1: kidHeader(), 2: goodPayload, 3: goodSignature, ...items }),
          tag,
        ),
      );
    const GOOD = encodeSign1({ kid: KEY.kid, payload: goodPayload, signature: goodSignature });
    const goodHex = hex(GOOD);

    it('(the starting point is valid)', () => {
      expect(verifyCardToken(GOOD, KNOWN).status).toBe('valid');
      expect(hex(sign1With({}))).toBe(goodHex);
    });

    it.each<[string, Uint8Array, RegExp]>([
      ['no bytes', new Uint8Array(0), /not one well-formed CBOR item/],
      ['a break byte', fromHex('ff'), /not one well-formed CBOR item/],
      ['a reserved byte', fromHex('1c'), /not one well-formed CBOR item/],
      ['20,000 nested arrays', fromHex(`${'81'.repeat(20000)}00`), /not one well-formed CBOR item/],
      ['text', new Uint8Array(Buffer.from('HTTPS://KARTA.EXAMPLE.PL')), /not one well-formed CBOR item/],
      ['a truncated token', GOOD.subarray(0, GOOD.length - 1), /not one well-formed CBOR item/],
      ['a trailing byte', concat(GOOD, fromHex('00')), /not one well-formed CBOR item/],
      ['a second token after the first', concat(GOOD, GOOD), /not one well-formed CBOR item/],
      ['no tag', encodeCbor([PROTECTED_EDDSA, kidHeader(), goodPayload, goodSignature]), /tag 18/],
      ['tag 17 (COSE_Mac0)', sign1With({}, 17), /tag 18/],
      ['tag 98 (COSE_Sign)', sign1With({}, 98), /tag 18/],
      ['tag 18 twice', fromHex(`d2${goodHex}`), /array of 4/],
      ['tag 18 on a map', encodeCbor(new Tag(new Map([[1, 2]]), 18)), /array of 4/],
      ['an array of 3', encodeCbor(new Tag([PROTECTED_EDDSA, kidHeader(), goodPayload], 18)), /array of 4/],
      [
        'an array of 5',
        encodeCbor(new Tag([PROTECTED_EDDSA, kidHeader(), goodPayload, goodSignature, 0], 18)),
        /array of 4/,
      ],
      [
        'a protected header that is a map',
        sign1With({ 0: new Map([[1, -8]]) }),
        /protected header must be a byte string/,
      ],
      ['an empty protected header', sign1With({ 0: new Uint8Array(0) }), /alg \(1\) is missing/],
      [
        'a protected header without alg',
        sign1With({ 0: encodeCbor(new Map([[3, 0]])) }),
        /alg \(1\) is missing/,
      ],
      ['alg -7 (ES256)', sign1With({ 0: encodeCbor(new Map([[1, -7]])) }), /alg -7 is not EdDSA/],
      ['alg as text', sign1With({ 0: encodeCbor(new Map([[1, 'EdDSA']])) }), /alg "EdDSA" is not EdDSA/],
      [
        'an extra protected parameter',
        sign1With({
          0: encodeCbor(
            new Map([
              [1, -8],
              [3, 0],
            ]),
          ),
        }),
        /exactly \{1: -8\}/,
      ],
      ['alg -8 in a longer form', sign1With({ 0: fromHex('a1 01 38 07') }), /exactly \{1: -8\}/],
      [
        'a protected header that is not CBOR',
        sign1With({ 0: fromHex('ff') }),
        /protected header is not one well-formed/,
      ],
      ['a protected header that is an array', sign1With({ 0: encodeCbor([1, -8]) }), /must encode a map/],
      [
        'alg also in the unprotected header',
        sign1With({
          1: new Map<unknown, unknown>([
            [1, -8],
            [4, KEY.kid],
          ]),
        }),
        /not the unprotected/,
      ],
      [
        'alg only in the unprotected header',
        sign1With({
          0: new Uint8Array(0),
          1: new Map<unknown, unknown>([
            [1, -8],
            [4, KEY.kid],
          ]),
        }),
        /alg \(1\) is missing/,
      ],
      [
        'an unprotected header that is an array',
        sign1With({ 1: [4, KEY.kid] }),
        /unprotected header must be a map/,
      ],
      ['no kid', sign1With({ 1: new Map() }), /kid \(4\) and nothing else/],
      [
        'an extra unprotected parameter',
        sign1With({
          1: new Map<unknown, unknown>([
            [4, KEY.kid],
            [5, new Uint8Array(12)],
          ]),
        }),
        /nothing else/,
      ],
      ['a 5-byte kid', sign1With({ 1: new Map([[4, KEY.kid.subarray(0, 5)]]) }), /6-byte/],
      ['a 7-byte kid', sign1With({ 1: new Map([[4, concat(KEY.kid, fromHex('00'))]]) }), /6-byte/],
      ['a text kid', sign1With({ 1: new Map([[4, kidText(KEY.kid)]]) }), /6-byte/],
      ['a detached payload', sign1With({ 2: null }), /payload must be a byte string/],
      ['a text payload', sign1With({ 2: 'KDR' }), /payload must be a byte string/],
      [
        'the claims map not wrapped in bytes',
        sign1With({ 2: new Map([[1, 'KDR']]) }),
        /payload must be a byte string/,
      ],
      ['a 63-byte signature', sign1With({ 3: goodSignature.subarray(1) }), /64-byte/],
      ['no signature', sign1With({ 3: new Uint8Array(0) }), /64-byte/],
      ['a text signature', sign1With({ 3: hex(goodSignature) }), /64-byte/],
      ['a kid length in a longer form', fromHex(goodHex.replace('a10446', 'a1045806')), /deterministic/],
      ['a 2-byte payload length', fromHex(goodHex.replace('5830', '590030')), /deterministic/],
      [
        'a tagged (typed-array) signature',
        fromHex(goodHex.replace(/5840(?=[0-9a-f]{128}$)/, 'd8405840')),
        /deterministic/,
      ],
      ['an indefinite-length array', fromHex(`d29f${goodHex.slice(4)}ff`), /deterministic/],
    ])('%s', (_label, token, reason) => {
      const result = verifyCardToken(token, KNOWN);
      expect(result.status).toBe('malformed');
      expect(result).toEqual({ status: 'malformed', reason: expect.stringMatching(reason) });
    });

    // Claims problems are signed properly, so nothing but the claims is wrong.
    const signedClaims = (payload: Uint8Array) =>
      encodeSign1({
        kid: KEY.kid,
        payload,
        signature: new Uint8Array(sign(null, sigStructure(payload), KEY.privateKey)),
      });
    const claimsMap = (edit: (claims: Map<unknown, unknown>) => void) => {
      const claims = new Map<unknown, unknown>([
        [1, 'KDR'],
        [2, 'KDR4821093755267'],
        [5, NBF],
        ['n', 'Jan Kowalski'],
        ['r', 0],
      ]);
      edit(claims);
      return encodeCbor(claims);
    };

    it.each<[string, Uint8Array, RegExp]>([
      ['claims that are not CBOR', fromHex('ff'), /claims is not one well-formed/],
      [
        'claims with a trailing byte',
        concat(fromHex(PAYLOAD_HEX), fromHex('00')),
        /claims is not one well-formed/,
      ],
      ['claims in an array', encodeCbor(['KDR', 'KDR4821093755267']), /claims must be a CBOR map/],
      ['an integer iss', claimsMap((c) => c.set(1, 7)), /iss \(1\) must be a text string/],
      ['a missing iss', claimsMap((c) => c.delete(1)), /iss \(1\) must be a text string/],
      [
        'a byte-string sub',
        claimsMap((c) => c.set(2, new Uint8Array(16))),
        /sub \(2\) must be a text string/,
      ],
      ['a missing name', claimsMap((c) => c.delete('n')), /n must be a text string/],
      ['an empty name', claimsMap((c) => c.set('n', '')), /name must be non-empty/],
      ['role code 5', claimsMap((c) => c.set('r', 5)), /r must be a role code 0-4, got 5/],
      ['role as text', claimsMap((c) => c.set('r', 'child')), /r must be a role code 0-4, got "child"/],
      ['a missing role', claimsMap((c) => c.delete('r')), /r must be a role code/],
      ['a negative nbf', claimsMap((c) => c.set(5, -1)), /nbf \(5\) must be an unsigned integer/],
      ['a fractional nbf', claimsMap((c) => c.set(5, NBF + 0.5)), /nbf \(5\) must be an unsigned integer/],
      ['a 64-bit nbf', claimsMap((c) => c.set(5, 2n ** 40n)), /nbf \(5\) must be an unsigned integer/],
      [
        'an nbf date (tag 1)',
        claimsMap((c) => c.set(5, new Date(NBF * 1000))),
        /nbf \(5\) must be an unsigned integer/,
      ],
      ['a missing nbf', claimsMap((c) => c.delete(5)), /nbf \(5\) must be an unsigned integer/],
      ['a text exp', claimsMap((c) => c.set(4, '2031-08-31')), /exp \(4\) must be an unsigned integer/],
      ['a null exp', claimsMap((c) => c.set(4, null)), /exp \(4\) must be an unsigned integer/],
      ['exp before nbf', claimsMap((c) => c.set(4, NBF - 1)), /must be after/],
      ['claim 6 (iat)', claimsMap((c) => c.set(6, NBF)), /unknown claim 6/],
      ['claim "x"', claimsMap((c) => c.set('x', 1)), /unknown claim "x"/],
      ['iss under the text key "1"', claimsMap((c) => c.set('1', 'KDR')), /unknown claim "1"/],
      ['a name that is not NFC', claimsMap((c) => c.set('n', 'Żółć'.normalize('NFD'))), /NFC/],
      [
        'keys out of order',
        claimsMap((c) => {
          c.delete(1); // iss moves to the end
          c.set(1, 'KDR');
        }),
        /deterministic/,
      ],
      [
        'nbf as a 64-bit integer',
        fromHex(PAYLOAD_HEX.replace('05 1a', '05 1b 00000000')),
        /nbf \(5\) must be/,
      ],
      [
        'a role code in a longer form',
        fromHex(PAYLOAD_HEX.replace('61 72 00', '61 72 18 00')),
        /deterministic/,
      ],
      [
        'a name length in a longer form',
        fromHex(PAYLOAD_HEX.replace('6c 4a616e', '78 0c 4a616e')),
        /deterministic/,
      ],
      ['a duplicated role', fromHex(PAYLOAD_HEX.replace('a5', 'a6').concat(' 61 72 00')), /deterministic/],
      ['an indefinite-length map', fromHex(PAYLOAD_HEX.replace('a5', 'bf').concat(' ff')), /deterministic/],
      ['invalid UTF-8 in the name', fromHex(PAYLOAD_HEX.replace('6c 4a616e', '6c c3286e')), /deterministic/],
    ])('%s', (_label, payload, reason) => {
      const result = verifyCardToken(signedClaims(payload), KNOWN);
      expect(result).toEqual({ status: 'malformed', reason: expect.stringMatching(reason) });
    });
  });
});

describe('timeStatus', () => {
  it.each<[number | null, number, string]>([
    [2000, 999, 'not_yet_valid'],
    [2000, 1000, 'valid'],
    [2000, 1999, 'valid'],
    [2000, 2000, 'expired'],
    [2000, 2001, 'expired'],
    [null, 999, 'not_yet_valid'],
    [null, 1000, 'valid'],
    [null, 2 ** 40, 'valid'],
  ])('nbf 1000, exp %p, now %d -> %s', (expires, now, status) => {
    expect(timeStatus({ notBefore: 1000, expires }, now)).toBe(status);
  });
});

describe('QR text', () => {
  const token = signCardToken(claimsOf(), KEY);
  const qrText = qrTextFor(BASE_URL, token);
  const encoded = qrText.slice('HTTPS://KARTA.EXAMPLE.PL/C/'.length);

  it('is the upper-cased base, /C/ and the token in unpadded upper-case base32', () => {
    expect(qrText.startsWith('HTTPS://KARTA.EXAMPLE.PL/C/')).toBe(true);
    expect(encoded).toMatch(/^[A-Z2-7]+$/);
    expect(encoded).toHaveLength(Math.ceil((token.length * 8) / 5));
    expect(qrText).toMatch(/^[0-9A-Z $%*+\-./:]+$/);
    expect(verifyQrText(qrText, KNOWN).status).toBe('valid');
  });

  it.each([
    [BASE_URL, 'HTTPS://KARTA.EXAMPLE.PL'],
    ['HTTPS://Karta.Example.PL', 'HTTPS://KARTA.EXAMPLE.PL'],
    ['http://localhost:3000', 'HTTP://LOCALHOST:3000'],
    ['https://example.pl/karta', 'HTTPS://EXAMPLE.PL/KARTA'],
    ['https://karta.xn--d-uga0v4h.pl', 'HTTPS://KARTA.XN--D-UGA0V4H.PL'],
  ])('accepts the base URL %s as %s', (baseUrl, base) => {
    expect(qrBase(baseUrl)).toBe(base);
  });

  it.each([
    ['https://karta.example.pl/', /ends with a slash/],
    ['https://karta.example.pl?programme=KDR', /query or fragment/],
    ['https://karta.example.pl?', /query or fragment/],
    ['https://karta.example.pl#check', /query or fragment/],
    ['https://karta_example.pl', /outside the QR alphanumeric set/],
    ['https://karta.łódź.pl', /outside the QR alphanumeric set/],
    ['https://example.pl/karta rodziny', /outside the QR alphanumeric set/],
    ['https://example.pl/~karta', /outside the QR alphanumeric set/],
    ['ftp://karta.example.pl', /not http or https/],
    ['karta.example.pl', /not an absolute URL/],
    ['', /not an absolute URL/],
    ['https://admin:secret@karta.example.pl', /credentials/],
  ])('refuses the base URL %p', (baseUrl, why) => {
    expect(() => qrTextFor(baseUrl, token)).toThrow(why);
    expect(() => qrBase(baseUrl)).toThrow(/0-9 A-Z \$ % \* \+ - \. \/ :/);
  });

  it.each([
    ['the QR text itself', qrText],
    ['lower case', qrText.toLowerCase()],
    ['surrounding blanks', `\n  ${qrText}\t `],
    ['another base', `http://localhost:3000/C/${encoded}`],
    ['a base whose path has /C/ in it', `https://example.pl/C/karta/C/${encoded}`],
    ['no base at all', `/C/${encoded}`],
  ])('reads the token from %s', (_label, text) => {
    expect(tokenFromQrText(text)).toEqual({ status: 'ok', token: Uint8Array.from(token) });
  });

  // 131 bytes: 1048 bits in 210 characters, so the last character carries 3 bits and 2 zero bits.
  const lastValue = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'.indexOf(encoded[encoded.length - 1]);
  const withLast = (value: number) => encoded.slice(0, -1) + 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[value];

  it.each([
    ['no /C/', encoded, /no \/C\//],
    ['an empty token', 'HTTPS://KARTA.EXAMPLE.PL/C/', /not unpadded base32/],
    ['padding', `${qrText}==`, /not unpadded base32/],
    ['a 0 (base32 has none)', `${qrText.slice(0, -1)}0`, /not unpadded base32/],
    ['a 1', `${qrText.slice(0, -1)}1`, /not unpadded base32/],
    ['an 8', `${qrText.slice(0, -1)}8`, /not unpadded base32/],
    ['a space inside', `${qrText.slice(0, 40)} ${qrText.slice(40)}`, /not unpadded base32/],
    ['a slash after the token', `${qrText}/`, /not unpadded base32/],
    ['a length no byte count gives', `${qrText}A`, /not canonical base32/],
    ['a set trailing bit', `HTTPS://X.PL/C/${withLast(lastValue ^ 1)}`, /not canonical base32/],
  ])('refuses %s', (_label, text, reason) => {
    expect(token.length).toBe(131);
    expect(tokenFromQrText(text)).toEqual({ status: 'malformed', reason: expect.stringMatching(reason) });
    expect(verifyQrText(text, KNOWN).status).toBe('malformed');
  });

  it('refuses a token with trailing bytes that base32 itself accepts', () => {
    expect(verifyQrText(`${qrText}AA`, KNOWN).status).toBe('malformed');
  });
});

describe('size', () => {
  // The benchmark case: a 30-character name full of 2-byte letters, a 4-character programme code and a
  // 16-character card number, behind a typical base URL.
  const name = 'Małgorzata Żółkiewska-Wiśniewska'.slice(0, 30);
  const claims = claimsOf({
    programme: 'LUB3',
    cardNumber: 'LUB4821093755267',
    name,
    role: 'child',
    expires: 1945980000,
  });
  const qrText = qrTextFor(BASE_URL, signCardToken(claims, KEY));
  const qr = QRCode.create(qrText, { errorCorrectionLevel: 'M' });

  it('fits QR version 10 at error correction M, all in alphanumeric mode', () => {
    expect(name).toHaveLength(30);
    expect(Buffer.byteLength(name)).toBe(35);
    expect(signCardToken(claims, KEY)).toHaveLength(162);
    expect(qrText).toHaveLength(287);
    expect(qr.version).toBeLessThanOrEqual(10);
    expect(qr.segments.map((segment) => segment.mode.id)).toEqual(['Alphanumeric']);
  });

  it('decodes back from a rendered code', () => {
    const scale = 4;
    const quiet = 4;
    const modules = qr.modules.size;
    const side = (modules + 2 * quiet) * scale;
    const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
    for (let y = 0; y < modules; y++) {
      for (let x = 0; x < modules; x++) {
        if (!qr.modules.get(y, x)) continue;
        for (let dy = 0; dy < scale; dy++) {
          for (let dx = 0; dx < scale; dx++) {
            const at = (((y + quiet) * scale + dy) * side + (x + quiet) * scale + dx) * 4;
            pixels.fill(0, at, at + 3);
          }
        }
      }
    }
    const scanned = jsQR(pixels, side, side);
    expect(scanned?.data).toBe(qrText);
    expect(verifyQrText(scanned!.data, KNOWN)).toEqual({ status: 'valid', claims, kid: kidText(KEY.kid) });
  });
});
