import { ID1 } from './card-template';
import { A4, CARDS_PER_SHEET, cropMarks, Point, SHEET, slotOrigin } from './print-sheet';

const slots = Array.from({ length: CARDS_PER_SHEET }, (_, slot) => slotOrigin(slot));
/** Distance from a point to a card's rectangle; 0 inside. */
const distance = (p: Point, card: Point) =>
  Math.hypot(
    Math.max(card.x - p.x, 0, p.x - card.x - ID1.width),
    Math.max(card.y - p.y, 0, p.y - card.y - ID1.height),
  );

describe('A4 print sheet', () => {
  it('places ten cards, two by five, centred with room for the marks at the edges', () => {
    expect(slots).toHaveLength(10);
    expect(slots[0].x).toBeCloseTo(A4.width - slots[1].x - ID1.width, 9);
    expect(slots[0].y).toBeCloseTo(A4.height - slots[9].y - ID1.height, 9);
    expect(slots[0].y - SHEET.markOffset - SHEET.markLength).toBeGreaterThan(2);
    expect(slots[1].x - slots[0].x - ID1.width).toBeCloseTo(SHEET.columnGap, 9);
    expect(slots[2].y - slots[0].y - ID1.height).toBeCloseTo(SHEET.rowGap, 9);
  });

  it('draws eight marks per card, on its edge lines, clear of every card on the sheet', () => {
    for (const card of slots) {
      const marks = cropMarks(card);
      expect(marks).toHaveLength(8);
      for (const [from, to] of marks) {
        const onEdgeLine =
          [card.x, card.x + ID1.width].includes(from.x) || [card.y, card.y + ID1.height].includes(from.y);
        expect(onEdgeLine).toBe(true);
        expect(Math.hypot(to.x - from.x, to.y - from.y)).toBeCloseTo(SHEET.markLength, 9);
        for (const other of slots)
          for (const end of [from, to])
            expect(distance(end, other)).toBeGreaterThanOrEqual(SHEET.markOffset - 1e-9);
      }
    }
  });
});
