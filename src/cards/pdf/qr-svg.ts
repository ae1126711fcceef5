import { moduleRuns, qrSymbol, QUIET_ZONE } from './qr-symbol';

/**
 * The QR symbol for `text` as a small SVG document: one path of horizontal runs on a white square with the quiet
 * zone, one unit per module, so it scales to any screen without blurring. The same symbol as on the printed card.
 */
export function qrSvg(text: string): string {
  const symbol = qrSymbol(text);
  const side = symbol.size + 2 * QUIET_ZONE;
  const path = moduleRuns(symbol)
    .map((run) => `M${run.x + QUIET_ZONE} ${run.y + QUIET_ZONE}h${run.length}v1h-${run.length}z`)
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges">` +
    `<rect width="${side}" height="${side}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`
  );
}
