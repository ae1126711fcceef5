import { decideEligibility } from '../programmes/eligibility/eligibility';
import type { EligibilityRules, FamilyDecision, IsoDate } from '../programmes/eligibility/eligibility.types';
import { factsOf } from './person-mapper';
import type { PersonDetails } from './person-details';

/** What the engine needs of a household besides its members: where it lives. */
export interface Household {
  postalCode: string | null;
  municipalityCode: string | null;
}

/** Runs the eligibility engine on people keyed by any id the caller likes. */
export function decideFamily(
  rules: EligibilityRules,
  household: Household,
  people: { key: string; person: PersonDetails }[],
  date: IsoDate,
): FamilyDecision {
  return decideEligibility(
    rules,
    {
      postalCode: household.postalCode,
      municipalityCode: household.municipalityCode,
      members: people.map(({ key, person }) => factsOf(key, person)),
    },
    date,
  );
}
