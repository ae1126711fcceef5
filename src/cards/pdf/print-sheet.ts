import { ID1 } from './card-template';

/** ISO 216 A4, mm. */
export const A4 = { width: 210, height: 297 } as const;

/**
 * Ten ID-1 cards on an A4 sheet, 2 columns by 5 rows, centred. Crop marks start 1 mm from a card's corner and
 * are 2 mm long, so the marks of two cards facing each other across the 4 mm row gutter meet exactly and stay
 * 1 mm clear of both cards.
 */
export const SHEET = { columns: 2, rows: 5, columnGap: 6, rowGap: 4, markOffset: 1, markLength: 2 } as const;
export const CARDS_PER_SHEET = SHEET.columns * SHEET.rows;

export interface Point {
  x: number;
  y: number;
}
export type Segment = [from: Point, to: Point];

const left = (A4.width - SHEET.columns * ID1.width - (SHEET.columns - 1) * SHEET.columnGap) / 2;
const top = (A4.height - SHEET.rows * ID1.height - (SHEET.rows - 1) * SHEET.rowGap) / 2;

/** Top-left corner of the card in slot 0-9 (row by row), mm from the sheet's top-left corner. */
export function slotOrigin(slot: number): Point {
  const column = slot % SHEET.columns;
  const row = Math.floor(slot / SHEET.columns);
  return { x: left + column * (ID1.width + SHEET.columnGap), y: top + row * (ID1.height + SHEET.rowGap) };
}

/** The eight crop marks of a card at `origin`: at each corner one horizontal and one vertical, outside the card. */
export function cropMarks(origin: Point): Segment[] {
  const { markOffset: near, markLength: length } = SHEET;
  const far = near + length;
  const marks: Segment[] = [];
  for (const [x, outX] of [
    [origin.x, -1],
    [origin.x + ID1.width, 1],
  ])
    for (const [y, outY] of [
      [origin.y, -1],
      [origin.y + ID1.height, 1],
    ]) {
      marks.push([
        { x: x + outX * near, y },
        { x: x + outX * far, y },
      ]);
      marks.push([
        { x, y: y + outY * near },
        { x, y: y + outY * far },
      ]);
    }
  return marks;
}
