/** How often a card (or a family) may use an offer; every field is optional and a positive whole number. */
export interface OfferLimits {
  perCardPerDay?: number;
  perCardPerWeek?: number;
  perCardPerMonth?: number;
  perCardTotal?: number;
  /** Uses by all cards of one family together, over the offer's life. */
  perFamilyTotal?: number;
}

export const LIMIT_FIELDS = [
  'perCardPerDay',
  'perCardPerWeek',
  'perCardPerMonth',
  'perCardTotal',
  'perFamilyTotal',
] as const satisfies ReadonlyArray<keyof OfferLimits>;

/** What is wrong with a set of limits; a shorter period may not allow more than a longer one. */
export function limitsProblems(limits: OfferLimits): string[] {
  const problems: string[] = [];
  for (const field of LIMIT_FIELDS) {
    const value = limits[field];
    if (value !== undefined && (!Number.isInteger(value) || value < 1 || value > 10_000))
      problems.push(`limits.${field} must be a whole number from 1 to 10000`);
  }
  if (problems.length) return problems;
  const chain = LIMIT_FIELDS.slice(0, 4).filter((f) => limits[f] !== undefined);
  for (let i = 1; i < chain.length; i++)
    if (limits[chain[i - 1]]! > limits[chain[i]]!)
      problems.push(`limits.${chain[i - 1]} cannot be more than limits.${chain[i]}`);
  return problems;
}
