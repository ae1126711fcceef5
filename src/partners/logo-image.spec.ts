import { createCanvas } from '@napi-rs/canvas';
import fc from 'fast-check';
import { MAX_LOGO_BYTES, inspectLogo } from './logo-image';

// Real encoders, so the tests do not only agree with the parser's own idea of the formats.
const png = (width: number, height: number) => createCanvas(width, height).toBuffer('image/png');
const jpeg = (width: number, height: number) => createCanvas(width, height).toBuffer('image/jpeg');

/** A PNG whose IHDR claims any size (the CRC is not read; only the header matters here). */
function pngHeader(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write('IHDR', 4, 'latin1');
  ihdr.writeUInt32BE(width, 8);
  ihdr.writeUInt32BE(height, 12);
  return Buffer.concat([png(1, 1).subarray(0, 8), ihdr]);
}

const segment = (marker: number, body: number[]) => [
  0xff,
  marker,
  (body.length + 2) >> 8,
  (body.length + 2) & 0xff,
  ...body,
];
/** A frame header body: 8-bit precision, height, width, one component. */
const sof = (width: number, height: number) => [
  8,
  height >> 8,
  height & 0xff,
  width >> 8,
  width & 0xff,
  1,
  1,
  0x11,
  0,
];
const jpegOf = (...parts: number[][]) => Buffer.from([0xff, 0xd8, ...parts.flat()]);

describe('inspectLogo', () => {
  it.each([
    ['PNG', png(30, 20), 'image/png', 30, 20],
    ['JPEG', jpeg(30, 20), 'image/jpeg', 30, 20],
    ['PNG at the size limit', png(4096, 1), 'image/png', 4096, 1],
    ['JPEG at the size limit', jpeg(1, 4096), 'image/jpeg', 1, 4096],
    [
      'JPEG, DHT and JPG/DAC segments before a progressive frame',
      jpegOf(
        segment(0xc4, sof(9, 9)),
        segment(0xc8, sof(9, 9)),
        segment(0xcc, sof(9, 9)),
        segment(0xc2, sof(640, 480)),
      ),
      'image/jpeg',
      640,
      480,
    ],
    [
      'JPEG, fill bytes before markers',
      jpegOf([0xff, 0xff, 0xff], segment(0xe0, [1, 2, 3]), [0xff], segment(0xc0, sof(12, 34))),
      'image/jpeg',
      12,
      34,
    ],
    [
      'JPEG, standalone markers',
      jpegOf([0xff, 0x01, 0xff, 0xd0, 0xff, 0xd7], segment(0xcf, sof(5, 6))),
      'image/jpeg',
      5,
      6,
    ],
    ['JPEG, lossless frame SOF3', jpegOf(segment(0xc3, sof(100, 200))), 'image/jpeg', 100, 200],
  ])('accepts a %s', (_name, bytes, mediaType, width, height) => {
    expect(inspectLogo(bytes)).toEqual({ ok: true, mediaType, width, height });
  });

  it('accepts a file of exactly MAX_LOGO_BYTES and refuses one byte more', () => {
    const image = png(10, 10);
    const padded = Buffer.concat([image, Buffer.alloc(MAX_LOGO_BYTES - image.length)]);
    expect(inspectLogo(padded)).toMatchObject({ ok: true, width: 10 });
    expect(inspectLogo(Buffer.concat([padded, Buffer.alloc(1)]))).toEqual({
      ok: false,
      reason: expect.stringContaining('512 KiB'),
    });
  });

  it.each([
    ['empty', Buffer.alloc(0), 'empty'],
    ['GIF', Buffer.from('GIF89a\x01\x00\x01\x00\x80\x00\x00', 'latin1'), 'GIF'],
    ['PDF', Buffer.from('%PDF-1.7\n1 0 obj\n'), 'PDF'],
    ['WebP', Buffer.from('RIFF\x24\x00\x00\x00WEBPVP8 ', 'latin1'), 'WebP'],
    [
      'SVG',
      Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10"/>'),
      'SVG',
    ],
    ['text', Buffer.from('hello, world'), 'not an image'],
    ['PNG too wide', png(4097, 1), '4096'],
    ['PNG too high', pngHeader(1, 5000), '4096'],
    ['PNG claiming 2^32-1 pixels', pngHeader(0xffffffff, 1), '4096'],
    ['JPEG too wide', jpeg(4097, 1), '4096'],
    ['PNG of zero width', pngHeader(0, 10), 'no pixels'],
    ['JPEG of zero height (set later by DNL)', jpegOf(segment(0xc0, sof(10, 0))), 'no pixels'],
    ['truncated PNG', png(30, 20).subarray(0, 30), 'truncated'],
    [
      'PNG without IHDR first',
      Buffer.concat([png(1, 1).subarray(0, 12), Buffer.from('IDAT'), Buffer.alloc(17)]),
      'header chunk',
    ],
    ['bare JPEG SOI', Buffer.from([0xff, 0xd8]), 'truncated'],
    ['JPEG cut inside a segment length', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00]), 'truncated'],
    ['JPEG cut inside the frame header', jpegOf(segment(0xc0, sof(10, 10))).subarray(0, 9), 'truncated'],
    ['JPEG ending before a frame', jpegOf(segment(0xe0, [0]), [0xff, 0xd9]), 'no frame header'],
    ['JPEG scan before a frame', jpegOf(segment(0xda, [0])), 'no frame header'],
    ['JPEG with garbage between segments', jpegOf(segment(0xe0, [0]), [0x12]), 'expected a marker'],
    [
      'JPEG with a zero segment length',
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x01, 0xff, 0xc0]),
      'segment length',
    ],
    ['JPEG with a stuffed zero as a marker', jpegOf([0xff, 0x00]), 'unexpected marker'],
  ])('refuses %s', (_name, bytes, reason) => {
    const result = inspectLogo(bytes);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toContain(reason);
  });

  it('never throws, whatever the bytes', () => {
    const seeds = [png(30, 20), jpeg(30, 20), jpegOf(segment(0xc4, [1, 2]), segment(0xc2, sof(3, 4)))];
    const mutated = fc
      .tuple(
        fc.constantFrom(...seeds),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
        fc.nat(),
      )
      .map(([seed, flips, cut]) => {
        const copy = Buffer.from(seed);
        for (const [at, value] of flips) copy[at % copy.length] = value;
        return copy.subarray(0, cut % (copy.length + 1));
      });
    const random = fc.uint8Array({ maxLength: 64 }).map((a) => Buffer.from(a));
    const jpegish = fc.uint8Array({ maxLength: 64 }).map((a) => Buffer.from([0xff, 0xd8, ...a]));
    fc.assert(
      fc.property(fc.oneof(mutated, random, jpegish), (bytes) => {
        const result = inspectLogo(bytes);
        if (result.ok) expect(result.width * result.height).toBeGreaterThan(0);
        else expect(result.reason).toMatch(/\w/);
      }),
      { numRuns: 2000 },
    );
  });
});
