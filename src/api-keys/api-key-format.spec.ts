import { sha256Hex } from '../common/crypto';
import { looksLikeApiKey, newApiKey, parseApiKey } from './api-key-format';

const PREFIX = '0123456789ab';
const SECRET = 'Abc_def-GHIjklMNOpqrSTUvwxYZ0123456789_-xyz';
const KEY = `fck_${PREFIX}_${SECRET}`;

describe('newApiKey / parseApiKey', () => {
  it.each(Array.from({ length: 20 }, (_, i) => [i]))('round-trips generated key #%i', () => {
    const { key, prefix, secretHash } = newApiKey();
    expect(key).toMatch(/^fck_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(key.startsWith(`fck_${prefix}_`)).toBe(true);
    expect(looksLikeApiKey(key)).toBe(true);
    expect(parseApiKey(key)).toEqual({ prefix, secretHash });
  });

  it('stores the hash of the secret, never the secret', () => {
    const { key, secretHash } = newApiKey();
    const secret = key.slice('fck_0123456789ab_'.length);
    expect(secretHash).toBe(sha256Hex(secret));
    expect(secretHash).not.toContain(secret);
  });

  it('makes a different key, prefix and hash every time', () => {
    const a = newApiKey();
    const b = newApiKey();
    expect(a.key).not.toBe(b.key);
    expect(a.prefix).not.toBe(b.prefix);
    expect(a.secretHash).not.toBe(b.secretHash);
  });

  it('parses a well-formed key whose secret contains - and _', () => {
    expect(SECRET).toHaveLength(43);
    expect(parseApiKey(KEY)).toEqual({ prefix: PREFIX, secretHash: sha256Hex(SECRET) });
  });

  it.each([
    ['an empty string', ''],
    ['a wrong scheme', `fcx_${PREFIX}_${SECRET}`],
    ['an upper-case scheme', `FCK_${PREFIX}_${SECRET}`],
    ['no scheme', `${PREFIX}_${SECRET}`],
    ['a short prefix', `fck_${PREFIX.slice(1)}_${SECRET}`],
    ['a long prefix', `fck_${PREFIX}c_${SECRET}`],
    ['an upper-case prefix', `fck_ABCDEF012345_${SECRET}`],
    ['a non-hex prefix', `fck_0123456789ag_${SECRET}`],
    ['a short secret', `fck_${PREFIX}_${SECRET.slice(1)}`],
    ['a long secret', `fck_${PREFIX}_${SECRET}A`],
    ['a base64 (not base64url) secret', `fck_${PREFIX}_${SECRET.slice(2)}+/`],
    ['padding', `fck_${PREFIX}_${SECRET.slice(1)}=`],
    ['a trailing newline', `${KEY}\n`],
    ['a trailing space', `${KEY} `],
    ['a leading space', ` ${KEY}`],
    ['an extra segment', `${KEY}_extra`],
    ['a missing separator', `fck_${PREFIX}${SECRET}`],
    ['a JWT', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig'],
  ])('rejects %s', (_, key) => {
    expect(parseApiKey(key)).toBeNull();
  });

  it.each([
    ['fck_anything', true],
    ['eyJhbGciOiJIUzI1NiJ9.x.y', false],
    ['FCK_abc', false],
  ])('looksLikeApiKey(%j) is %p', (value, expected) => {
    expect(looksLikeApiKey(value)).toBe(expected);
  });
});
