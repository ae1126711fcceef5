/*
 * What an offer gives and to whom. Money is in minor units of the programme's currency (grosze for PLN), so
 * amounts are exact integers everywhere and only formatting divides.
 */

export type OfferBenefit =
  | { type: 'percent'; percent: number } // 1..100, at most 2 decimals
  | { type: 'amount_off'; amount: number } // minor units, positive integer
  | { type: 'special_price'; price: number } // minor units, >= 0 integer
  | { type: 'free_entry' }
  | { type: 'free_text' }; // the text lives in the offer's per-language texts

export type OfferAudience =
  | { kind: 'all' }
  | { kind: 'children' }
  | { kind: 'parents' }
  | { kind: 'age_range'; minAge?: number; maxAge?: number };

export const BENEFIT_TYPES = ['percent', 'amount_off', 'special_price', 'free_entry', 'free_text'] as const;
export const AUDIENCE_KINDS = ['all', 'children', 'parents', 'age_range'] as const;
export const MAX_AUDIENCE_AGE = 120;

const isMinorUnits = (value: unknown): value is number => Number.isSafeInteger(value);

// Benefits arrive as JSON from forms and CSV imports, so every field is checked at run time, not trusted to the type.
export function benefitProblems(b: OfferBenefit): string[] {
  switch (b?.type) {
    case 'percent': {
      const { percent } = b;
      if (typeof percent !== 'number' || !(percent >= 1 && percent <= 100))
        return ['percent must be 1 to 100'];
      // toFixed rounds to the nearest 2-decimal string, which parses back to the same double only when exact.
      return Number(percent.toFixed(2)) === percent ? [] : ['percent must have at most 2 decimal places'];
    }
    case 'amount_off':
      return isMinorUnits(b.amount) && b.amount > 0
        ? []
        : ['amount must be a positive whole number of minor units'];
    case 'special_price':
      return isMinorUnits(b.price) && b.price >= 0
        ? []
        : ['price must be a whole number of minor units, 0 or more'];
    case 'free_entry':
    case 'free_text':
      return [];
    default:
      return [`benefit type must be one of: ${BENEFIT_TYPES.join(', ')}`];
  }
}

export function audienceProblems(a: OfferAudience): string[] {
  if (!AUDIENCE_KINDS.includes(a?.kind))
    return [`audience kind must be one of: ${AUDIENCE_KINDS.join(', ')}`];
  if (a.kind !== 'age_range') return [];
  const { minAge, maxAge } = a;
  if (minAge == null && maxAge == null) return ['an age range needs a minimum or a maximum age'];
  const isAge = (age: unknown) =>
    Number.isInteger(age) && (age as number) >= 0 && (age as number) <= MAX_AUDIENCE_AGE;
  const problems = [
    ...(minAge != null && !isAge(minAge)
      ? [`minAge must be a whole number from 0 to ${MAX_AUDIENCE_AGE}`]
      : []),
    ...(maxAge != null && !isAge(maxAge)
      ? [`maxAge must be a whole number from 0 to ${MAX_AUDIENCE_AGE}`]
      : []),
  ];
  if (problems.length === 0 && minAge != null && maxAge != null && minAge > maxAge) {
    problems.push('minAge must not be greater than maxAge');
  }
  return problems;
}

interface Words {
  amountOff(money: string): string;
  freeEntry: string;
  freeText: string;
}

// Only the badge words; longer offer texts are written by partners per language. Other languages fall back to
// English words around numbers formatted for that language.
const WORDS: Record<string, Words> = {
  pl: { amountOff: (money) => `\u2212${money}`, freeEntry: 'Wstęp wolny', freeText: 'Oferta specjalna' },
  en: { amountOff: (money) => `${money} off`, freeEntry: 'Free entry', freeText: 'Special offer' },
};

// ISO 4217 exponents that differ from 2; amounts are stored in these minor units whatever Intl displays by default.
const MINOR_UNIT_DIGITS: Record<string, number> = {
  JPY: 0,
  KRW: 0,
  ISK: 0,
  CLP: 0,
  BHD: 3,
  KWD: 3,
  OMR: 3,
  TND: 3,
};

/** Digits after the decimal point of a currency's minor unit: 2 for PLN (grosze), 0 for JPY. */
export const minorUnitDigits = (currency: string): number => MINOR_UNIT_DIGITS[currency.toUpperCase()] ?? 2;

// Building an Intl.NumberFormat costs far more than using one (a card check formats a badge per offer), so they
// are kept per language and style; bounded, as the language may come from a request.
const NUMBER_FORMATS = new Map<string, Intl.NumberFormat>();

/** The formatter `key` names (language and currency, or language and "%"), made once. */
function numberFormat(key: string, make: () => Intl.NumberFormat): Intl.NumberFormat {
  let format = NUMBER_FORMATS.get(key);
  if (!format) {
    format = make(); // an unknown currency or language throws RangeError before anything is cached
    if (NUMBER_FORMATS.size >= 64) NUMBER_FORMATS.clear();
    NUMBER_FORMATS.set(key, format);
  }
  return format;
}

/** A short catalogue badge: "−20%", "−15,00 zł", "15.00 PLN off"… Throws RangeError for an unknown currency. */
export function formatBenefit(b: OfferBenefit, currency: string, language: string): string {
  const words = WORDS[language.split('-')[0].toLowerCase()] ?? WORDS.en;
  const digits = minorUnitDigits(currency);
  const money = (minor: number) =>
    numberFormat(
      `${language}|${currency}`,
      () =>
        new Intl.NumberFormat(language, {
          style: 'currency',
          currency,
          minimumFractionDigits: digits,
          maximumFractionDigits: digits,
        }),
    ).format(minor / 10 ** digits);
  switch (b.type) {
    case 'percent': {
      const percent = numberFormat(
        `${language}|%`,
        () => new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 2 }),
      );
      return `\u2212${percent.format(b.percent / 100)}`;
    }
    case 'amount_off':
      return words.amountOff(money(b.amount));
    case 'special_price':
      return money(b.price);
    case 'free_entry':
      return words.freeEntry;
    case 'free_text':
      return words.freeText;
  }
}
