import { sameDigest, sha256Hex } from './crypto';

const A = sha256Hex('a');
const B = sha256Hex('b');
const flipLast = (hex: string) => `${hex.slice(0, -1)}${hex.endsWith('0') ? '1' : '0'}`;
const flipFirst = (hex: string) => `${hex.startsWith('0') ? '1' : '0'}${hex.slice(1)}`;

describe('sameDigest', () => {
  it('matches a digest with itself', () => {
    expect(sameDigest(A, A)).toBe(true);
    expect(sameDigest(A, sha256Hex('a'))).toBe(true);
  });

  it.each([
    ['two different digests', A, B],
    ['digests differing in the last character', A, flipLast(A)],
    ['digests differing in the first character', A, flipFirst(A)],
    ['a digest and its first half', A, A.slice(0, 32)],
    ['a digest and an empty string', A, ''],
    ['two empty strings', '', ''],
    ['two equal non-hex strings', 'zz', 'zz'],
    // Buffer.from(…, 'hex') stops at an odd last nibble or a non-hex character, so these differ only in
    // characters that are silently dropped.
    ['different strings of odd length', 'abc', 'abd'],
    ['different strings with a non-hex tail', `${A}x`, `${A}y`],
    ['a digest and the digest with a non-hex tail', A, `${A}zz`],
  ])('tells apart %s', (_, a, b) => {
    expect(sameDigest(a, b)).toBe(false);
  });
});
