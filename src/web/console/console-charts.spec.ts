import { barChart, niceMax, sumByWeek } from './console-charts';

describe('niceMax', () => {
  it.each([
    [0, 1],
    [-3, 1],
    [1, 1],
    [2, 2],
    [3, 5],
    [7, 10],
    [10, 10],
    [11, 20],
    [250, 500],
    [1000, 1000],
    [1001, 2000],
  ])('%p → %p', (n, max) => expect(niceMax(n)).toBe(max));
});

describe('barChart', () => {
  it.each([
    {
      name: 'two bars, the larger one reaching the top of a round scale',
      data: [3, 5],
      box: [100, 124],
      max: 5,
      bars: [
        { x: 6.3, y: 60, width: 37.5, height: 60 },
        { x: 56.3, y: 20, width: 37.5, height: 100 },
      ],
    },
    {
      name: 'all zero: flat bars on the baseline, scale 1',
      data: [0, 0],
      box: [100, 124],
      max: 1,
      bars: [
        { x: 6.3, y: 120, width: 37.5, height: 0 },
        { x: 56.3, y: 120, width: 37.5, height: 0 },
      ],
    },
    {
      name: 'a negative count is drawn as none',
      data: [-2, 1],
      box: [100, 124],
      max: 1,
      bars: [
        { x: 6.3, y: 120, width: 37.5, height: 0 },
        { x: 56.3, y: 20, width: 37.5, height: 100 },
      ],
    },
  ])('$name', ({ data, box, max, bars }) => {
    const chart = barChart(
      data.map((value, i) => ({ label: `d${i}`, value })),
      box[0],
      box[1],
    );
    expect(chart.max).toBe(max);
    expect(chart.baseline).toBe(120);
    expect(chart.bars.map(({ x, y, width, height }) => ({ x, y, width, height }))).toEqual(bars);
    for (const bar of chart.bars) {
      expect(bar.y + bar.height).toBe(chart.baseline);
      expect(bar.valueY).toBe(bar.y - 4);
    }
  });

  it('keeps labels and values', () => {
    const chart = barChart([{ label: 'active', value: 7 }]);
    expect(chart.bars[0]).toMatchObject({ label: 'active', value: 7 });
  });

  it('draws nothing for no data', () => expect(barChart([]).bars).toEqual([]));
});

describe('sumByWeek', () => {
  it.each([
    { name: 'first day of the first week', days: [['2026-01-05', 2]], sums: [2, 0] },
    { name: 'seventh day still in the first week', days: [['2026-01-11', 1]], sums: [1, 0] },
    { name: 'eighth day in the second', days: [['2026-01-12', 4]], sums: [0, 4] },
    {
      name: 'days of a week add up',
      days: [
        ['2026-01-06', 1],
        ['2026-01-07', 2],
      ],
      sums: [3, 0],
    },
    {
      name: 'before and after ignored',
      days: [
        ['2026-01-04', 1],
        ['2026-01-19', 1],
      ],
      sums: [0, 0],
    },
  ])('$name', ({ days, sums }) => {
    const perDay = days.map(([day, count]) => ({ day: day as string, count: count as number }));
    expect(sumByWeek(perDay, '2026-01-05', 2)).toEqual(sums);
  });
});
