import type { ProgrammeEntity } from './programme.entity';

/*
 * The programme's branding rules, as pure functions: colours are `#rrggbb`, and a brand colour is only taken
 * with a text colour that can be read on it (WCAG 2.1 AA for normal text: 4.5:1), so no programme can make its
 * own buttons unreadable.
 */

/** WCAG 2.1 AA for normal text. */
export const AA_CONTRAST = 4.5;

export const HEX_COLOUR = /^#[0-9a-f]{6}$/;

const channels = (hex: string): number[] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

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

export type ColourPairProblem = 'pairIncomplete' | 'contrastTooLow' | null;

/**
 * Why a brand colour and its text colour cannot be used together, or null when they can: both unset (the
 * default colours), or both set with a contrast ratio of at least 4.5:1. Colours are already `#rrggbb`.
 */
export function colourPairProblem(colour: string | null, text: string | null): ColourPairProblem {
  if (colour === null && text === null) return null;
  if (colour === null || text === null) return 'pairIncomplete';
  return contrastRatio(colour, text) >= AA_CONTRAST ? null : 'contrastTooLow';
}

/** The public address of the programme's logo (its hash makes a new logo a new URL), or null without one. */
export const programmeLogoUrl = (p: Pick<ProgrammeEntity, 'logoHash'>): string | null =>
  p.logoHash ? `/branding/logo?v=${p.logoHash.slice(0, 16)}` : null;
