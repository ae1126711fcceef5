import type { MemberRole } from '../../programmes/eligibility/eligibility.types';

/** ISO/IEC 7810 ID-1, the size of a bank card, in mm. Every card page is this size. */
export const ID1 = { width: 85.6, height: 53.98 } as const;

export const TEXT_FIELDS = ['programmeName', 'holderName', 'cardNumber', 'role', 'validUntil'] as const;
export type TextFieldName = (typeof TEXT_FIELDS)[number];

/** A rectangle on the card, in mm from the card's top-left corner. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TextField {
  /** Left edge of the field's box, mm. */
  x: number;
  /** Baseline of the text, mm from the top edge. */
  y: number;
  /** pt */
  fontSize: number;
  /** Text too wide for maxWidth shrinks down to this size (pt) before it is cut with an ellipsis. */
  minFontSize: number;
  bold: boolean;
  /** #RRGGBB */
  color: string;
  /** Width of the field's box, mm. */
  maxWidth: number;
  align: 'left' | 'center' | 'right';
}

/** What a card says in one language. */
export interface CardTexts {
  /** Holds {date}, e.g. "Ważna do {date}". */
  validUntil: string;
  /** Said instead when the card has no end date, e.g. "Ważna bezterminowo". */
  validIndefinitely: string;
  /** YYYY, MM and DD stand for the date's parts, e.g. "DD.MM.YYYY". */
  dateFormat: string;
  roles: Record<MemberRole, string>;
}

/** The design as card.json holds it; positions and sizes in mm, font sizes in pt. */
export interface CardLayout {
  defaultLanguage: string;
  background: string;
  band: Box & { color: string };
  logo: Box & { file: string };
  fields: Record<TextFieldName, TextField>;
  /** The white square of the symbol including its 4-module quiet zone. */
  qr: { x: number; y: number; size: number; color: string };
  texts: Record<string, CardTexts>;
}

/** A loaded template: the layout and its logo's bytes (PNG or JPEG). */
export interface CardTemplate extends CardLayout {
  logoImage: Buffer;
}
