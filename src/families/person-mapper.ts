import type { PersonalDataCipher } from '../common/personal-data/personal-data-cipher';
import type { FieldError } from '../common/problem/problem';
import type { MemberFacts } from '../programmes/eligibility/eligibility.types';
import type { MemberInputDto } from './dto/member-input.dto';
import { nationalIdFormat } from './national-id/national-id-formats';
import { PersonDetails } from './person-details';

export type PersonResult = { person: PersonDetails; errors: [] } | { person: null; errors: FieldError[] };

/**
 * Turns what a family typed into what is stored: the national ID checked against its format and against the
 * birth date it encodes, then kept only as ciphertext and blind index. `field` prefixes error field names.
 */
export function toPersonDetails(
  input: MemberInputDto,
  defaultFormat: string,
  cipher: PersonalDataCipher,
  field: string,
): PersonResult {
  const errors: FieldError[] = [];
  const person = Object.assign(new PersonDetails(), {
    firstName: input.firstName.trim(),
    lastName: input.lastName.trim(),
    birthDate: input.birthDate,
    role: input.role,
    nationalIdFormat: null as string | null,
    nationalIdCipher: null as string | null,
    nationalIdIndex: null as string | null,
    educationEnd: input.educationEnd ?? null,
    educationInstitution: input.educationInstitution?.trim() || null,
    disabilityUntil: input.disabilityUntil ?? null,
    disabilityPermanent: input.disabilityPermanent ?? false,
    fosterPlacementEnd: input.fosterPlacementEnd ?? null,
    parentalAuthority: input.parentalAuthority ?? null,
    residencePermitEnd: input.residencePermitEnd ?? null,
  } satisfies PersonDetails);
  if (input.nationalId !== undefined && input.nationalId.trim() !== '') {
    const code = input.nationalIdFormat ?? defaultFormat;
    const format = nationalIdFormat(code);
    if (!format) {
      errors.push({
        field: `${field}.nationalIdFormat`,
        message: `${field}.nationalIdFormat ${code} is not known`,
      });
    } else {
      const normalized = format.normalize(input.nationalId);
      const check = format.validate(normalized);
      if (!check.ok) {
        errors.push({ field: `${field}.nationalId`, message: `${field}.nationalId ${check.reason}` });
      } else if (check.birthDate && check.birthDate !== input.birthDate) {
        errors.push({
          field: `${field}.nationalId`,
          message: `${field}.nationalId does not encode the birth date given in ${field}.birthDate`,
        });
      } else {
        person.nationalIdFormat = format.code;
        person.nationalIdCipher = cipher.encrypt(normalized, format.code);
        person.nationalIdIndex = cipher.blindIndex(format.code, normalized);
      }
    }
  }
  return errors.length ? { person: null, errors } : { person, errors: [] };
}

export const factsOf = (key: string, p: PersonDetails): MemberFacts => ({
  key,
  role: p.role,
  birthDate: p.birthDate,
  parentalAuthority: p.parentalAuthority,
  educationEnd: p.educationEnd,
  disabilityUntil: p.disabilityUntil,
  disabilityPermanent: p.disabilityPermanent,
  fosterPlacementEnd: p.fosterPlacementEnd,
  residencePermitEnd: p.residencePermitEnd,
});

/** What staff and families see of a national ID: its format and last three characters. */
export const maskedNationalId = (p: PersonDetails, cipher: PersonalDataCipher): string | null =>
  p.nationalIdCipher && p.nationalIdFormat
    ? `${'•'.repeat(8)}${cipher.decrypt(p.nationalIdCipher, p.nationalIdFormat).slice(-3)}`
    : null;
