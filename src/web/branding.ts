import type { ProgrammeEntity } from '../programmes/programme.entity';

/** How the pages present a programme: its name, colour and logo. */
export interface Branding {
  name: string;
  /** `#rrggbb`: the header and buttons. */
  colour: string;
  /** A logo image on this server, or null to show the name alone. */
  logoUrl: string | null;
}

/**
 * The one place programme branding comes from. The programme settings hold no logo or colour yet, so every
 * programme wears the default colour and shows its name; once they do, only this function changes.
 */
export const DEFAULT_BRAND_COLOUR = '#0f766e';
export const brandingOf = (programme: ProgrammeEntity): Branding => ({
  name: programme.name,
  colour: DEFAULT_BRAND_COLOUR,
  logoUrl: null,
});

const INK = '#111827';
const PAPER = '#ffffff';
/** The pages' background (public/shared/site.css): a shade darker than white, so text readable on it is on white too. */
const GROUND = '#f3f4f6';
/** WCAG 2.1 AA for normal text. */
export const AA_CONTRAST = 4.5;

const channels = (hex: string): number[] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const toHex = (rgb: number[]): string =>
  `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

/** WCAG 2.1 relative luminance of an sRGB `#rrggbb` colour. */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.1 contrast ratio of two colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** White or near-black text, whichever reads better on `background`. */
export const inkOn = (background: string): string =>
  contrastRatio(background, PAPER) >= contrastRatio(background, INK) ? PAPER : INK;

/** `colour`, darkened just enough to be read as text (links) on `background` at AA contrast. */
export function readableOn(colour: string, background: string): string {
  let rgb = channels(colour);
  while (contrastRatio(toHex(rgb), background) < AA_CONTRAST) rgb = rgb.map((c) => c * 0.95);
  return toHex(rgb);
}

/** The stylesheet of the brand's custom properties, which public/shared/site.css uses. */
export function brandStylesheet(branding: Branding): string {
  const strong = readableOn(branding.colour, GROUND);
  return [
    ':root {',
    `  --brand: ${branding.colour};`,
    `  --brand-ink: ${inkOn(branding.colour)};`,
    `  --brand-text: ${strong};`,
    `  --brand-text-ink: ${inkOn(strong)};`,
    '}',
    '',
  ].join('\n');
}
