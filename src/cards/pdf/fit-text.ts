export interface FittedText {
  text: string;
  /** pt */
  size: number;
}

/** Width of `text` at font size `size`, in the unit of maxWidth. */
export type MeasureText = (text: string, size: number) => number;

const ELLIPSIS = '…';
/** Sizes are tried in tenths of a point. */
const TENTHS = 10;

/**
 * Fits one line into maxWidth: at its size if it fits; else shrunk, down to minSize; else cut at minSize with
 * an ellipsis. A name stays whole as long as it can be read, and never runs into the QR code.
 */
export function fitText(
  text: string,
  maxWidth: number,
  size: number,
  minSize: number,
  measure: MeasureText,
): FittedText {
  const width = measure(text, size);
  if (width <= maxWidth) return { text, size };
  // Width grows linearly with the size, so one division finds the size; the loop only absorbs rounding.
  let s = Math.max(minSize, Math.floor((size * maxWidth * TENTHS) / width) / TENTHS);
  for (;;) {
    if (measure(text, s) <= maxWidth) return { text, size: s };
    if (s <= minSize) break;
    s = Math.max(minSize, (Math.round(s * TENTHS) - 1) / TENTHS);
  }
  // Code points, not UTF-16 units: a cut never splits a surrogate pair.
  const chars = Array.from(text);
  const cut = (n: number) => chars.slice(0, n).join('').trimEnd() + ELLIPSIS;
  let low = 0;
  let high = chars.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measure(cut(mid), minSize) <= maxWidth) low = mid;
    else high = mid - 1;
  }
  return { text: cut(low), size: minSize };
}
