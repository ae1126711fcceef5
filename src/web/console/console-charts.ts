/*
 * The staff dashboard's charts, drawn by the server as SVG: pure geometry from the numbers, so the page needs no
 * script and the spec can check every bar. The same numbers are also shown as a table beside each chart.
 */

export interface ChartDatum {
  label: string;
  value: number;
}

export interface ChartBar extends ChartDatum {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Where the value is written: above the bar, centred. */
  valueX: number;
  valueY: number;
}

export interface BarChart {
  width: number;
  height: number;
  /** The top of the scale: a round number at least as large as every value (1 when all are 0). */
  max: number;
  /** The baseline's y. */
  baseline: number;
  bars: ChartBar[];
}

export const CHART_WIDTH = 480;
export const CHART_HEIGHT = 200;
/** Room above the bars for the values, and below the baseline. */
const TOP = 20;
const BOTTOM = 4;
const GAP = 0.25;

/** The smallest of 1, 2, 5 × 10^k that is at least `n`; 1 for 0 or less. */
export function niceMax(n: number): number {
  if (n <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(n));
  for (const step of [1, 2, 5, 10]) if (step * power >= n) return step * power;
  return 10 * power;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** A vertical bar chart of `data` in a `width` × `height` box: equal slots, a quarter of each left empty. */
export function barChart(data: ChartDatum[], width = CHART_WIDTH, height = CHART_HEIGHT): BarChart {
  const max = niceMax(Math.max(0, ...data.map((d) => d.value)));
  const baseline = height - BOTTOM;
  const scale = (baseline - TOP) / max;
  const slot = data.length ? width / data.length : width;
  const barWidth = slot * (1 - GAP);
  return {
    width,
    height,
    max,
    baseline,
    bars: data.map((d, i) => {
      const barHeight = round(Math.max(0, d.value) * scale);
      const x = round(i * slot + (slot - barWidth) / 2);
      return {
        ...d,
        x,
        y: round(baseline - barHeight),
        width: round(barWidth),
        height: barHeight,
        valueX: round(x + barWidth / 2),
        valueY: round(baseline - barHeight - 4),
      };
    }),
  };
}

/**
 * Counts per day (`YYYY-MM-DD` → n) summed into `weeks` seven-day weeks from `first`: index i holds the days
 * first + 7i … first + 7i + 6. Days outside are ignored.
 */
export function sumByWeek(perDay: { day: string; count: number }[], first: string, weeks: number): number[] {
  const sums = new Array<number>(weeks).fill(0);
  const start = Date.parse(`${first}T00:00:00Z`);
  for (const { day, count } of perDay) {
    const index = Math.floor((Date.parse(`${day}T00:00:00Z`) - start) / (7 * 86_400_000));
    if (index >= 0 && index < weeks) sums[index] += count;
  }
  return sums;
}
