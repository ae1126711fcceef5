// Letters that Unicode does not decompose into a base letter plus a mark, so NFD alone leaves them as they are.
const FOLD: Record<string, string> = { ł: 'l', đ: 'd', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i' };

/** Lower-case, without diacritics, single-spaced: "Łódź  Żółć" → "lodz zolc". What text search compares. */
export function foldForSearch(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[łđøßæœı]/g, (c) => FOLD[c])
    .replace(/\s+/g, ' ')
    .trim();
}

/** A LIKE pattern (with ESCAPE '\') matching text that contains `text` literally: %, _ and \ lose their meaning. */
export const containsPattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
