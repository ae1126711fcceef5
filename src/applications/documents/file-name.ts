import { extensionOf } from './media-type';

const MAX_NAME = 200;

/**
 * The name an uploader gave, fit for display: no directory part, no control or bidi-override characters (which
 * can disguise "gpj.exe" as "exe.jpg"), at most 200 characters. It is never used as a path.
 */
export function cleanFileName(raw: string | undefined): string {
  const base = (raw ?? '').split(/[/\\]/).pop() ?? '';
  const clean = base
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .trim();
  return [...clean].slice(0, MAX_NAME).join('') || 'document';
}

/**
 * `Content-Disposition` for a download: always an attachment, named after the upload but with the extension
 * of the type detected from the bytes, so the saved file opens with the program that matches its content.
 * An ASCII fallback name for old clients, and the UTF-8 name (RFC 6266 / RFC 8187) for the rest.
 */
export function attachmentDisposition(fileName: string, mediaType: string): string {
  const stem = cleanFileName(fileName).replace(/\.[^.]{1,10}$/, '') || 'document';
  const name = `${stem}.${extensionOf(mediaType)}`;
  const ascii =
    name
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\%;]/g, '_') || 'document';
  const utf8 = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}
