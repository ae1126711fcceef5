/** The only kinds of file a family can attach: what scanners and phone cameras produce. */
export const DOCUMENT_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type DocumentMediaType = (typeof DOCUMENT_MEDIA_TYPES)[number];

const SIGNATURES: ReadonlyArray<{ type: DocumentMediaType; magic: Buffer; extension: string }> = [
  { type: 'application/pdf', magic: Buffer.from('%PDF-', 'latin1'), extension: 'pdf' },
  { type: 'image/jpeg', magic: Buffer.from([0xff, 0xd8, 0xff]), extension: 'jpg' },
  {
    type: 'image/png',
    magic: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    extension: 'png',
  },
];

/** How many leading bytes sniffMediaType needs to see. */
export const SNIFF_BYTES = Math.max(...SIGNATURES.map((s) => s.magic.length));

/**
 * The media type the file's first bytes prove, or null. The upload's own Content-Type and file name are the
 * sender's claim and are never trusted: an executable renamed `.pdf` stays an executable.
 */
export function sniffMediaType(head: Buffer): DocumentMediaType | null {
  return SIGNATURES.find((s) => head.subarray(0, s.magic.length).equals(s.magic))?.type ?? null;
}

export const extensionOf = (type: string): string =>
  SIGNATURES.find((s) => s.type === type)?.extension ?? 'bin';
