import { MEMBER_ROLES, MemberRole } from '../../programmes/eligibility/eligibility.types';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const POLISH_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/**
 * 'YYYY-MM-DD' as is, and 'DD.MM.YYYY' (how Polish registers write dates) turned into it; null for anything
 * else. Whether the day exists is left to the DTO, so the import reports it exactly as the API does.
 */
export function normalizeDate(value: string): string | null {
  if (ISO_DATE.test(value)) return value;
  const polish = POLISH_DATE.exec(value);
  if (!polish) return null;
  const [, day, month, year] = polish;
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

const BOOLEANS: ReadonlyMap<string, boolean> = new Map([
  ['true', true],
  ['tak', true],
  ['1', true],
  ['false', false],
  ['nie', false],
  ['0', false],
]);

export const BOOLEAN_WORDS = [...BOOLEANS.keys()];

export function parseBoolean(value: string): boolean | null {
  return BOOLEANS.get(value.toLowerCase()) ?? null;
}

/** Lower case, no diacritics (ł has no decomposition), '_' for spaces and hyphens: how role words are compared. */
export function foldWord(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ł/g, 'l')
    .replace(/[\s-]+/g, '_');
}

/** Polish registers name roles in Polish; folded, so "Małżonek", "malzonek" and "MAŁŻONEK" all match. */
export const POLISH_ROLE_ALIASES: Readonly<Record<string, MemberRole>> = {
  rodzic: 'parent',
  małżonek: 'spouse',
  małżonka: 'spouse',
  dziecko: 'child',
  dziecko_zastępcze: 'foster_child',
  rodzic_zastępczy: 'foster_parent',
};

const ROLES: ReadonlyMap<string, MemberRole> = new Map([
  ...MEMBER_ROLES.map((role) => [role, role] as const),
  ...Object.entries(POLISH_ROLE_ALIASES).map(([alias, role]) => [foldWord(alias), role] as const),
]);

export function roleOf(value: string): MemberRole | null {
  return ROLES.get(foldWord(value)) ?? null;
}
