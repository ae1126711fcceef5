import { contrastRatio, programmeLogoUrl, AA_CONTRAST } from '../programmes/programme-branding';
import type { ProgrammeEntity } from '../programmes/programme.entity';

export { AA_CONTRAST, contrastRatio, relativeLuminance } from '../programmes/programme-branding';

/** How the pages present a programme: its name, colours and logo. */
export interface Branding {
  name: string;
  /** `#rrggbb`: the header and buttons. */
  colour: string;
  /** `#rrggbb`: text on `colour`, at AA contrast. */
  ink: string;
  /** A logo image on this server, or null to show the name alone. */
  logoUrl: string | null;
}

/**
 * The one place programme branding comes from: the programme's colours when it has set them (always as a pair
 * with AA contrast, see programme-branding.ts), else the default colour and the more readable of white or
 * near-black on it; and its logo, when one is uploaded.
 */
export const DEFAULT_BRAND_COLOUR = '#0f766e';
export const brandingOf = (programme: ProgrammeEntity): Branding => {
  const own = programme.brandColour && programme.brandTextColour;
  return {
    name: programme.name,
    colour: own ? programme.brandColour! : DEFAULT_BRAND_COLOUR,
    ink: own ? programme.brandTextColour! : inkOn(DEFAULT_BRAND_COLOUR),
    logoUrl: programmeLogoUrl(programme),
  };
};

const INK = '#111827';
const PAPER = '#ffffff';
/** The pages' background (public/shared/site.css): a shade darker than white, so text readable on it is on white too. */
const GROUND = '#f3f4f6';
const channels = (hex: string): number[] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const toHex = (rgb: number[]): string =>
  `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

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
    `  --brand-ink: ${branding.ink};`,
    `  --brand-text: ${strong};`,
    `  --brand-text-ink: ${inkOn(strong)};`,
    '}',
    '',
  ].join('\n');
}
