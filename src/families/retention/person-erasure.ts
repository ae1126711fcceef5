import type { PersonDetails } from '../person-details';

/**
 * What a person becomes at retention: only the role (kept as it is) and the birth year (as 1 January) remain,
 * so counts by role and age group still add up; nothing that names, identifies or describes them. Disability,
 * foster care and residence facts are special or sensitive data and go entirely.
 */
export function erasedPerson(birthDate: string): Omit<PersonDetails, 'role'> {
  return {
    firstName: 'erased',
    lastName: '',
    birthDate: `${birthDate.slice(0, 4)}-01-01`,
    nationalIdFormat: null,
    nationalIdCipher: null,
    nationalIdIndex: null,
    educationEnd: null,
    educationInstitution: null,
    disabilityUntil: null,
    disabilityPermanent: false,
    fosterPlacementEnd: null,
    parentalAuthority: null,
    residencePermitEnd: null,
  };
}

/** `months` calendar months before `now` (UTC), the retention cut-off. */
export function monthsBefore(now: Date, months: number): Date {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return cutoff;
}
