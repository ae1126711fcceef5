import type { FieldError } from '../common/problem/problem';
import type { MemberInputDto } from '../families/dto/member-input.dto';
import { MEMBER_ROLES, MemberRole } from '../programmes/eligibility/eligibility.types';
import { dateError, field } from './page-forms';

/**
 * The application wizard's forms read without trusting them (apply-forms.spec.ts has the cases). Field ids carry
 * the row's index in the form as shown (`firstName-2`), so an error lands at the field it is about; errors are
 * message keys of the `apply` section.
 */
export const MAX_PEOPLE = 30;
export const ADDRESS_FIELDS = ['street', 'postalCode', 'city', 'phone'] as const;
export type AddressField = (typeof ADDRESS_FIELDS)[number];
export const PERSON_FIELDS = ['firstName', 'lastName', 'birthDate', 'role', 'nationalId'] as const;
export const STATEMENT_FIELDS = ['educationEnd', 'educationInstitution', 'disabilityUntil'] as const;

export type Errors = Record<string, string>;

export interface PersonRow {
  /** Where the row is in the form. */
  index: number;
  /** The saved application member it shows (hidden field), or '' for a new one. */
  key: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  role: string;
  /** Blank on a saved row: keep the one given before (never shown again). */
  nationalId: string;
}

export interface MembersForm {
  address: Record<AddressField, string>;
  rows: PersonRow[];
  errors: Errors;
  /** "Add another person" was pressed: save and show one more empty row. */
  more: boolean;
}

const POSTAL_CODE = /^[A-Za-z0-9 -]{2,16}$/;
const PHONE = /^\+?[0-9 ()-]{6,20}$/;

/** The household step: address and contact, and one row per person; empty rows are left out. */
export function readMembersForm(body: unknown, savedKeys: ReadonlySet<string>): MembersForm {
  const errors: Errors = {};
  const address = Object.fromEntries(ADDRESS_FIELDS.map((f) => [f, field(body, f).trim()])) as Record<
    AddressField,
    string
  >;
  if (!address.street) errors.street = 'streetMissing';
  else if (address.street.length > 200) errors.street = 'tooLong';
  if (!address.postalCode) errors.postalCode = 'postalCodeMissing';
  else if (!POSTAL_CODE.test(address.postalCode)) errors.postalCode = 'postalCodeInvalid';
  if (!address.city) errors.city = 'cityMissing';
  else if (address.city.length > 100) errors.city = 'tooLong';
  if (address.phone && !PHONE.test(address.phone)) errors.phone = 'phoneInvalid';

  const rows: PersonRow[] = [];
  for (let index = 0; index < MAX_PEOPLE; index++) {
    const value = (name: string) => field(body, `${name}-${index}`).trim();
    const row: PersonRow = {
      index,
      key: savedKeys.has(value('key')) ? value('key') : '',
      firstName: value('firstName'),
      lastName: value('lastName'),
      birthDate: value('birthDate'),
      role: value('role'),
      nationalId: value('nationalId'),
    };
    // An emptied row is left out: that is how a saved person is taken off the application.
    if (!row.firstName && !row.lastName && !row.birthDate && !row.nationalId) continue;
    rows.push(row);
    const at = (name: string, key: string | undefined) => {
      if (key) errors[`${name}-${index}`] = key;
    };
    at('firstName', !row.firstName ? 'firstNameMissing' : row.firstName.length > 100 ? 'tooLong' : undefined);
    at('lastName', !row.lastName ? 'lastNameMissing' : row.lastName.length > 100 ? 'tooLong' : undefined);
    at('birthDate', dateError(row.birthDate, 'birthDateMissing'));
    at('role', MEMBER_ROLES.includes(row.role as MemberRole) ? undefined : 'roleMissing');
    at('nationalId', row.nationalId.length > 32 ? 'tooLong' : undefined);
  }
  const more = field(body, 'action') === 'more';
  if (rows.length === 0 && !more) errors['firstName-0'] = 'peopleMissing';
  return { address, rows, errors, more };
}

/**
 * The people as the applications service takes them: what a saved row had (its statements, its national ID
 * when left blank) with what the form changed.
 */
export function memberInputs(
  rows: PersonRow[],
  saved: ReadonlyMap<string, MemberInputDto>,
): MemberInputDto[] {
  return rows.map((row) => {
    const before = saved.get(row.key);
    const input: MemberInputDto = {
      ...before,
      firstName: row.firstName,
      lastName: row.lastName,
      birthDate: row.birthDate,
      role: row.role as MemberRole,
    };
    if (row.nationalId) input.nationalId = row.nationalId;
    return input;
  });
}

export interface StatementsForm {
  statements: Record<string, string>[];
  errors: Errors;
}

/** The statements step: per person, the end of education and a disability certificate, each optional. */
export function readStatementsForm(body: unknown, people: number): StatementsForm {
  const errors: Errors = {};
  const statements = Array.from({ length: people }, (_, index) => {
    const values = Object.fromEntries(
      STATEMENT_FIELDS.map((name) => [name, field(body, `${name}-${index}`).trim()]),
    );
    for (const name of ['educationEnd', 'disabilityUntil']) {
      const error = dateError(values[name], null);
      if (error) errors[`${name}-${index}`] = error;
    }
    if (values.educationInstitution.length > 200) errors[`educationInstitution-${index}`] = 'tooLong';
    if (values.educationInstitution && !values.educationEnd)
      errors[`educationEnd-${index}`] = 'educationEndMissing';
    return values;
  });
  return { statements, errors };
}

/** Each person with their statements in place of the ones saved before (blank clears). */
export function withStatements(
  people: MemberInputDto[],
  statements: Record<string, string>[],
): MemberInputDto[] {
  return people.map((person, i) => ({
    ...person,
    educationEnd: statements[i].educationEnd || undefined,
    educationInstitution: statements[i].educationInstitution || undefined,
    disabilityUntil: statements[i].disabilityUntil || undefined,
  }));
}

/**
 * The applications service's field errors (`members[2].nationalId`, `postalCode`) at the form's fields:
 * `people` maps the service's member index to the row's index in the form.
 */
export function serviceErrors(
  errors: FieldError[],
  people: number[],
  fields: readonly string[] = PERSON_FIELDS,
): Errors {
  const found: Errors = {};
  for (const error of errors) {
    const m = /^members\[(\d+)\]\.(\w+)$/.exec(error.field);
    if (m) {
      const name = fields.includes(m[2]) ? m[2] : fields[fields.length - 1];
      found[`${name}-${people[Number(m[1])] ?? 0}`] ??=
        name === 'nationalId' ? 'nationalIdInvalid' : 'invalid';
    } else found[error.field] ??= 'invalid';
  }
  return found;
}
