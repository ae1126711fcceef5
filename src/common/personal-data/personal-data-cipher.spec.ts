import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { PersonalDataCipher, parseMasterKey } from './personal-data-cipher';

describe('PersonalDataCipher', () => {
  const cipher = new PersonalDataCipher(randomBytes(32));

  it('round-trips and never repeats a ciphertext', () => {
    const a = cipher.encrypt('44051401359', 'PESEL');
    const b = cipher.encrypt('44051401359', 'PESEL');
    expect(a).not.toBe(b);
    expect(a).not.toContain('44051401359');
    expect(cipher.decrypt(a, 'PESEL')).toBe('44051401359');
  });

  it.each([
    ['another context', (c: string) => c, 'OTHER'],
    ['a flipped byte', (c: string) => c.slice(0, -3) + (c.at(-3) === 'A' ? 'B' : 'A') + c.slice(-2), 'PESEL'],
    ['an unknown version', (c: string) => c.replace('v1.', 'v9.'), 'PESEL'],
  ])('refuses %s', (_name, tamper, context) => {
    expect(() => cipher.decrypt(tamper(cipher.encrypt('44051401359', 'PESEL')), context)).toThrow();
  });

  it('gives a stable blind index per key, different under another key or format', () => {
    const other = new PersonalDataCipher(randomBytes(32));
    const index = cipher.blindIndex('PESEL', '44051401359');
    expect(index).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(cipher.blindIndex('PESEL', '44051401359')).toBe(index);
    expect(other.blindIndex('PESEL', '44051401359')).not.toBe(index);
    expect(cipher.blindIndex('OTHER', '44051401359')).not.toBe(index);
  });

  it('derives the index as the first 128 bits of HMAC-SHA256 under the HKDF index key, base64url', () => {
    const master = Buffer.from('11'.repeat(32), 'hex');
    const indexKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'family-card pii index', 32));
    const expected = createHmac('sha256', indexKey)
      .update('PESEL:44051401359')
      .digest()
      .subarray(0, 16)
      .toString('base64url');
    expect(new PersonalDataCipher(master).blindIndex('PESEL', '44051401359')).toBe(expected);
  });

  it('works the same from its derived keys sent to another thread (structured clone)', () => {
    const copy = new PersonalDataCipher(structuredClone(cipher.derivedKeys()));
    expect(copy.decrypt(cipher.encrypt('44051401359', 'PESEL'), 'PESEL')).toBe('44051401359');
    expect(cipher.decrypt(copy.encrypt('44051401359', 'PESEL'), 'PESEL')).toBe('44051401359');
    expect(copy.blindIndex('PESEL', '44051401359')).toBe(cipher.blindIndex('PESEL', '44051401359'));
  });

  it.each([
    ['64 hex digits', 'ab'.repeat(32), true],
    ['base64 of 32 bytes', randomBytes(32).toString('base64'), true],
    ['16 bytes', 'ab'.repeat(16), false],
  ])('parses a master key given as %s', (_name, raw, ok) => {
    if (ok) expect(parseMasterKey(raw)).toHaveLength(32);
    else expect(() => parseMasterKey(raw)).toThrow();
  });
});

describe('PersonalDataCipher IVs', () => {
  it('never repeats an IV across pool refills', () => {
    const cipher = new PersonalDataCipher(randomBytes(32));
    const ivs = new Set<string>();
    for (let i = 0; i < 3000; i++) {
      const c = cipher.encrypt('x', 'PESEL');
      ivs.add(Buffer.from(c.slice(3), 'base64url').subarray(0, 12).toString('hex'));
      expect(cipher.decrypt(c, 'PESEL')).toBe('x');
    }
    expect(ivs.size).toBe(3000);
  });
});
