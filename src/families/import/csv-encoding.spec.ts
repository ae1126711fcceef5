import * as iconv from 'iconv-lite';
import {
  EncodingSniffer,
  describeEncoding,
  detectDelimiter,
  normalizeNewlines,
  startLineOf,
} from './csv-encoding';

const TEXT = 'family_ref;last_name\nR-1;Żółkiewska Łucja Gęś\n';
const utf8 = Buffer.from(TEXT, 'utf8');
const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]);
const cp1250 = iconv.encode(TEXT, 'windows-1250');

/** Feeds the bytes in chunks of `size`, so multi-byte characters get split across chunks. */
function sniff(bytes: Buffer, size: number) {
  const sniffer = new EncodingSniffer();
  for (let i = 0; i < bytes.length; i += size) sniffer.push(bytes.subarray(i, i + size));
  return sniffer.result();
}

describe('EncodingSniffer', () => {
  it.each([
    ['UTF-8', utf8, { encoding: 'utf-8', bom: false }],
    ['UTF-8 with BOM', bom, { encoding: 'utf-8', bom: true }],
    ['Windows-1250 with Polish letters', cp1250, { encoding: 'windows-1250', bom: false }],
    ['plain ASCII', Buffer.from('family_ref\nR-1\n'), { encoding: 'utf-8', bom: false }],
    ['an empty file', Buffer.alloc(0), { encoding: 'utf-8', bom: false }],
    [
      'UTF-8 cut inside a character at the end',
      utf8.subarray(0, utf8.indexOf(0xc5) + 1),
      { encoding: 'windows-1250', bom: false },
    ],
  ])('%s', (_name, bytes, expected) => {
    for (const size of [1, 2, 3, 7, 1 << 16]) expect(sniff(bytes, size)).toEqual(expected);
  });

  it.each([
    ['UTF-16 LE', Buffer.from([0xff, 0xfe, 0x61, 0x00])],
    ['UTF-16 BE', Buffer.from([0xfe, 0xff, 0x00, 0x61])],
  ])('refuses %s', (_name, bytes) => {
    expect(sniff(bytes, 1)).toMatchObject({
      encoding: 'unsupported',
      reason: expect.stringMatching(/UTF-16/),
    });
  });

  it('names what it found', () => {
    expect(describeEncoding({ encoding: 'utf-8', bom: false })).toBe('UTF-8');
    expect(describeEncoding({ encoding: 'utf-8', bom: true })).toBe('UTF-8 with BOM');
    expect(describeEncoding({ encoding: 'windows-1250', bom: false })).toBe('Windows-1250');
  });
});

describe('detectDelimiter', () => {
  it.each([
    ['family_ref,first_name,last_name', ','],
    ['family_ref;first_name;last_name', ';'],
    ['family_ref', ','],
    ['"a,b,c";family_ref;role', ';'],
    ['"a;b;c",family_ref,role', ','],
  ])('%j → %j', (line, delimiter) => {
    expect(detectDelimiter(line)).toBe(delimiter);
  });
});

describe('normalizeNewlines', () => {
  it.each([
    ['a\r\nb\r\n', false, 'a\nb\n', false],
    ['a\nb', false, 'a\nb', false],
    ['a\r', false, 'a', true],
    ['\nb', true, '\nb', false],
    ['b', true, '\rb', false],
    ['\r', true, '\r', true],
  ])('%j (pending CR %p) → %j (pending CR %p)', (text, pending, out, pendingAfter) => {
    expect(normalizeNewlines(text, pending)).toEqual({ text: out, pendingCr: pendingAfter });
  });
});

describe('startLineOf', () => {
  it.each([
    [5, ['a', 'b'], 5],
    [7, ['a', 'ul. Długa 12\nm. 4', 'c'], 6],
    [9, ['x\ny\nz', 'p\nq'], 6],
  ])('a record ending on line %i: %j starts on line %i', (end, record, start) => {
    expect(startLineOf(end, record)).toBe(start);
  });
});
