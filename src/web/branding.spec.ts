import type { ProgrammeEntity } from '../programmes/programme.entity';
import {
  AA_CONTRAST,
  brandingOf,
  brandStylesheet,
  contrastRatio,
  inkOn,
  readableOn,
  relativeLuminance,
} from './branding';

describe('relativeLuminance and contrastRatio (WCAG 2.1)', () => {
  it.each([
    ['#000000', 0],
    ['#ffffff', 1],
    ['#808080', 0.2159],
    ['#ff0000', 0.2126],
    ['#00ff00', 0.7152],
    ['#0000ff', 0.0722],
  ])('luminance of %s is %d', (colour, luminance) => {
    expect(relativeLuminance(colour)).toBeCloseTo(luminance, 4);
  });

  it.each([
    ['#000000', '#ffffff', 21],
    ['#ffffff', '#000000', 21],
    ['#777777', '#ffffff', 4.48],
    ['#767676', '#ffffff', 4.54],
    ['#0f766e', '#ffffff', 5.47],
    ['#123456', '#123456', 1],
  ])('%s on %s: %d', (a, b, ratio) => {
    expect(contrastRatio(a, b)).toBeCloseTo(ratio, 2);
  });
});

describe('inkOn', () => {
  it.each([
    ['#0f766e', '#ffffff'],
    ['#1d4ed8', '#ffffff'],
    ['#991b1b', '#ffffff'],
    ['#fde047', '#111827'],
    ['#22d3ee', '#111827'],
    ['#ffffff', '#111827'],
  ])('text on %s is %s', (background, ink) => {
    expect(inkOn(background)).toBe(ink);
  });
});

describe('readableOn', () => {
  it.each(['#0f766e', '#111827'])('keeps %s, already readable on the page ground', (colour) => {
    expect(readableOn(colour, '#f3f4f6')).toBe(colour);
  });

  it.each(['#fde047', '#22d3ee', '#ff0000', '#ffffff', '#10b981'])(
    'darkens %s until it reaches AA on the ground, and no further than needed',
    (colour) => {
      const text = readableOn(colour, '#f3f4f6');
      expect(contrastRatio(text, '#f3f4f6')).toBeGreaterThanOrEqual(AA_CONTRAST);
      expect(contrastRatio(text, '#ffffff')).toBeGreaterThanOrEqual(AA_CONTRAST);
      const lighter = `#${[1, 3, 5]
        .map((i) =>
          Math.min(255, Math.round(parseInt(text.slice(i, i + 2), 16) / 0.9))
            .toString(16)
            .padStart(2, '0'),
        )
        .join('')}`;
      expect(contrastRatio(lighter, '#f3f4f6')).toBeLessThan(AA_CONTRAST + 0.6);
    },
  );
});

describe('brandStylesheet', () => {
  it('declares the brand colour, its ink and a text colour with AA contrast', () => {
    const css = brandStylesheet({ name: 'Karta', colour: '#fde047', ink: '#111827', logoUrl: null });
    const value = (name: string) => new RegExp(`--${name}: (#[0-9a-f]{6});`).exec(css)![1];
    expect(value('brand')).toBe('#fde047');
    expect(value('brand-ink')).toBe('#111827');
    expect(contrastRatio(value('brand'), value('brand-ink'))).toBeGreaterThanOrEqual(AA_CONTRAST);
    expect(contrastRatio(value('brand-text'), '#ffffff')).toBeGreaterThanOrEqual(AA_CONTRAST);
    expect(contrastRatio(value('brand-text'), value('brand-text-ink'))).toBeGreaterThanOrEqual(AA_CONTRAST);
  });
});

describe('brandingOf', () => {
  const programme = (p: Partial<ProgrammeEntity>) =>
    ({ name: 'Karta', brandColour: null, brandTextColour: null, logoHash: null, ...p }) as ProgrammeEntity;

  it.each<[Partial<ProgrammeEntity>, { colour: string; ink: string; logoUrl: string | null }]>([
    [{}, { colour: '#0f766e', ink: '#ffffff', logoUrl: null }],
    [
      { brandColour: '#1d4ed8', brandTextColour: '#fefefe' },
      { colour: '#1d4ed8', ink: '#fefefe', logoUrl: null },
    ],
    // Half a pair is never stored (the service refuses it); were it there, the defaults would hold.
    [{ brandColour: '#1d4ed8' }, { colour: '#0f766e', ink: '#ffffff', logoUrl: null }],
    [
      { logoHash: 'ab'.repeat(32) },
      { colour: '#0f766e', ink: '#ffffff', logoUrl: `/branding/logo?v=${'ab'.repeat(8)}` },
    ],
  ])('%j → %j', (settings, expected) => {
    expect(brandingOf(programme(settings))).toEqual({ name: 'Karta', ...expected });
  });

  it('puts the programme colours in the stylesheet', () => {
    const css = brandStylesheet(
      brandingOf(programme({ brandColour: '#fde047', brandTextColour: '#1f2937' })),
    );
    expect(css).toContain('--brand: #fde047;');
    expect(css).toContain('--brand-ink: #1f2937;');
  });
});
