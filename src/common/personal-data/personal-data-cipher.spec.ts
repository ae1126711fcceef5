import { randomBytes } from 'node:crypto';
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
    expect(index).toMatch(/^[0-9a-f]{64}$/);
    expect(cipher.blindIndex('PESEL', '44051401359')).toBe(index);
    expect(other.blindIndex('PESEL', '44051401359')).not.toBe(index);
    expect(cipher.blindIndex('OTHER', '44051401359')).not.toBe(index);
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
