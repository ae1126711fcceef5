/*
 * What a partner's uploaded logo really is, decided from its bytes alone: the file name and the declared content
 * type are whatever the browser or the merchant's tool claims. Only headers are read, so a hostile file costs no
 * decoding; every read is bounds-checked because the input is untrusted.
 */

export const MAX_LOGO_BYTES = 512 * 1024;
export const MAX_LOGO_SIDE = 4096;

export type LogoInspection =
  | { ok: true; mediaType: 'image/png' | 'image/jpeg'; width: number; height: number }
  | { ok: false; reason: string };

type Size = { width: number; height: number } | { reason: string };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

// Formats people often try to upload, named so the merchant learns what to change.
const REFUSED: ReadonlyArray<readonly [test: (b: Buffer) => boolean, name: string]> = [
  [(b) => b.subarray(0, 6).toString('latin1').startsWith('GIF8'), 'GIF'],
  [(b) => b.subarray(0, 5).toString('latin1') === '%PDF-', 'PDF'],
  [
    (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
    'WebP',
  ],
  [(b) => /<svg[\s>]/i.test(b.subarray(0, 4096).toString('utf8')), 'SVG'],
];

export function inspectLogo(bytes: Buffer): LogoInspection {
  if (bytes.length === 0) return { ok: false, reason: 'The file is empty' };
  if (bytes.length > MAX_LOGO_BYTES) {
    return { ok: false, reason: `The logo must be at most ${MAX_LOGO_BYTES / 1024} KiB` };
  }
  const isPng = bytes.length >= PNG_SIGNATURE.length && bytes.subarray(0, 8).equals(PNG_SIGNATURE);
  const isJpeg = bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xd8;
  if (!isPng && !isJpeg) {
    const refused = REFUSED.find(([test]) => test(bytes));
    const what = refused ? `${refused[1]} images are not accepted` : 'The file is not an image we accept';
    return { ok: false, reason: `${what}: upload a PNG or JPEG logo` };
  }
  const size = isPng ? pngSize(bytes) : jpegSize(bytes);
  if ('reason' in size) return { ok: false, reason: size.reason };
  if (size.width === 0 || size.height === 0) return { ok: false, reason: 'The image has no pixels' };
  if (size.width > MAX_LOGO_SIDE || size.height > MAX_LOGO_SIDE) {
    return { ok: false, reason: `The logo must be at most ${MAX_LOGO_SIDE} x ${MAX_LOGO_SIDE} pixels` };
  }
  return { ok: true, mediaType: isPng ? 'image/png' : 'image/jpeg', ...size };
}

/** The IHDR chunk must come first (PNG spec, 5.6): length 13, type, then width and height. */
function pngSize(b: Buffer): Size {
  if (b.length < 33) return { reason: 'The PNG file is truncated' };
  if (b.readUInt32BE(8) !== 13 || b.toString('latin1', 12, 16) !== 'IHDR') {
    return { reason: 'The PNG file has no valid header chunk' };
  }
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** Walks the marker segments after SOI up to the frame header (SOFn), which holds the dimensions. */
function jpegSize(b: Buffer): Size {
  const truncated = { reason: 'The JPEG file is truncated or has no frame header' };
  let i = 2;
  for (;;) {
    if (i >= b.length) return truncated;
    if (b[i] !== 0xff) return { reason: 'The JPEG file is corrupt (expected a marker)' };
    while (i < b.length && b[i] === 0xff) i++; // any number of 0xFF fill bytes may precede a marker
    if (i >= b.length) return truncated;
    const marker = b[i++];
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue; // TEM, RSTn: no length field
    if (marker === 0x00 || marker === 0xd8) return { reason: 'The JPEG file is corrupt (unexpected marker)' };
    if (marker === 0xd9 || marker === 0xda) return truncated; // end of image or scan data before any frame
    if (i + 2 > b.length) return truncated;
    const length = b.readUInt16BE(i);
    if (length < 2) return { reason: 'The JPEG file is corrupt (bad segment length)' };
    // C4 (DHT), C8 (JPG extension) and CC (DAC) sit in the SOFn range but are not frame headers.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (length < 7 || i + 7 > b.length) return truncated;
      return { height: b.readUInt16BE(i + 3), width: b.readUInt16BE(i + 5) };
    }
    i += length;
  }
}
