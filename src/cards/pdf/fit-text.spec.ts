import { fitText, MeasureText } from './fit-text';

/** Every character half an em wide: width = characters × size / 2. */
const measure: MeasureText = (text, size) => (Array.from(text).length * size) / 2;

describe('fitText', () => {
  it.each([
    ['fits as it is', 'Anna Nowak', 100, 10, 6, { text: 'Anna Nowak', size: 10 }],
    ['shrinks to the width', 'Anna Nowak-Kowalska', 76, 10, 6, { text: 'Anna Nowak-Kowalska', size: 8 }],
    [
      'shrinks in tenths of a point',
      'Anna Nowak-Kowalska',
      75,
      10,
      6,
      { text: 'Anna Nowak-Kowalska', size: 7.8 },
    ],
    [
      'shrinks down to the minimum exactly',
      'Anna Nowak-Kowalska',
      57,
      10,
      6,
      { text: 'Anna Nowak-Kowalska', size: 6 },
    ],
    [
      'cuts at the minimum with an ellipsis',
      'Anna Nowak-Kowalska',
      30,
      10,
      6,
      { text: 'Anna Nowa…', size: 6 },
    ],
    ['drops the space before the ellipsis', 'Anna Nowak-Kowalska', 18, 10, 6, { text: 'Anna…', size: 6 }],
    ['cuts without shrinking when no minimum is set', 'Anna Nowak', 30, 10, 10, { text: 'Anna…', size: 10 }],
    ['leaves at least the ellipsis', 'Anna', 2, 10, 6, { text: '…', size: 6 }],
  ])('%s', (_, text, maxWidth, size, minSize, expected) => {
    expect(fitText(text, maxWidth, size, minSize, measure)).toEqual(expected);
  });

  it('never exceeds the width and keeps as much as fits', () => {
    for (let maxWidth = 4; maxWidth < 120; maxWidth += 0.7) {
      const { text, size } = fitText('Małgorzata Wiśniewska-Dąbrowska', maxWidth, 11, 7, measure);
      expect(measure(text, size)).toBeLessThanOrEqual(maxWidth);
      if (text.endsWith('…')) expect(measure(`${text.slice(0, -1)}xx…`, size)).toBeGreaterThan(maxWidth);
    }
  });

  it('never cuts a character in two', () => {
    expect(fitText('𝒜𝒷𝒸𝒹𝑒𝒻', 10, 10, 10, measure).text).toBe('𝒜…');
  });
});
